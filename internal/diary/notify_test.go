package diary

import (
	"errors"
	"testing"
)

// TestNotifyChoicesWants reads the switches: a missing kind is on, the one
// switch turns every kind off.
func TestNotifyChoicesWants(t *testing.T) {
	tests := []struct {
		name     string
		switches map[NotifyKind]bool
		want     bool // wants NotifyReply
		muted    bool
	}{
		{"nothing chosen", nil, true, false},
		{"reply off", map[NotifyKind]bool{NotifyReply: false}, false, false},
		{"another off", map[NotifyKind]bool{NotifyPeriodReport: false}, true, false},
		{"all off", map[NotifyKind]bool{NotifyAll: false, NotifyReply: true}, false, true},
		{"all on again", map[NotifyKind]bool{NotifyAll: true}, true, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			c := NotifyChoices{Switches: tc.switches}
			if got := c.Wants(NotifyReply); got != tc.want {
				t.Errorf("Wants(reply) = %v, want %v", got, tc.want)
			}
			if got := c.Muted(); got != tc.muted {
				t.Errorf("Muted() = %v, want %v", got, tc.muted)
			}
		})
	}
}

// TestCheckNotify refuses unknown kinds and channels and bad addresses.
func TestCheckNotify(t *testing.T) {
	if err := CheckNotifyChoice(NotifyVisitReminder, false); err != nil {
		t.Errorf("known kind: %v", err)
	}
	if err := CheckNotifyChoice("grades", true); !errors.Is(err, &Error{Code: EInvalid}) {
		t.Errorf("unknown kind: %v", err)
	}
	tests := []struct {
		ch    NotifyChannel
		email string
		ok    bool
	}{
		{ChannelTelegram, "", true},
		{ChannelTelegram, " mama@mail.ru ", true},
		{ChannelEmail, "mama@mail.ru", true},
		{ChannelEmail, "", false},
		{ChannelEmail, "mama at mail.ru", false},
		{"max", "", false},
	}
	for _, tc := range tests {
		email, err := CheckNotifyChannel(tc.ch, tc.email)
		if (err == nil) != tc.ok || (err != nil && ErrorCode(err) != EInvalid) {
			t.Errorf("%s %q: %v, want ok=%v", tc.ch, tc.email, err, tc.ok)
		}
		if err == nil && tc.email != "" && email != "mama@mail.ru" {
			t.Errorf("%s %q: address %q, want it trimmed", tc.ch, tc.email, email)
		}
	}
}

// TestRequiredKindCannotBeTurnedOff: the warning of 3.6.4 is wanted
// whatever the switches say, and switching it off is refused.
func TestRequiredKindCannotBeTurnedOff(t *testing.T) {
	if !NotifyExpectedGrade.Required() || NotifyReply.Required() || NotifyAll.Required() {
		t.Fatalf("required kinds: expected_grade %v, reply %v, all %v",
			NotifyExpectedGrade.Required(), NotifyReply.Required(), NotifyAll.Required())
	}
	for name, sw := range map[string]map[NotifyKind]bool{
		"all off":      {NotifyAll: false},
		"itself off":   {NotifyExpectedGrade: false},
		"nothing set":  nil,
		"both off too": {NotifyAll: false, NotifyExpectedGrade: false},
	} {
		if c := (NotifyChoices{Switches: sw}); !c.Wants(NotifyExpectedGrade) {
			t.Errorf("%s: the required warning is not wanted", name)
		}
	}
	if err := CheckNotifyChoice(NotifyExpectedGrade, false); ErrorCode(err) != EInvalid {
		t.Errorf("required kind off: %v, want EInvalid", err)
	}
	for _, k := range []NotifyKind{NotifyExpectedGrade, NotifyAll, NotifyReply} {
		if err := CheckNotifyChoice(k, true); err != nil {
			t.Errorf("%s on: %v", k, err)
		}
	}
	if err := CheckNotifyChoice(NotifyAll, false); err != nil {
		t.Errorf("all off (the required ones still come): %v", err)
	}
}
