package main

import (
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"
)

const module = "github.com/parley-collections/parley"

// pkgInfo is one package of the module as its non-test files declare it.
type pkgInfo struct {
	dir     string // relative, slash-separated: "agent/sqlite"
	imports map[string]bool
	hasDoc  bool
	files   int
}

// loadPackages parses every non-test Go file of the module (imports and
// package comments only) without asking the go tool.
func loadPackages(t *testing.T) map[string]*pkgInfo {
	t.Helper()
	root, err := filepath.Abs("../..")
	if err != nil {
		t.Fatal(err)
	}
	pkgs, err := loadPackagesAt(root)
	if err != nil {
		t.Fatal(err)
	}
	return pkgs
}

func loadPackagesAt(root string) (map[string]*pkgInfo, error) {
	pkgs := map[string]*pkgInfo{}
	fset := token.NewFileSet()
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			name := d.Name()
			if path != root && (strings.HasPrefix(name, ".") || name == "testdata" || name == "node_modules") {
				return filepath.SkipDir
			}
			return nil
		}
		if !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return nil
		}
		f, err := parser.ParseFile(fset, path, nil, parser.ImportsOnly|parser.ParseComments)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(root, filepath.Dir(path))
		rel = filepath.ToSlash(rel)
		p := pkgs[rel]
		if p == nil {
			p = &pkgInfo{dir: rel, imports: map[string]bool{}}
			pkgs[rel] = p
		}
		p.files++
		if f.Doc != nil && strings.TrimSpace(f.Doc.Text()) != "" {
			p.hasDoc = true
		}
		for _, im := range f.Imports {
			ip, _ := strconv.Unquote(im.Path.Value)
			if ip == module || strings.HasPrefix(ip, module+"/") {
				p.imports[strings.TrimPrefix(strings.TrimPrefix(ip, module), "/")] = true
			}
		}
		return nil
	})
	return pkgs, err
}

func under(dir, prefix string) bool { return dir == prefix || strings.HasPrefix(dir, prefix+"/") }

// TestImportEdges fails on an import that breaks the layout of design.md:
// the guard and the templates stand alone, the domain root imports none of
// its adapters, and concrete adapters meet only in cmd/parley.
func TestImportEdges(t *testing.T) {
	t.Parallel()
	pkgs := loadPackages(t)
	if len(pkgs) < 3 {
		t.Fatalf("found only %d packages: is the walk rooted right?", len(pkgs))
	}
	for _, b := range importViolations(pkgs) {
		t.Error("forbidden import edge: " + b)
	}
}

func importViolations(pkgs map[string]*pkgInfo) []string {
	// shared is what any package may import: the domain root and the pure packages.
	shared := func(ip string) bool {
		return ip == "agent" || under(ip, "policies") || under(ip, "prompts")
	}
	// extra lists the other edges the layout allows, beyond shared ones.
	extra := map[string][]string{
		"channels/sms":   {"channels/twilio"},
		"channels/voice": {"channels/twilio"},
		"agent/qdrant":   {"agent/kb"},
		"agent/openai":   {"agent/kb"},
		"agent/kb":       {"kb"}, // the embedded starter documents
		// The SQL stores share their row encoding and query fragments.
		"agent/sqlite":   {"agent/internal/rowcodec"},
		"agent/postgres": {"agent/internal/rowcodec"},
	}
	var bad []string
	for dir, p := range pkgs {
		for ip := range p.imports {
			switch {
			case dir == "cmd/parley" || under(dir, "cmd"):
				continue // the one place where concrete types meet
			case under(dir, "policies/textclass"):
				// The classifier is a leaf that the guard and the rules brain
				// share (shared() lets agent/rules import it): it imports
				// nothing else of the module.
				if !under(ip, "policies/textclass") {
					bad = append(bad, dir+" -> "+ip+": the text classifier is a leaf")
				}
			case under(dir, "policies") || under(dir, "prompts"):
				if !under(ip, topOf(dir)) {
					bad = append(bad, dir+" -> "+ip+": the guard and the templates import nothing else of the module")
				}
			case dir == "agent":
				// The number reader is a leaf the guard, the rules brain and
				// the rewording check share.
				if ip != "policies" && ip != "policies/numread" && !under(ip, "prompts") {
					bad = append(bad, dir+" -> "+ip+": the domain root imports none of its adapters")
				}
			default:
				// A package may use its own subpackages, a test helper package may
				// use the package it helps test, and test helpers are shared.
				if shared(ip) || under(ip, dir) || under(dir, ip) || contains(extra[dir], ip) || strings.HasSuffix(ip, "test") {
					continue
				}
				bad = append(bad, dir+" -> "+ip+": adapters meet only in cmd/parley")
			}
		}
	}
	sort.Strings(bad)
	return bad
}

// TestPackageDocs fails on a package without a doc comment saying what it is for.
func TestPackageDocs(t *testing.T) {
	t.Parallel()
	for _, m := range undocumented(loadPackages(t)) {
		t.Errorf("package %s has no package doc comment", m)
	}
}

func undocumented(pkgs map[string]*pkgInfo) []string {
	var missing []string
	for dir, p := range pkgs {
		if !p.hasDoc {
			missing = append(missing, dir)
		}
	}
	sort.Strings(missing)
	return missing
}

// TestArchRulesCatchViolations proves the two checks above can fail: it
// plants forbidden edges and an undocumented package in a temporary tree.
func TestArchRulesCatchViolations(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	files := map[string]string{
		"policies/p.go":           "// Package policies x.\npackage policies\n\nimport _ \"" + module + "/agent\"\n",
		"policies/textclass/t.go": "// Package textclass x.\npackage textclass\n\nimport _ \"" + module + "/policies\"\n",
		"agent/a.go":              "// Package agent x.\npackage agent\n\nimport _ \"" + module + "/agent/sqlite\"\n",
		"agent/sqlite/s.go":       "package sqlite\n",
		"channels/sms/s.go":       "// Package sms x.\npackage sms\n\nimport _ \"" + module + "/agent/sqlite\"\n",
		"cmd/parley/m.go":         "// Package main x.\npackage main\n\nimport _ \"" + module + "/agent/sqlite\"\n",
	}
	for rel, src := range files {
		p := filepath.Join(dir, rel)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	pkgs, err := loadPackagesAt(dir)
	if err != nil {
		t.Fatal(err)
	}
	got := importViolations(pkgs)
	if len(got) != 4 {
		t.Errorf("planted 4 forbidden edges, found %d: %q", len(got), got)
	}
	if u := undocumented(pkgs); len(u) != 1 || u[0] != "agent/sqlite" {
		t.Errorf("undocumented = %q, want [agent/sqlite]", u)
	}
}

func topOf(dir string) string {
	if i := strings.IndexByte(dir, '/'); i >= 0 {
		return dir[:i]
	}
	return dir
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
