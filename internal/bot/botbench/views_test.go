package botbench

import (
	"github.com/schooldiary/diary/internal/store/storebench"

	"context"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/schooldiary/diary/internal/i18n"
	"github.com/schooldiary/diary/internal/telegramtest"
)

// press is one timed press: the reply's pages, the handler time (from the
// update entering the bot's webhook to its last page arriving in the
// emulator) and the user's round trip (from the press to the last page).
type press struct {
	pages     []telegramtest.Message
	handler   time.Duration
	roundTrip time.Duration
}

// pressAndWait presses the button labelled text on message m of p's chat and
// waits for every page of the view the press renders.
func (r *rig) pressAndWait(ctx context.Context, p *parent, m telegramtest.Message, text string) (press, error) {
	ctx, cancel := context.WithTimeout(ctx, waitLimit)
	defer cancel()
	start := time.Now()
	if _, err := r.tg.PressButton(p.user.ID, p.user.ID, m.ID, text); err != nil {
		return press{}, fmt.Errorf("press %q: %w", text, err)
	}
	first, err := r.tg.NextBotMessage(ctx, p.user.ID)
	if err != nil {
		return press{}, err
	}
	pages := []telegramtest.Message{first}
	n, _ := r.views.pages.Load(p.student.ID)
	for count, _ := n.(int); len(pages) < count; {
		m, err := r.tg.NextBotMessage(ctx, p.user.ID)
		if err != nil {
			return press{}, err
		}
		pages = append(pages, m)
	}
	end := time.Now()
	entered := time.Unix(0, r.entered.Load())
	return press{pages: pages, handler: end.Sub(entered), roundTrip: end.Sub(start)}, nil
}

// withButtons returns the last page that has inline buttons.
func withButtons(pages []telegramtest.Message) (telegramtest.Message, bool) {
	for i := len(pages) - 1; i >= 0; i-- {
		if len(pages[i].InlineKeyboard) > 0 {
			return pages[i], true
		}
	}
	return telegramtest.Message{}, false
}

// target is what one timed press presses: a message and a button label.
type target struct {
	msg   telegramtest.Message
	label string
}

// viewTargets returns, for p, the press of each benchmarked view: the
// grades and timetable of the menu, the week of homework (from the homework
// page) and the first subject in detail (from the grades page).
func (r *rig) viewTargets(ctx context.Context, p *parent) (map[string]target, error) {
	grades, homework := label(i18n.MenuGrades), label(i18n.MenuHomework)
	out := map[string]target{
		"grades":    {p.menu, grades},
		"timetable": {p.menu, label(i18n.MenuTimetable)},
	}
	g, err := r.pressAndWait(ctx, p, p.menu, grades)
	if err != nil {
		return nil, err
	}
	gp, ok := withButtons(g.pages)
	if !ok {
		return nil, fmt.Errorf("grades of student %d have no subject buttons: %.300q", p.student.ID, g.pages[0].Text)
	}
	out["subject"] = target{gp, gp.InlineKeyboard[0][0].Text}
	h, err := r.pressAndWait(ctx, p, p.menu, homework)
	if err != nil {
		return nil, err
	}
	hp, ok := withButtons(h.pages)
	if !ok {
		return nil, fmt.Errorf("homework of student %d has no buttons", p.student.ID)
	}
	out["homework-week"] = target{hp, label(i18n.BtnWeek)}
	return out, nil
}

func label(key i18n.Key) string { return i18n.Plain(i18n.RU, key) }

// BenchmarkView links BENCH_BOT_PARENTS parents to a demo school of
// BENCH_BOT_STUDENTS students in each store, then times one view press at a
// time, round robin over the parents, and reports the handler time's
// median and 99th percentile and the p99's ratio to the 20 ms limit.
func BenchmarkView(b *testing.B) {
	n, parents := envInt("BENCH_BOT_STUDENTS", 10000), envInt("BENCH_BOT_PARENTS", 200)
	for _, o := range storebench.Openers(clock) {
		b.Run(o.Name, func(b *testing.B) {
			db := o.Open(b)
			sum := load(b, db, n)
			r := newRig(b, db)
			ps := r.linkParents(b, parents, 8)
			b.Logf("%s: %d students, %d records, %d parents linked", o.Name, n, sum.Records, len(ps))
			targets := r.allTargets(b, ps)
			for _, view := range []string{"grades", "homework-week", "timetable", "subject"} {
				b.Run(view, func(b *testing.B) { r.timePresses(b, ps, targets, view) })
			}
			if w := r.warns.n.Load(); w > 0 {
				b.Errorf("%d warnings or errors in the bot's log, first: %v", w, r.warns.last)
			}
		})
	}
}

// allTargets finds every parent's view targets.
func (r *rig) allTargets(b *testing.B, ps []*parent) []map[string]target {
	b.Helper()
	out := make([]map[string]target, len(ps))
	for i, p := range ps {
		t, err := r.viewTargets(context.Background(), p)
		if err != nil {
			b.Fatal(err)
		}
		out[i] = t
	}
	return out
}

// timePresses presses view b.N times, round robin over the parents.
func (r *rig) timePresses(b *testing.B, ps []*parent, targets []map[string]target, view string) {
	var handler, trip []time.Duration
	pages, i := 0, 0
	for b.Loop() {
		t := targets[i%len(ps)][view]
		got, err := r.pressAndWait(context.Background(), ps[i%len(ps)], t.msg, t.label)
		if err != nil {
			b.Fatal(err)
		}
		if who := ps[i%len(ps)].student.Name; !strings.Contains(got.pages[0].Text, who.Last+" "+who.First) {
			b.Fatalf("%s: the bot answered %.100q, not the view", view, got.pages[0].Text)
		}
		handler, trip = append(handler, got.handler), append(trip, got.roundTrip)
		pages += len(got.pages)
		i++
	}
	p50, p99 := percentiles(handler)
	_, rt99 := percentiles(trip)
	b.ReportMetric(ms(p50), "p50-ms")
	b.ReportMetric(ms(p99), "p99-ms")
	b.ReportMetric(float64(p99)/float64(viewLimit), "p99/limit")
	b.ReportMetric(ms(rt99), "roundtrip-p99-ms")
	b.ReportMetric(float64(pages)/float64(len(handler)), "pages/op")
}

// percentiles returns the median and the 99th percentile of ds.
func percentiles(ds []time.Duration) (p50, p99 time.Duration) {
	slices.Sort(ds)
	return ds[len(ds)/2], ds[len(ds)*99/100]
}

func ms(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }
