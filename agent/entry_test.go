package agent

import (
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestOneWayIntoATurn: every turn starts in one of two places, Process
// (a borrower's stored message, Store.BeginTurn) and begin (every other
// trigger: outreach, reminders, deferred sends, supervisor messages and
// notices, hand-back answers, cancellations). No other function of the
// package takes a conversation's lock or builds a turn that writes, so no
// trigger can skip the reads under the lock or the one commit. Two
// functions build a turn only to ask the guard about a text (the canned
// replies offered, a voice farewell) and write nothing; the notice of who
// is talking goes out unlocked at the moment ownership changes (announce).
func TestOneWayIntoATurn(t *testing.T) {
	t.Parallel()
	allowed := map[string]map[string]bool{
		"Lock":      {"begin": true},
		"BeginTurn": {"process": true},
		"newTurn":   {"begin": true, "CannedReplies": true, "VoiceFarewell": true, "announce": true},
		"turnFrom":  {"process": true, "newTurn": true},
		// What writes a turn's messages, only under the lock.
		"deliver": {"CannedReplies": false, "VoiceFarewell": false},
		"commit":  {"CannedReplies": false, "VoiceFarewell": false},
	}
	readOnly := map[string]bool{"CannedReplies": true, "VoiceFarewell": true}
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	fset := token.NewFileSet()
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		src, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		f, err := parser.ParseFile(fset, name, src, 0)
		if err != nil {
			t.Fatal(err)
		}
		for _, d := range f.Decls {
			fn, ok := d.(*ast.FuncDecl)
			if !ok || fn.Body == nil {
				continue
			}
			ast.Inspect(fn.Body, func(n ast.Node) bool {
				call, ok := n.(*ast.CallExpr)
				if !ok {
					return true
				}
				sel, ok := call.Fun.(*ast.SelectorExpr)
				if !ok {
					return true
				}
				name := sel.Sel.Name
				if name == "Lock" && !storeCall(sel.X) {
					return true // a mutex
				}
				if (name == "deliver" || name == "commit") && !readOnly[fn.Name.Name] {
					return true
				}
				if in, watched := allowed[name]; watched && !in[fn.Name.Name] {
					t.Errorf("%s: %s calls %s: a turn starts only in Process or begin", fset.Position(call.Pos()), fn.Name.Name, sel.Sel.Name)
				}
				return true
			})
		}
	}
}

// storeCall reports whether x is the orchestrator's store: st or o.cfg.Store.
func storeCall(x ast.Expr) bool {
	switch x := x.(type) {
	case *ast.Ident:
		return x.Name == "st"
	case *ast.SelectorExpr:
		return x.Sel.Name == "Store"
	}
	return false
}
