package importer

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// TestDocsDescribeEveryKind checks docs/import.md names every kind and every
// column, and that every example it links exists.
func TestDocsDescribeEveryKind(t *testing.T) {
	data, err := os.ReadFile("../../docs/import.md")
	if err != nil {
		t.Fatal(err)
	}
	doc := string(data)
	for _, s := range specs {
		section := doc[strings.Index(doc, "## Виды файлов"):]
		i := strings.Index(section, "— `"+s.kind+"`")
		if i < 0 {
			t.Errorf("docs/import.md has no section for %s", s.kind)
			continue
		}
		end := strings.Index(section[i+1:], "\n### ")
		if end < 0 {
			end = len(section) - i - 1
		}
		for _, f := range s.fields {
			if !strings.Contains(section[i:i+1+end], "`"+f.name+"`") {
				t.Errorf("docs/import.md, section %s, does not describe column %s", s.kind, f.name)
			}
		}
	}
	for _, m := range regexp.MustCompile(`\]\(\.\./testdata/import/([^)]+)\)`).FindAllStringSubmatch(doc, -1) {
		if _, err := os.Stat(filepath.Join(examplesDir, m[1])); err != nil {
			t.Errorf("docs/import.md links a missing example: %v", err)
		}
	}
}
