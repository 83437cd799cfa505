package i18n

import (
	"maps"
	"testing"
)

func TestParseErrors(t *testing.T) {
	tests := []struct {
		name string
		src  string
	}{
		{"unclosed placeholder", "Привет, {name"},
		{"unmatched close", "a } b"},
		{"empty placeholder", "a {} b"},
		{"bad name", "{имя}"},
		{"unknown kind", "{n, select, a {x} other {y}}"},
		{"no other", "{n, plural, one {#} few {#}}"},
		{"bad selector", "{n, plural, lots {#} other {#}}"},
		{"bad exact", "{n, plural, =x {#} other {#}}"},
		{"branch without brace", "{n, plural, one # other {#}}"},
		{"unclosed branch", "{n, plural, one {# other {#}}"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if _, err := parse(tt.src); err == nil {
				t.Errorf("parse(%q) succeeded, want an error", tt.src)
			}
		})
	}
}

func TestPlaceholders(t *testing.T) {
	tests := []struct {
		name string
		src  string
		want map[string]bool
	}{
		{"none", "Просто текст # с решёткой.", map[string]bool{}},
		{"args", "{a} и {b}, снова {a}", map[string]bool{"a": false, "b": false}},
		{"spaces inside", "{ a }", map[string]bool{"a": false}},
		{"plural with arg in a branch", "{n, plural, one {# у {child}} other {# у {child}}}", map[string]bool{"n": true, "child": false}},
		{"multiline plural", "{n, plural,\n one {#}\n other {#}\n}", map[string]bool{"n": true}},
		{"plural and plain use", "{n} = {n, plural, one {#} other {#}}", map[string]bool{"n": true}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			nodes, err := parse(tt.src)
			if err != nil {
				t.Fatalf("parse: %v", err)
			}
			if got := placeholders(nodes, nil); !maps.Equal(got, tt.want) {
				t.Errorf("placeholders = %v, want %v", got, tt.want)
			}
		})
	}
}

func TestPlaceholdersOfKey(t *testing.T) {
	got, want := Placeholders(LinkDone), []string{"child", "class"}
	if len(got) != len(want) || got[0] != want[0] || got[1] != want[1] {
		t.Errorf("Placeholders(LinkDone) = %v, want %v", got, want)
	}
	if got := Placeholders("no.such"); got != nil {
		t.Errorf("Placeholders of an unknown key = %v, want nil", got)
	}
}
