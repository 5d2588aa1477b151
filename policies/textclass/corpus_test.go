package textclass

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"testing/fstest"
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

// TestReadCorpusTrainingSplits checks that every row of a listed training
// split trains (the test fifth does not apply to it), that an unlisted
// subdirectory is not read, and that an id twice outside the test split
// or a bad split name is an error.
func TestReadCorpusTrainingSplits(t *testing.T) {
	t.Parallel()
	row := func(id string) string {
		return `{"id": "` + id + `", "text": "t ` + id + `", "lang": "en", "labels": []}` + "\n"
	}
	var top, batch, unlisted string
	inFifth := ""
	for i := range 40 {
		id := fmt.Sprintf("b-%02d", i)
		batch += row(id)
		if InTestFifth(id) {
			inFifth = id
		}
		unlisted += row(fmt.Sprintf("u-%02d", i))
	}
	if inFifth == "" {
		t.Fatal("no id of the batch falls in the test fifth")
	}
	top = row("a-1") + row("a-2")
	fsys := fstest.MapFS{
		"en.jsonl":         {Data: []byte(top)},
		"batch/en.jsonl":   {Data: []byte(batch)},
		"held/en.jsonl":    {Data: []byte(unlisted)},
		TrainingSplitsFile: {Data: []byte("# read batches\nbatch # the first\n\n")},
	}
	files, train, _, err := ReadCorpus(fsys)
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := files["batch/en.jsonl"]; !ok {
		t.Error("the training split's file is not in the digested files")
	}
	if _, ok := files["held/en.jsonl"]; ok {
		t.Error("an unlisted subdirectory was read")
	}
	ids := map[string]bool{}
	for _, ex := range train {
		ids[ex.ID] = true
	}
	if !ids[inFifth] || len(ids) < 40 {
		t.Errorf("training split rows: got %d ids (with %s: %v), want all 40", len(ids), inFifth, ids[inFifth])
	}
	for _, bad := range []string{"test\n", "../x\n", "a/b\n"} {
		fsys[TrainingSplitsFile] = &fstest.MapFile{Data: []byte(bad)}
		if _, _, _, err := ReadCorpus(fsys); err == nil {
			t.Errorf("split list %q: no error", bad)
		}
	}
	fsys[TrainingSplitsFile] = &fstest.MapFile{Data: []byte("batch\n")}
	fsys["en.jsonl"] = &fstest.MapFile{Data: []byte(top + row("b-03"))}
	if _, _, _, err := ReadCorpus(fsys); err == nil {
		t.Error("an id in the corpus and a training split: no error")
	}
}
