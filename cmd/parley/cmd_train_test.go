package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/parley-collections/parley/policies/textclass"
)

// TestSplitCorpusIsFrozen checks that the test split takes the hashed
// fifth, and that a second run adds new rows only and leaves the rows
// already split as they were written.
func TestSplitCorpusIsFrozen(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	var lines []string
	for i := range 50 {
		lines = append(lines, `{"id":"ien-`+string(rune('a'+i%26))+string(rune('a'+i/26))+`","text":"row","lang":"en","label":"other"}`)
	}
	write := func(rows []string) {
		if err := os.WriteFile(filepath.Join(dir, "en.jsonl"), []byte(strings.Join(rows, "\n")+"\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write(lines[:40])
	n, err := splitCorpus(dir)
	if err != nil {
		t.Fatal(err)
	}
	want := 0
	for _, l := range lines[:40] {
		rows, _ := textclass.ParseRows([]byte(l))
		if textclass.InTestFifth(rows[0].ID) {
			want++
		}
	}
	if n != want || want == 0 || want == 40 {
		t.Fatalf("first split added %d rows, want %d (of 40)", n, want)
	}
	first, _ := os.ReadFile(filepath.Join(dir, "test", "en.jsonl"))
	// A row edited after the split and ten new rows.
	edited := append([]string(nil), lines...)
	for i, l := range edited {
		edited[i] = strings.Replace(l, `"row"`, `"edited row"`, 1)
	}
	write(edited)
	if _, err := splitCorpus(dir); err != nil {
		t.Fatal(err)
	}
	second, _ := os.ReadFile(filepath.Join(dir, "test", "en.jsonl"))
	if !strings.HasPrefix(string(second), string(first)) {
		t.Fatalf("second split rewrote the frozen rows:\n%s", second)
	}
	rows, err := textclass.ParseRows(second)
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range rows {
		if !textclass.InTestFifth(r.ID) {
			t.Errorf("row %s is in the test split but not in the test fifth", r.ID)
		}
	}
	if n, _ := splitCorpus(dir); n != 0 {
		t.Errorf("a third split added %d rows, want 0", n)
	}
}
