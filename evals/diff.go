package evals

import (
	"encoding/json"
	"fmt"
	"html/template"
	"io"
	"os"
	"regexp"
	"sort"
	"strings"
)

// ReadReport reads a report written with WriteJSON.
func ReadReport(path string) (*Report, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("evals: %w", err)
	}
	var r Report
	if err := json.Unmarshal(b, &r); err != nil {
		return nil, fmt.Errorf("evals: %s: %w", path, err)
	}
	return &r, nil
}

// Change is one case whose outcome differs between two runs.
type Change struct {
	Suite, Case string
	Kind        string // regressed, fixed, added, removed, replies
	Old, New    *Result
}

// Changes of a comparison, in the order Diff lists them.
const (
	ChangeRegressed = "regressed" // passed before, fails now (or a new case that fails)
	ChangeFixed     = "fixed"
	ChangeAdded     = "added"
	ChangeRemoved   = "removed"
	ChangeReplies   = "replies" // same status, different replies
)

// Comparison is what changed from one run to another.
type Comparison struct {
	Old, New *Report
	Changes  []Change
}

// Regressions counts the cases that fail now and did not before.
func (c *Comparison) Regressions() int {
	n := 0
	for _, ch := range c.Changes {
		if ch.Kind == ChangeRegressed {
			n++
		}
	}
	return n
}

// caseKey names a case and its run.
func caseKey(r Result) string { return fmt.Sprintf("%s\x00%s\x00%d", r.Suite, r.Case, r.Run) }

// Diff compares two runs case by case: regressions first, then fixed,
// added, removed, and cases whose replies changed.
func Diff(old, cur *Report) *Comparison {
	c := &Comparison{Old: old, New: cur}
	before := map[string]*Result{}
	for i := range old.Results {
		before[caseKey(old.Results[i])] = &old.Results[i]
	}
	seen := map[string]bool{}
	for i := range cur.Results {
		n := &cur.Results[i]
		k := caseKey(*n)
		seen[k] = true
		o := before[k]
		switch {
		case o == nil && !n.Pass:
			c.Changes = append(c.Changes, Change{n.Suite, n.Case, ChangeRegressed, nil, n})
		case o == nil:
			c.Changes = append(c.Changes, Change{n.Suite, n.Case, ChangeAdded, nil, n})
		case o.Pass && !n.Pass:
			c.Changes = append(c.Changes, Change{n.Suite, n.Case, ChangeRegressed, o, n})
		case !o.Pass && n.Pass:
			c.Changes = append(c.Changes, Change{n.Suite, n.Case, ChangeFixed, o, n})
		case replies(*o) != replies(*n):
			c.Changes = append(c.Changes, Change{n.Suite, n.Case, ChangeReplies, o, n})
		}
	}
	for i := range old.Results {
		o := &old.Results[i]
		if !seen[caseKey(*o)] {
			c.Changes = append(c.Changes, Change{o.Suite, o.Case, ChangeRemoved, o, nil})
		}
	}
	rank := map[string]int{ChangeRegressed: 0, ChangeFixed: 1, ChangeAdded: 2, ChangeRemoved: 3, ChangeReplies: 4}
	sort.SliceStable(c.Changes, func(i, j int) bool { return rank[c.Changes[i].Kind] < rank[c.Changes[j].Kind] })
	return c
}

var payToken = regexp.MustCompile(`/p/[A-Za-z0-9_.-]+`)

// replies is what the borrower heard in a case, with pay-link tokens
// (which carry their expiry) masked.
func replies(r Result) string {
	var b strings.Builder
	for _, e := range r.Transcript {
		if e.Heard() {
			b.WriteString(payToken.ReplaceAllString(e.Text, "/p/…"))
			b.WriteByte('\n')
		}
	}
	return b.String()
}

// WriteText lists the changes: each regression with its failures, then
// the rest, and each changed reply as before and after.
func (c *Comparison) WriteText(w io.Writer) error {
	var b strings.Builder
	counts := map[string]int{}
	for _, ch := range c.Changes {
		counts[ch.Kind]++
		fmt.Fprintf(&b, "%-9s %s / %s\n", strings.ToUpper(ch.Kind), ch.Suite, ch.Case)
		switch ch.Kind {
		case ChangeRegressed:
			for _, f := range ch.New.Failures {
				fmt.Fprintf(&b, "          %s\n", f)
			}
		case ChangeReplies, ChangeFixed:
			writeReplyDiff(&b, replies(*ch.Old), replies(*ch.New))
		}
	}
	fmt.Fprintf(&b, "\n%d regressed, %d fixed, %d added, %d removed, %d with changed replies (%d/%d passed before, %d/%d now)\n",
		counts[ChangeRegressed], counts[ChangeFixed], counts[ChangeAdded], counts[ChangeRemoved], counts[ChangeReplies],
		c.Old.Summary.Passed, c.Old.Summary.Runs, c.New.Summary.Passed, c.New.Summary.Runs)
	_, err := io.WriteString(w, b.String())
	return err
}

// writeReplyDiff writes the lines that differ, "-" before and "+" after.
func writeReplyDiff(b *strings.Builder, old, cur string) {
	o, n := strings.Split(strings.TrimSpace(old), "\n"), strings.Split(strings.TrimSpace(cur), "\n")
	for i := 0; i < max(len(o), len(n)); i++ {
		var a, c string
		if i < len(o) {
			a = o[i]
		}
		if i < len(n) {
			c = n[i]
		}
		if a == c {
			continue
		}
		if a != "" {
			fmt.Fprintf(b, "          - %s\n", a)
		}
		if c != "" {
			fmt.Fprintf(b, "          + %s\n", c)
		}
	}
}

// WriteHTML writes the comparison as a page: each changed case with the
// old run's transcript beside the new one's.
func (c *Comparison) WriteHTML(w io.Writer) error {
	return diffPage.Execute(w, c)
}

var diffPage = template.Must(template.New("diff").Funcs(template.FuncMap{
	"heard": func(r *Result) []Entry {
		if r == nil {
			return nil
		}
		return r.Transcript
	},
}).Parse(`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Parley eval comparison</title>
<style>
body{font:15px/1.45 system-ui,sans-serif;margin:0 auto;max-width:1400px;padding:1rem;color:#1d1d1d}
.side{display:grid;grid-template-columns:1fr 1fr;gap:1rem}.side>div{min-width:0;border:1px solid #ddd;border-radius:6px;padding:.4rem .8rem}
h2{font-size:1.05rem;margin-top:1.5rem}.kind{font-size:.8rem;padding:0 .4rem;border-radius:4px;background:#eee}
.regressed .kind{background:#fdecea;color:#b71c1c}.fixed .kind{background:#e8f5e9;color:#2e7d32}
.line{margin:.3rem 0;padding:.3rem .5rem;border-left:3px solid #ccc;white-space:pre-wrap}.borrower{border-color:#1565c0}
.agent{border-color:#2e7d32}.failure{color:#b71c1c}
</style></head><body>
<h1>Parley eval comparison</h1>
<p>Before: {{.Old.Summary.Passed}}/{{.Old.Summary.Runs}} passed with the {{.Old.Brain}} brain. Now: {{.New.Summary.Passed}}/{{.New.Summary.Runs}} with the {{.New.Brain}} brain. {{len .Changes}} cases changed.</p>
{{range .Changes}}<section class="{{.Kind}}"><h2><span class="kind">{{.Kind}}</span> {{.Suite}} / {{.Case}}</h2>
<div class="side"><div><b>before</b>{{if .Old}}{{range .Old.Failures}}<div class="failure">{{.}}</div>{{end}}{{end}}
{{range heard .Old}}{{if ne .Author "system"}}<div class="line {{.Author}}">{{.Author}}: {{.Text}}</div>{{end}}{{end}}</div>
<div><b>now</b>{{if .New}}{{range .New.Failures}}<div class="failure">{{.}}</div>{{end}}{{end}}
{{range heard .New}}{{if ne .Author "system"}}<div class="line {{.Author}}">{{.Author}}: {{.Text}}</div>{{end}}{{end}}</div></div></section>
{{end}}</body></html>
`))
