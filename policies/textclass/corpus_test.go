package textclass

import (
	"os"
	"path/filepath"
	"testing"
)

// TestCommittedSplit checks the committed test split: every row there is
// in the test fifth, and no id is twice in it.
func TestCommittedSplit(t *testing.T) {
	t.Parallel()
	files, _ := filepath.Glob(filepath.Join("corpus", "*", "test", "*.jsonl"))
	if len(files) == 0 {
		t.Skip("no test split committed yet")
	}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		rows, err := ParseRows(data)
		if err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		seen := map[string]bool{}
		for _, r := range rows {
			if !InTestFifth(r.ID) {
				t.Errorf("%s: row %s is not in the test fifth", f, r.ID)
			}
			if seen[r.ID] {
				t.Errorf("%s: row %s twice", f, r.ID)
			}
			seen[r.ID] = true
		}
	}
}

func TestInTestFifth(t *testing.T) {
	t.Parallel()
	n := 0
	for i := range 10000 {
		if InTestFifth("ien-" + string(rune('0'+i%10)) + string(rune('a'+i/10%26)) + string(rune('a'+i/260))) {
			n++
		}
	}
	if n < 1800 || n > 2200 {
		t.Errorf("InTestFifth took %d of 10000 ids, want about 2000", n)
	}
}
