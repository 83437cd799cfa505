package i18n

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"path/filepath"
	"strings"
	"testing"
)

// TestEveryKeyIsUsed: every Key constant is named by some non-test code of
// the module (outside the catalogue's messages_*.go files), so no text stays
// in the catalogue after what showed it is gone.
func TestEveryKeyIsUsed(t *testing.T) {
	used := usedNames(t, filepath.Join("..", ".."))
	for name, key := range keyConstants(t) {
		if !used[name] {
			t.Errorf("%s (%q) is used nowhere: use it or remove it", name, key)
		}
	}
}

// usedNames returns the names the module's non-test code uses from this
// package: i18n.X outside it, X inside it (the message files aside).
func usedNames(t *testing.T, root string) map[string]bool {
	t.Helper()
	used := map[string]bool{}
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() && skipDir(d.Name()) {
			return cmpSkip(err, d)
		}
		if d.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return nil
		}
		return namesIn(path, used)
	})
	if err != nil {
		t.Fatal(err)
	}
	return used
}

// skipDir reports whether a directory holds no code of the module.
func skipDir(name string) bool {
	return name != ".." && (strings.HasPrefix(name, ".") || name == "testdata" || name == "node_modules")
}

// cmpSkip returns the walk's error, or SkipDir for a skipped directory.
func cmpSkip(err error, d fs.DirEntry) error {
	if err != nil {
		return err
	}
	return filepath.SkipDir
}

// namesIn adds the names file path uses from this package.
func namesIn(path string, used map[string]bool) error {
	f, err := parser.ParseFile(token.NewFileSet(), path, nil, 0)
	if err != nil {
		return err
	}
	inside := f.Name.Name == "i18n" && !strings.HasPrefix(filepath.Base(path), "messages_")
	ast.Inspect(f, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.SelectorExpr:
			if x, ok := n.X.(*ast.Ident); ok && x.Name == "i18n" {
				used[n.Sel.Name] = true
			}
		case *ast.Ident:
			if inside {
				used[n.Name] = true
			}
		}
		return true
	})
	return nil
}
