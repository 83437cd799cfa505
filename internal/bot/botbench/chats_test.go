package botbench

import (
	"github.com/schooldiary/diary/internal/store/storebench"

	"context"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/schooldiary/diary/internal/i18n"
)

// BenchmarkThousandChats links BENCH_BOT_CHATS parents (1,000 by default)
// to a demo school of BENCH_BOT_STUDENTS students in each store, then has
// all of them press «Оценки» at the same moment and waits for every reply.
// It reports the errors (failed presses, missing or wrong replies, warnings
// and errors in the bot's log; must be 0) and the time until the last
// reply arrived.
func BenchmarkThousandChats(b *testing.B) {
	n, chats := envInt("BENCH_BOT_STUDENTS", 10000), envInt("BENCH_BOT_CHATS", 1000)
	for _, o := range storebench.Openers(clock) {
		b.Run(o.Name, func(b *testing.B) {
			db := o.Open(b)
			load(b, db, n)
			r := newRig(b, db)
			ps := r.linkParents(b, chats, 64)
			var errs int
			var total time.Duration
			for b.Loop() {
				start := time.Now()
				errs += r.allAtOnce(ps)
				total = time.Since(start)
			}
			errs += int(r.warns.n.Load())
			b.ReportMetric(float64(len(ps)), "chats")
			b.ReportMetric(float64(errs), "errors")
			b.ReportMetric(total.Seconds(), "s-all-replied")
			if errs > 0 {
				b.Errorf("%d errors; log: %v", errs, r.warns.last)
			}
		})
	}
}

// allAtOnce presses «Оценки» in every chat at once, released together, and
// returns how many presses went wrong.
func (r *rig) allAtOnce(ps []*parent) int {
	release := make(chan struct{})
	var wg sync.WaitGroup
	var mu sync.Mutex
	var errs []error
	for _, p := range ps {
		wg.Go(func() {
			<-release
			if err := r.pressGrades(p); err != nil {
				mu.Lock()
				errs = append(errs, err)
				mu.Unlock()
			}
		})
	}
	close(release)
	wg.Wait()
	return len(errs)
}

// pressGrades presses «Оценки» in p's chat and checks the reply is the view.
func (r *rig) pressGrades(p *parent) error {
	ctx, cancel := context.WithTimeout(context.Background(), waitLimit)
	defer cancel()
	if _, err := r.tg.PressButton(p.user.ID, p.user.ID, p.menu.ID, label(i18n.MenuGrades)); err != nil {
		return err
	}
	m, err := r.tg.NextBotMessage(ctx, p.user.ID)
	if err != nil {
		return err
	}
	n, _ := r.views.pages.Load(p.student.ID)
	for count, got := n.(int), 1; got < count; got++ {
		if _, err := r.tg.NextBotMessage(ctx, p.user.ID); err != nil {
			return err
		}
	}
	if who := p.student.Name; !strings.Contains(m.Text, who.Last+" "+who.First) {
		return fmt.Errorf("reply %.80q is not the grades", m.Text)
	}
	return nil
}
