package evals_test

import (
	"bytes"
	"context"
	"encoding/xml"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/parley-collections/parley/evals"
)

// stream runs suites with results streamed to w and returns the report.
func stream(t *testing.T, suites []*evals.Suite, w evals.ResultWriter, each func(int)) *evals.Report {
	t.Helper()
	opts := options()
	n := 0
	opts.Stream = func(r evals.Result) error {
		n++
		if each != nil {
			each(n)
		}
		return w.Result(r)
	}
	if err := w.Begin(opts.BrainName, 1, 1); err != nil {
		t.Fatal(err)
	}
	rep, err := evals.Run(context.Background(), suites, opts)
	if err != nil {
		t.Fatal(err)
	}
	if err := w.End(rep); err != nil {
		t.Fatal(err)
	}
	return rep
}

// TestStreamedReports: the streamed JSON reads back as a report with every
// result, and the streamed JUnit is well-formed with a testcase per case.
func TestStreamedReports(t *testing.T) {
	t.Parallel()
	suites := scriptedCases(t, 40)
	var j bytes.Buffer
	rep := stream(t, suites, evals.NewJSONStream(&j), nil)
	if rep.Results != nil || rep.Summary.Runs != 40 || rep.Summary.Passed != 40 {
		t.Fatalf("streamed run kept %d results, summary %+v", len(rep.Results), rep.Summary)
	}
	path := filepath.Join(t.TempDir(), "r.json")
	if err := os.WriteFile(path, j.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	back, err := evals.ReadReport(path)
	if err != nil {
		t.Fatalf("%v\n%s", err, j.String()[:min(j.Len(), 2000)])
	}
	if len(back.Results) != 40 || back.Summary.Passed != 40 || back.Brain != "rules" || len(back.Results[0].Transcript) == 0 {
		t.Errorf("read back %d results, summary %+v", len(back.Results), back.Summary)
	}
	var x bytes.Buffer
	stream(t, suites, evals.NewJUnitStream(&x), nil)
	var doc struct {
		Suites []struct {
			Cases []struct {
				Name string `xml:"name,attr"`
			} `xml:"testcase"`
		} `xml:"testsuite"`
	}
	if err := xml.Unmarshal(x.Bytes(), &doc); err != nil {
		t.Fatal(err)
	}
	if len(doc.Suites) != 40 || !strings.HasPrefix(doc.Suites[0].Cases[0].Name, "thousand / case ") {
		t.Errorf("junit: %d suites", len(doc.Suites))
	}
}

// TestStreamingMemoryIsFlat runs a few and then five times as many
// generated cases with the JSON and JUnit reports streamed and checks that
// the live heap in the run (after a collection) does not grow with the
// count. BenchmarkStreamedMemory measures 1,000 against 100,000.
func TestStreamingMemoryIsFlat(t *testing.T) {
	small, large := 200, 1000
	if raceEnabled {
		small, large = 60, 300
	}
	a, _ := streamGenerated(t, small, io.Discard)
	b, _ := streamGenerated(t, large, io.Discard)
	t.Logf("live heap in the run: %d cases %.1f MB, %d cases %.1f MB", small, float64(a.live)/1e6, large, float64(b.live)/1e6)
	if b.live > a.live+2<<20 {
		t.Errorf("the heap grew from %.1f MB to %.1f MB with %d times the cases", float64(a.live)/1e6, float64(b.live)/1e6, large/small)
	}
}
