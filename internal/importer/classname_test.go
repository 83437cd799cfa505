package importer

import "testing"

func TestClassKey(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"canonical", "7А", "7А"},
		{"lower case", "7а", "7А"},
		{"space", "7 А", "7А"},
		{"hyphen", "7-А", "7А"},
		{"en dash and spaces", " 7 – а ", "7А"},
		{"dot", "7.А", "7А"},
		{"no-break space", "7\u00a0А", "7А"},
		{"latin capital A", "7A", "7А"},
		{"latin small a", "7a", "7А"},
		{"latin B looks like В", "10B", "10В"},
		{"latin E, K, M, H, O, P, C, T, X, Y", "5EKMHOPCTXY", "5ЕКМНОРСТХУ"},
		{"latin small e, o, c", "5e-o c", "5ЕОС"},
		{"yo is ye", "5ё", "5Е"},
		{"two letters", "11 бв", "11БВ"},
		{"latin b is no look-alike: kept", "7b", "7B"},
		{"other letter kept", "7Я", "7Я"},
		{"no letter", "7", "7"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := ClassKey(tt.in); got != tt.want {
				t.Errorf("ClassKey(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}
