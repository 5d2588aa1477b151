package evals

import (
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"runtime"
	"strings"
	"testing"
)

// readAll reads the suite file f a case at a time, as a run does, and
// puts the cases back into one suite.
func readAll(t *testing.T, f string) (*Suite, bool, error) {
	t.Helper()
	var out *Suite
	whole, err := readSuite(f, func(s *Suite, c *Case) bool {
		if out == nil {
			cp := *s
			cp.Cases = nil
			out = &cp
		}
		out.Cases = append(out.Cases, *c)
		return true
	})
	return out, whole, err
}

// TestStreamedReadingAgreesWithParse: a suite file read a case at a time
// gives the suite, cases, lines and variants that Parse makes of the
// whole file, and the same error, for every suite file of the built-in,
// dialogue and known-failure suites and testdata, and for files written
// in every way the case-at-a-time reading declines or must follow.
func TestStreamedReadingAgreesWithParse(t *testing.T) {
	t.Parallel()
	var files []string
	for _, dir := range []string{"suites", "suites-dialogue", "suites-known-failures", "testdata"} {
		m, err := filepath.Glob(filepath.Join(dir, "*.yaml"))
		if err != nil {
			t.Fatal(err)
		}
		files = append(files, m...)
	}
	if len(files) < 10 {
		t.Fatalf("only %d suite files", len(files))
	}
	dir := t.TempDir()
	write := func(name, src string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	mutate := func(old, new string) string {
		if !strings.Contains(goodSuite, old) {
			t.Fatalf("goodSuite lacks %q", old)
		}
		return strings.Replace(goodSuite, old, new, 1)
	}
	head, cases, ok := strings.Cut(goodSuite, "cases:\n")
	if !ok {
		t.Fatal("goodSuite has no cases")
	}
	// streams says whether each made file must be read a case at a time
	// (true) or may be read whole (false).
	streams := map[string]bool{}
	made := func(name, src string, stream bool) {
		files = append(files, write(name, src))
		streams[files[len(files)-1]] = stream
	}
	made("good.yaml", goodSuite, true)
	made("cases-first.yaml", "cases:\n"+cases+head, true)
	made("flush-left.yaml", head+"cases:\n"+unindent(cases, 2), true)
	made("comments.yaml", head+"cases: # the cases\n# one\n\n"+strings.ReplaceAll(cases, "  - name:", "# next\n\n  - name:"), true)
	made("block-scalar.yaml", mutate("      - borrower: how much do I owe?\n", "      - borrower: |\n          how much do I owe?\n          - and why?\n"), true)
	made("anchor-within.yaml", mutate("      - borrower: how much do I owe?\n", "      - borrower: &q how much do I owe?\n      - borrower: *q\n"), true)
	made("anchor-across.yaml", strings.Replace(mutate("      - borrower: how much do I owe?\n", "      - borrower: &q how much do I owe?\n"),
		"  - name: a simulated", "  - name: reuses\n    turns:\n      - borrower: *q\n  - name: a simulated", 1), true)
	made("anchor-in-head.yaml", mutate("account:\n", "account: &acct\n")+"  - name: on the same account\n    account: *acct\n    turns:\n      - borrower: hi\n", true)
	made("anchor-case-to-case.yaml", strings.Replace(goodSuite, "cases:\n", "cases:\n  - name: defines\n    account: &other {id: B-1, creditor: Bank, balance: \"10.00\", borrower: {name: A B, phone: \"+15551230002\", timezone: America/Chicago}}\n    turns: [{borrower: hi}]\n", 1)+
		"  - name: uses\n    account: *other\n    turns:\n      - borrower: hello\n", true)
	made("anchor-after-use.yaml", strings.Replace(goodSuite, "cases:\n", "cases:\n  - name: uses\n    account: *other\n    turns: [{borrower: hi}]\n", 1)+
		"  - name: defines\n    account: &other {id: B-1, creditor: Bank, balance: \"10.00\", borrower: {name: A B, phone: \"+15551230002\", timezone: America/Chicago}}\n    turns: [{borrower: hi}]\n", false)
	made("merge.yaml", "base: &b {name: x}\n"+mutate("name: negotiation-basics", "<<: *b"), false)
	made("flow-cases.yaml", head+"cases: [{name: a, turns: [{borrower: hi}]}]\n", false)
	made("document-marker.yaml", "---\n"+goodSuite, false)
	made("two-documents.yaml", goodSuite+"---\nname: other\n", false)
	made("crlf.yaml", strings.ReplaceAll(goodSuite, "\n", "\r\n"), false)
	made("duplicate-case.yaml", mutate("  - name: a simulated borrower who can afford 150 a month", "  - name: verifies before disclosing the balance"), false)
	made("no-cases.yaml", head, false)
	made("empty-cases.yaml", head+"cases:\n", false)
	made("no-name.yaml", mutate("name: negotiation-basics\n", ""), false)
	made("cases-twice.yaml", goodSuite+"cases:\n"+cases, false)
	made("unknown-field.yaml", mutate("  - name: a simulated", "  - name: a simulated\n    colour: red"), false)
	made("unknown-top.yaml", mutate("jurisdiction: US", "jurisdiction: US\ncolour: red"), false)
	made("bad-indent.yaml", mutate("  - name: a simulated", " - name: a simulated"), false)
	made("tab.yaml", mutate("  - name: a simulated", "\t- name: a simulated"), false)
	made("empty.yaml", "", false)
	variants := mutate("      - borrower: how much do I owe?\n", "      - borrower: how much do I owe?\n        variants: [\"what do I owe\", \"my balance\"]\n")
	made("variants.yaml", variants, true)
	var many strings.Builder
	many.WriteString(head + "cases:\n")
	for i := range 50 {
		fmt.Fprintf(&many, "  - name: case %d\n    turns:\n      - borrower: what are my options? I can pay %d a month\n", i, 100+i)
	}
	made("many.yaml", many.String(), true)
	for _, f := range files {
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		want, wantErr := Parse(f, src)
		got, whole, err := readAll(t, f)
		switch {
		case (err == nil) != (wantErr == nil):
			t.Errorf("%s: read a case at a time: %v; whole: %v", f, err, wantErr)
		case err != nil:
			if err.Error() != wantErr.Error() {
				t.Errorf("%s: error %q, whole %q", f, err, wantErr)
			}
		case !reflect.DeepEqual(got, want):
			t.Errorf("%s: a case at a time and whole differ:\n%+v\n%+v", f, got, want)
		}
		if stream, ok := streams[f]; ok && stream == whole {
			t.Errorf("%s: read whole = %v, want %v", f, whole, !stream)
		}
		if _, ok := streams[f]; !ok && wantErr == nil && whole && !strings.Contains(string(src), "<<:") {
			t.Errorf("%s: a suite file of the repository was read whole", f)
		}
	}
}

func unindent(s string, n int) string {
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		lines[i] = strings.TrimPrefix(l, strings.Repeat(" ", n))
	}
	return strings.Join(lines, "\n")
}

// TestReadingASuiteFileIsFlat: reading a suite file of 20,000 cases a
// case at a time holds no more than reading one of 2,000 (the live heap
// after a collection, at the end of each, within 1 MB); the cases' names,
// checked for duplicates, are kept as 8-byte sums.
func TestReadingASuiteFileIsFlat(t *testing.T) {
	if testing.Short() {
		t.Skip("writes 7 MB")
	}
	head, _, _ := strings.Cut(goodSuite, "cases:\n")
	dir := t.TempDir()
	peak := func(n int) uint64 {
		var b strings.Builder
		b.WriteString(head + "cases:\n")
		for i := range n {
			fmt.Fprintf(&b, "  - name: case %d\n    turns:\n      - borrower: how much do I owe?\n        expect: {events: [identity_requested]}\n      - borrower: what are my options? I can pay %d a month\n", i, 100+i%100)
		}
		p := filepath.Join(dir, fmt.Sprint(n, ".yaml"))
		if err := os.WriteFile(p, []byte(b.String()), 0o644); err != nil {
			t.Fatal(err)
		}
		b = strings.Builder{}
		var ms runtime.MemStats
		runtime.GC()
		runtime.ReadMemStats(&ms)
		base, top, seen := ms.HeapAlloc, uint64(0), 0
		whole, err := readSuite(p, func(*Suite, *Case) bool {
			if seen++; seen%(n/4) == 0 {
				runtime.GC()
				runtime.ReadMemStats(&ms)
				top = max(top, ms.HeapAlloc)
			}
			return true
		})
		if err != nil || whole || seen != n {
			t.Fatalf("%d cases: read %d, whole %v, err %v", n, seen, whole, err)
		}
		return max(top, base) - base
	}
	small, large := peak(2_000), peak(20_000)
	t.Logf("live heap above the start: %d KB for 2,000 cases, %d KB for 20,000", small>>10, large>>10)
	if large > small+1<<20 {
		t.Errorf("reading 20,000 cases held %d KB more than 2,000", (large-small)>>10)
	}
}

// TestReadingASuiteFileStopsWhenAsked: when the reader of a suite file
// stops at a case, it is given no case after it, whichever case it stops
// at (the last one included) and whether the file is read a case at a
// time or whole.
func TestReadingASuiteFileStopsWhenAsked(t *testing.T) {
	t.Parallel()
	head, _, _ := strings.Cut(goodSuite, "cases:\n")
	var b strings.Builder
	b.WriteString(head + "cases:\n")
	// Two cases, the second with two variants: four cases in all.
	const n = 4
	b.WriteString("  - name: case 0\n    turns:\n      - borrower: how much do I owe?\n")
	b.WriteString("  - name: case 1\n    turns:\n      - borrower: how much do I owe?\n        variants: [\"what's my balance?\", \"how much is the debt?\"]\n")
	dir := t.TempDir()
	streamed := filepath.Join(dir, "streamed.yaml")
	whole := filepath.Join(dir, "whole.yaml")
	if err := os.WriteFile(streamed, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	// A carriage return makes the file one that is read whole.
	if err := os.WriteFile(whole, []byte(strings.ReplaceAll(b.String(), "\n", "\r\n")), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, f := range []string{streamed, whole} {
		for stop := range n {
			var got []string
			if _, err := readSuite(f, func(_ *Suite, c *Case) bool {
				got = append(got, c.Name)
				return len(got) <= stop
			}); err != nil {
				t.Fatalf("%s: %v", filepath.Base(f), err)
			}
			if len(got) != stop+1 {
				t.Errorf("%s, stopping at case %d: given %q", filepath.Base(f), stop, got)
			}
		}
	}
}
