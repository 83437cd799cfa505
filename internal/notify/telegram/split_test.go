package telegram_test

import (
	"strings"
	"testing"

	"github.com/schooldiary/diary/internal/notify/telegram"
)

func TestSplit(t *testing.T) {
	tests := []struct {
		name    string
		text    string
		limit   int
		want    []string
		wantErr bool
	}{
		{"short stays whole", "a\nb", 10, []string{"a\nb"}, false},
		{"on line boundaries", "aaaa\nbbbb\ncccc", 9, []string{"aaaa\nbbbb", "cccc"}, false},
		{"a tag across lines stays whole", "aa\n<pre>b\nb</pre>\ncc", 14, []string{"aa", "<pre>b\nb</pre>", "cc"}, false},
		{"nested and closed on one line", "<b><i>x</i></b>\nyy", 15, []string{"<b><i>x</i></b>", "yy"}, false},
		{"an emoji counts two", "😀😀\nab", 4, []string{"😀😀", "ab"}, false},
		{"Cyrillic counts one", "жжжж\nёё", 7, []string{"жжжж\nёё"}, false},
		{"a line over the limit", "short\n" + strings.Repeat("x", 11), 10, nil, true},
		{"a tagged block over the limit", "<pre>12345\n67890</pre>", 10, nil, true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := telegram.Split(tc.text, tc.limit)
			if (err != nil) != tc.wantErr {
				t.Fatalf("Split error = %v, want error %v", err, tc.wantErr)
			}
			if strings.Join(got, "|") != strings.Join(tc.want, "|") {
				t.Errorf("Split = %q, want %q", got, tc.want)
			}
		})
	}
}
