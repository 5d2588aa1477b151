package evals

import (
	"bufio"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"io"
	"strings"
	"time"
)

// A ResultWriter writes a report while the run goes: Begin before the
// first result, Result for each as it finishes (Options.Stream), End with
// the finished report (which holds no results). Memory stays flat however
// many cases run.
type ResultWriter interface {
	Begin(brain string, seed int64, repeat int) error
	Result(Result) error
	End(*Report) error
}

// NewJSONStream writes the JSON of WriteJSON, results first and the
// summary last; ReadReport reads it.
func NewJSONStream(w io.Writer) ResultWriter { return &jsonStream{w: bufio.NewWriterSize(w, 64<<10)} }

type jsonStream struct {
	w *bufio.Writer
	n int
}

func (s *jsonStream) Begin(brain string, seed int64, repeat int) error {
	b, _ := json.Marshal(brain)
	_, err := fmt.Fprintf(s.w, "{\n  \"brain\": %s,\n  \"seed\": %d,\n  \"repeat\": %d,\n  \"results\": [", b, seed, repeat)
	return err
}

func (s *jsonStream) Result(r Result) error {
	b, err := json.Marshal(r)
	if err != nil {
		return err
	}
	if s.n > 0 {
		s.w.WriteByte(',')
	}
	s.n++
	s.w.WriteString("\n    ")
	_, err = s.w.Write(b)
	return err
}

func (s *jsonStream) End(r *Report) error {
	tail := struct {
		Duration time.Duration   `json:"duration_ns"`
		Summary  Summary         `json:"summary"`
		Hostile  *HostileSummary `json:"hostile,omitempty"`
		Cases    []CaseSummary   `json:"cases"`
	}{r.Duration, r.Summary, r.Hostile, r.Cases}
	b, err := json.Marshal(tail)
	if err != nil {
		return err
	}
	// The tail's fields join the object the header opened.
	fmt.Fprintf(s.w, "\n  ],\n  %s\n", b[1:])
	return s.w.Flush()
}

// NewJUnitStream writes JUnit XML as results finish: one testsuite
// element per case run, so that no count has to be known in advance.
func NewJUnitStream(w io.Writer) ResultWriter { return &junitStream{w: bufio.NewWriterSize(w, 64<<10)} }

type junitStream struct {
	w     *bufio.Writer
	brain string
	seed  int64
	rep   int
}

func (s *junitStream) Begin(brain string, seed int64, repeat int) error {
	s.brain, s.seed, s.rep = brain, seed, repeat
	_, err := io.WriteString(s.w, xml.Header+`<testsuites name="parley evals">`+"\n")
	return err
}

func (s *junitStream) Result(res Result) error {
	ts := junitSuite{Name: res.Suite, Tests: 1, Properties: []junitProperty{
		{Name: "brain", Value: s.brain}, {Name: "seed", Value: fmt.Sprint(s.seed)}}}
	ts.Cases = []junitCase{junitCaseOf(res, s.rep)}
	if !res.Pass {
		ts.Failures = 1
	}
	b, err := xml.MarshalIndent(struct {
		XMLName xml.Name `xml:"testsuite"`
		junitSuite
	}{junitSuite: ts}, "  ", "  ")
	if err != nil {
		return err
	}
	s.w.Write(b)
	return s.w.WriteByte('\n')
}

func (s *junitStream) End(r *Report) error {
	fmt.Fprintf(s.w, "  <!-- %d tests, %d failures, %s s -->\n</testsuites>\n", r.Summary.Runs, r.Summary.Failed, secs(r.Duration))
	return s.w.Flush()
}

// junitCaseOf is one case run as a JUnit testcase.
func junitCaseOf(res Result, repeat int) junitCase {
	var total time.Duration
	for _, l := range res.Latencies {
		total += l
	}
	name := res.Suite + " / " + res.Case
	if repeat > 1 {
		name += fmt.Sprintf(" #%d", res.Run)
	}
	tc := junitCase{Name: name, Classname: res.Suite, Time: secs(total)}
	if !res.Pass {
		msg := "failed"
		if len(res.Failures) > 0 {
			msg = res.Failures[0]
		}
		tc.Failure = &junitFailure{Message: msg, Text: strings.Join(res.Failures, "\n") + fmt.Sprintf("\n(%s:%d, seed %d)", res.File, res.Line, res.Seed)}
	}
	return tc
}
