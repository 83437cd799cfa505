package i18n

import (
	"go/ast"
	"go/parser"
	"go/token"
	"maps"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestCatalogueCompiles(t *testing.T) {
	if catalogueErr != nil {
		t.Fatal(catalogueErr)
	}
	if len(catalogue) < 50 {
		t.Errorf("catalogue has %d keys, want the seed set of at least 50", len(catalogue))
	}
}

// TestEveryKeyConstantHasTexts parses the package's source: every constant
// of type Key must have texts in the catalogue, and every text a constant.
func TestEveryKeyConstantHasTexts(t *testing.T) {
	consts := keyConstants(t)
	seen := map[Key]string{}
	for name, key := range consts {
		if other, dup := seen[key]; dup {
			t.Errorf("%s and %s are both %q", name, other, key)
		}
		seen[key] = name
		if _, ok := catalogue[key]; !ok {
			t.Errorf("%s (%q) has no texts", name, key)
		}
		if !keyRE.MatchString(string(key)) {
			t.Errorf("%s: key %q is not area.name", name, key)
		}
	}
	for key := range catalogue {
		if _, ok := seen[key]; !ok {
			t.Errorf("texts of %q have no Key constant", key)
		}
	}
}

// keyConstants returns the package's constants declared with type Key.
func keyConstants(t *testing.T) map[string]Key {
	t.Helper()
	out := map[string]Key{}
	for _, f := range sourceFiles(t) {
		for _, spec := range constSpecs(f) {
			if id, ok := spec.Type.(*ast.Ident); !ok || id.Name != "Key" {
				continue
			}
			for i, name := range spec.Names {
				lit, ok := spec.Values[i].(*ast.BasicLit)
				if !ok {
					t.Fatalf("%s: want a string literal", name.Name)
				}
				v, _ := strconv.Unquote(lit.Value)
				out[name.Name] = Key(v)
			}
		}
	}
	return out
}

// sourceFiles parses the package's non-test Go files.
func sourceFiles(t *testing.T) []*ast.File {
	t.Helper()
	names, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	fset := token.NewFileSet()
	var files []*ast.File
	for _, name := range names {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, name, nil, 0)
		if err != nil {
			t.Fatalf("parse %s: %v", name, err)
		}
		files = append(files, f)
	}
	return files
}

// constSpecs returns the value specs of a file's const declarations.
func constSpecs(f *ast.File) []*ast.ValueSpec {
	var specs []*ast.ValueSpec
	for _, d := range f.Decls {
		if g, ok := d.(*ast.GenDecl); ok && g.Tok == token.CONST {
			for _, s := range g.Specs {
				specs = append(specs, s.(*ast.ValueSpec))
			}
		}
	}
	return specs
}

// TestCatalogueLint checks every text of every key.
func TestCatalogueLint(t *testing.T) {
	for _, key := range Keys() {
		e := catalogue[key]
		t.Run(string(key), func(t *testing.T) {
			for _, lang := range Langs() {
				src := e.src.ru
				if lang == EN {
					src = e.src.en
				}
				lintSource(t, key, lang, src, e.nodes(lang))
				lintRendered(t, key, lang, e)
			}
			if err := lintSamePlaceholders(e.ru, e.en); err != nil {
				t.Error(err)
			}
		})
	}
}

// lintSource checks one language's source text of key.
func lintSource(t *testing.T, key Key, lang Lang, src string, nodes []node) {
	t.Helper()
	checks := []error{lintSpaces(src), lintPlurals(nodes, lang)}
	if lang == RU {
		checks = append(checks, lintPolite(src))
	}
	if plainArea(key) {
		checks = append(checks, lintPlain(src))
	}
	if strings.HasPrefix(string(key), "cmd.") && utf8.RuneCountInString(src) > 256 {
		t.Errorf("%s: a command description is at most 256 characters", lang)
	}
	for _, err := range checks {
		if err != nil {
			t.Errorf("%s: %v", lang, err)
		}
	}
}

// sampleNumbers are what plural arguments take when the lint renders a text:
// every category of both languages and an exact =0.
var sampleNumbers = []any{0, 1, 2, 5, 11, 21, 1000, Hundredths(150)}

// lintRendered renders key in lang with hostile strings and every sample
// number, and checks the result is valid Telegram HTML within 4096 characters.
func lintRendered(t *testing.T, key Key, lang Lang, e *entry) {
	t.Helper()
	samples := sampleNumbers
	if !slices.Contains(slices.Collect(maps.Values(e.args)), true) {
		samples = samples[:1] // no plural: one rendering is enough
	}
	for _, n := range samples {
		var args []any
		for name, isPlural := range e.args {
			var v any = `<b>Имя & "Фамилия"</b>`
			if isPlural {
				v = n
			}
			args = append(args, name, v)
		}
		got, err := Render(lang, key, args...)
		if err != nil {
			t.Fatalf("%s: %v", lang, err)
		}
		if err := lintHTML(got); err != nil {
			t.Errorf("%s, n=%v: %v in %q", lang, n, err, got)
		}
		if strings.Contains(got, "{") || strings.Contains(got, "}") || utf8.RuneCountInString(got) > 4096 {
			t.Errorf("%s, n=%v: leftover brace or too long: %q", lang, n, got)
		}
	}
}
