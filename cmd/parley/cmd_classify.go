package main

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"

	"github.com/parley-collections/parley/policies/textclass"
)

func init() {
	register(command{name: "classify", summary: "score texts with the embedded text classifier (JSON Lines)", run: runClassify})
}

// classifyIn is one input line of `parley classify`.
type classifyIn struct {
	ID   string `json:"id"`
	Text string `json:"text"`
	Kind string `json:"kind"`
}

// classifyOut is one output line: every label's calibrated score, and the
// labels at or above their thresholds.
type classifyOut struct {
	ID     string             `json:"id"`
	Kind   string             `json:"kind"`
	Scores map[string]float64 `json:"scores"`
	Labels []string           `json:"labels"`
}

// runClassify is `parley classify`: {"id","text","kind":"intent|content"}
// per line on stdin, scores per line on stdout. A malformed line is
// reported on stderr with its number and the rest are still scored; the
// exit status is then 1.
func runClassify(ctx context.Context, sio IO, args []string) error {
	fs := newFlags(sio, "classify", "< texts.jsonl > scores.jsonl")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return usagef("unexpected argument %q", fs.Arg(0))
	}
	sc := bufio.NewScanner(sio.Stdin)
	sc.Buffer(make([]byte, 0, 64*1024), 1<<20)
	out := bufio.NewWriter(sio.Stdout)
	defer out.Flush()
	enc := json.NewEncoder(out)
	enc.SetEscapeHTML(false)
	var buf textclass.Buffer
	bad := 0
	for n := 1; sc.Scan(); n++ {
		if err := ctx.Err(); err != nil {
			return err
		}
		line := sc.Bytes()
		if len(line) == 0 {
			continue
		}
		var in classifyIn
		var m *textclass.Model
		err := json.Unmarshal(line, &in)
		switch {
		case err != nil:
		case in.Kind == string(textclass.KindIntent):
			m = textclass.Intents()
		case in.Kind == string(textclass.KindContent):
			m = textclass.Content()
		default:
			err = fmt.Errorf("kind %q is not intent or content", in.Kind)
		}
		if err != nil {
			fmt.Fprintf(sio.Stderr, "parley classify: line %d: %v\n", n, err)
			bad++
			continue
		}
		res := classifyOut{ID: in.ID, Kind: in.Kind, Scores: map[string]float64{}, Labels: []string{}}
		labels := m.Labels()
		for i, s := range m.Scores(in.Text, &buf) {
			res.Scores[labels[i]] = float64(int(s*1e4+0.5)) / 1e4
		}
		res.Labels = append(res.Labels, m.Above(in.Text, &buf)...)
		if err := enc.Encode(res); err != nil {
			return err
		}
	}
	if err := sc.Err(); err != nil {
		return err
	}
	if bad > 0 {
		out.Flush()
		return exitError{1}
	}
	return nil
}
