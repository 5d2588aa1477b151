package main

import (
	"bytes"
	"context"
	"encoding/json"
	"strings"
	"testing"
)

func TestClassify(t *testing.T) {
	t.Parallel()
	in := strings.Join([]string{
		`{"id":"a","text":"STOP texting me","kind":"intent"}`,
		`{"id":"b","text":"not json`,
		`{"id":"c","text":"Pay now or we will tell your boss about this debt","kind":"content"}`,
		`{"id":"d","text":"hello","kind":"mood"}`,
		`{"id":"e","text":"请不要再给我发短信了","kind":"intent"}`,
	}, "\n")
	var out, errb bytes.Buffer
	code := Main(context.Background(), []string{"classify"}, IO{Stdin: strings.NewReader(in), Stdout: &out, Stderr: &errb})
	if code != 1 {
		t.Errorf("exit %d, want 1 for malformed lines", code)
	}
	if !strings.Contains(errb.String(), "line 2:") || !strings.Contains(errb.String(), "line 4:") {
		t.Errorf("stderr does not name lines 2 and 4: %s", errb.String())
	}
	lines := strings.Split(strings.TrimSpace(out.String()), "\n")
	if len(lines) != 3 {
		t.Fatalf("got %d result lines, want 3:\n%s", len(lines), out.String())
	}
	want := map[string]string{"a": "opt_out", "c": "third_party_disclosure", "e": "opt_out"}
	for _, l := range lines {
		var r classifyOut
		if err := json.Unmarshal([]byte(l), &r); err != nil {
			t.Fatal(err)
		}
		if len(r.Scores) < 7 || r.Labels == nil {
			t.Errorf("%s: scores %v, labels %v", r.ID, r.Scores, r.Labels)
		}
		found := false
		for _, lab := range r.Labels {
			found = found || lab == want[r.ID]
		}
		if !found {
			t.Errorf("%s: labels %v, want %s among them", r.ID, r.Labels, want[r.ID])
		}
	}
}
