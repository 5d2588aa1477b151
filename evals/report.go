package evals

import (
	"encoding/json"
	"encoding/xml"
	"fmt"
	"io"
	"sort"
	"strings"
	"time"
)

// Report is the outcome of a run.
type Report struct {
	Brain    string          `json:"brain"`
	Seed     int64           `json:"seed"`
	Repeat   int             `json:"repeat"`
	Duration time.Duration   `json:"duration_ns"`
	Summary  Summary         `json:"summary"`
	Hostile  *HostileSummary `json:"hostile,omitempty"`
	Cases    []CaseSummary   `json:"cases"`
	Results  []Result        `json:"results"`
}

// Summary holds the run's metrics.
type Summary struct {
	Cases            int           `json:"cases"`  // distinct cases
	Runs             int           `json:"runs"`   // case runs (cases × repeat)
	Passed           int           `json:"passed"` // runs that passed
	Failed           int           `json:"failed"`
	PassRate         float64       `json:"pass_rate"`
	Sent             int           `json:"sent"`
	Violating        int           `json:"violating"`
	Blocked          int           `json:"blocked"`
	ViolationRate    float64       `json:"violation_rate"`  // violating / sent
	ResolutionRate   float64       `json:"resolution_rate"` // runs with an accepted plan / runs
	AvgTurnsResolved float64       `json:"avg_turns_to_resolution"`
	Turns            int           `json:"turns"`
	LatencyP50       time.Duration `json:"latency_p50_ns"`
	LatencyP95       time.Duration `json:"latency_p95_ns"`
	Flaky            int           `json:"flaky"` // cases that passed in some runs and failed in others
	// Scored counts, per independent scorer, the replies it failed.
	Scored map[string]int `json:"scored,omitempty"`
}

// CaseSummary is one case over all its runs.
type CaseSummary struct {
	Suite    string  `json:"suite"`
	Case     string  `json:"case"`
	Runs     int     `json:"runs"`
	Passed   int     `json:"passed"`
	PassRate float64 `json:"pass_rate"`
	Flaky    bool    `json:"flaky"`
	// Seeds are the runs' seeds in run order; FailedSeeds those of the
	// runs that failed, to run again with --seed.
	Seeds       []int64 `json:"seeds"`
	FailedSeeds []int64 `json:"failed_seeds,omitempty"`
}

// tally adds up results as they finish, in memory that does not grow
// with the run: per-case summaries are kept only to compare repeated runs
// or when the report keeps every result anyway, and latencies are sampled
// (every one, up to maxLatencies).
type tally struct {
	r             *Report
	opts          Options
	lats          []time.Duration
	seen          int64 // latencies offered to the sample
	resolved      int
	resolvedTurns int
	byCase        map[string]*CaseSummary
	order         []string
	keepCases     bool
}

// maxLatencies bounds the latency sample the percentiles are read from.
const maxLatencies = 1 << 16

func newTally(opts Options) *tally {
	r := &Report{Brain: opts.BrainName, Seed: opts.Seed, Repeat: opts.Repeat}
	if r.Brain == "" {
		r.Brain = "rules"
	}
	return &tally{r: r, opts: opts, byCase: map[string]*CaseSummary{}, keepCases: opts.Stream == nil || opts.Repeat > 1}
}

func (t *tally) add(res *Result) {
	s := &t.r.Summary
	s.Runs++
	if res.Pass {
		s.Passed++
	} else {
		s.Failed++
	}
	for k, v := range res.Scored {
		if s.Scored == nil {
			s.Scored = map[string]int{}
		}
		s.Scored[k] += v
	}
	s.Sent += res.Sent
	s.Violating += res.Violating
	s.Blocked += res.Blocked
	s.Turns += res.Turns
	for _, l := range res.Latencies {
		// Reservoir sampling with a fixed stride: deterministic, bounded.
		if len(t.lats) < maxLatencies {
			t.lats = append(t.lats, l)
		} else {
			t.lats[t.seen%maxLatencies] = l
		}
		t.seen++
	}
	if res.Resolved {
		t.resolved++
		t.resolvedTurns += res.Turns
	}
	if res.Stopped != nil {
		if t.r.Hostile == nil && t.opts.Hostile != nil {
			t.r.Hostile = &HostileSummary{Name: t.opts.Hostile.Name, Stopped: map[string]int{}}
		}
		for k, v := range res.Stopped {
			t.r.Hostile.Stopped[k] += v
		}
	}
	if !t.keepCases {
		return
	}
	key := res.Suite + "\x00" + res.Case
	cs, ok := t.byCase[key]
	if !ok {
		cs = &CaseSummary{Suite: res.Suite, Case: res.Case}
		t.byCase[key] = cs
		t.order = append(t.order, key)
	}
	cs.Runs++
	cs.Seeds = append(cs.Seeds, res.Seed)
	if res.Pass {
		cs.Passed++
	} else {
		cs.FailedSeeds = append(cs.FailedSeeds, res.Seed)
	}
}

func (t *tally) report(d time.Duration) *Report {
	r, s := t.r, &t.r.Summary
	r.Duration = d
	for _, k := range t.order {
		cs := t.byCase[k]
		cs.PassRate = ratio(cs.Passed, cs.Runs)
		cs.Flaky = cs.Passed > 0 && cs.Passed < cs.Runs
		if cs.Flaky {
			s.Flaky++
		}
		r.Cases = append(r.Cases, *cs)
	}
	s.Cases = len(t.order)
	if !t.keepCases {
		s.Cases = s.Runs
	}
	s.PassRate = ratio(s.Passed, s.Runs)
	s.ViolationRate = ratio(s.Violating, s.Sent)
	s.ResolutionRate = ratio(t.resolved, s.Runs)
	if t.resolved > 0 {
		s.AvgTurnsResolved = float64(t.resolvedTurns) / float64(t.resolved)
	}
	s.LatencyP50, s.LatencyP95 = percentile(t.lats, 50), percentile(t.lats, 95)
	if h := t.opts.Hostile; h != nil {
		injected := 0
		if t.opts.Injected != nil {
			injected = t.opts.Injected()
		}
		r.Hostile = hostileSummary(h, injected, r.Hostile)
	}
	return r
}

// newReport is the report of results already in hand.
func newReport(results []Result, opts Options, d time.Duration) *Report {
	t := newTally(opts)
	for i := range results {
		t.add(&results[i])
	}
	r := t.report(d)
	r.Results = results
	return r
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

func percentile(ds []time.Duration, p int) time.Duration {
	if len(ds) == 0 {
		return 0
	}
	s := append([]time.Duration(nil), ds...)
	sort.Slice(s, func(i, j int) bool { return s[i] < s[j] })
	i := (len(s)*p + 99) / 100
	return s[min(max(i-1, 0), len(s)-1)]
}

// OK reports whether every run passed.
func (r *Report) OK() bool { return r.Summary.Failed == 0 }

// WriteText writes the terminal summary: failures with their reasons, then the metrics.
func (r *Report) WriteText(w io.Writer) error {
	var b strings.Builder
	for _, res := range r.Results {
		if res.Pass {
			continue
		}
		fmt.Fprintf(&b, "FAIL %s / %s (%s:%d", res.Suite, res.Case, res.File, res.Line)
		if r.Repeat > 1 {
			fmt.Fprintf(&b, ", run %d", res.Run)
		}
		fmt.Fprintf(&b, ", seed %d)\n", res.Seed)
		for _, f := range res.Failures {
			fmt.Fprintf(&b, "     %s\n", f)
		}
	}
	s := r.Summary
	fmt.Fprintf(&b, "\n%d/%d cases passed (%.1f%%) with the %s brain in %s\n", s.Passed, s.Runs, 100*s.PassRate, r.Brain, r.Duration.Round(time.Millisecond))
	fmt.Fprintf(&b, "violation rate   %.2f%% (%d of %d sent messages; %d drafts blocked)\n", 100*s.ViolationRate, s.Violating, s.Sent, s.Blocked)
	fmt.Fprintf(&b, "resolution rate  %.1f%% (average %.1f turns to a plan)\n", 100*s.ResolutionRate, s.AvgTurnsResolved)
	fmt.Fprintf(&b, "turns            %d, latency p50 %s, p95 %s\n", s.Turns, s.LatencyP50.Round(time.Microsecond), s.LatencyP95.Round(time.Microsecond))
	if r.Repeat > 1 {
		fmt.Fprintf(&b, "flaky cases      %d\n", s.Flaky)
		fmt.Fprintf(&b, "pass rate by case over %d runs:\n", r.Repeat)
		for _, c := range r.Cases {
			mark := "      "
			if c.Flaky {
				mark = "FLAKY "
			}
			fmt.Fprintf(&b, "  %s%5.1f%% %s / %s: passed %d of %d, seeds %s", mark, 100*c.PassRate, c.Suite, c.Case, c.Passed, c.Runs, seedList(c.Seeds))
			if len(c.FailedSeeds) > 0 {
				fmt.Fprintf(&b, " (failed: %s)", seedList(c.FailedSeeds))
			}
			b.WriteByte('\n')
		}
	}
	if len(s.Scored) > 0 {
		fmt.Fprintf(&b, "scorers failed   %s\n", countList(s.Scored))
	}
	if r.Hostile != nil {
		r.Hostile.write(&b)
	}
	fmt.Fprintf(&b, "seed             %d\n", r.Seed)
	_, err := io.WriteString(w, b.String())
	return err
}

func seedList(seeds []int64) string {
	parts := make([]string, len(seeds))
	for i, v := range seeds {
		parts[i] = fmt.Sprint(v)
	}
	return strings.Join(parts, ", ")
}

// WriteJSON writes the whole report as JSON.
func (r *Report) WriteJSON(w io.Writer) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(r)
}

type junitSuites struct {
	XMLName  xml.Name     `xml:"testsuites"`
	Name     string       `xml:"name,attr"`
	Tests    int          `xml:"tests,attr"`
	Failures int          `xml:"failures,attr"`
	Time     string       `xml:"time,attr"`
	Suites   []junitSuite `xml:"testsuite"`
}

type junitSuite struct {
	Name       string          `xml:"name,attr"`
	Tests      int             `xml:"tests,attr"`
	Failures   int             `xml:"failures,attr"`
	Properties []junitProperty `xml:"properties>property"`
	Cases      []junitCase     `xml:"testcase"`
}

type junitProperty struct {
	Name  string `xml:"name,attr"`
	Value string `xml:"value,attr"`
}

type junitCase struct {
	Name      string        `xml:"name,attr"`
	Classname string        `xml:"classname,attr"`
	Time      string        `xml:"time,attr"`
	Failure   *junitFailure `xml:"failure,omitempty"`
}

type junitFailure struct {
	Message string `xml:"message,attr"`
	Text    string `xml:",chardata"`
}

// WriteJUnit writes JUnit XML: one testcase per case run, named "suite / case".
func (r *Report) WriteJUnit(w io.Writer) error {
	out := junitSuites{Name: "parley evals", Tests: r.Summary.Runs, Failures: r.Summary.Failed, Time: secs(r.Duration)}
	idx := map[string]int{}
	for _, res := range r.Results {
		i, ok := idx[res.Suite]
		if !ok {
			i = len(out.Suites)
			idx[res.Suite] = i
			out.Suites = append(out.Suites, junitSuite{Name: res.Suite, Properties: []junitProperty{
				{Name: "brain", Value: r.Brain}, {Name: "seed", Value: fmt.Sprint(r.Seed)}}})
		}
		tc := junitCaseOf(res, r.Repeat)
		if !res.Pass {
			out.Suites[i].Failures++
		}
		out.Suites[i].Tests++
		out.Suites[i].Cases = append(out.Suites[i].Cases, tc)
	}
	if _, err := io.WriteString(w, xml.Header); err != nil {
		return err
	}
	enc := xml.NewEncoder(w)
	enc.Indent("", "  ")
	if err := enc.Encode(out); err != nil {
		return err
	}
	_, err := io.WriteString(w, "\n")
	return err
}

func secs(d time.Duration) string { return fmt.Sprintf("%.3f", d.Seconds()) }

// countList renders counts by name, sorted by name: "grounding 2, url 1".
func countList(m map[string]int) string {
	names := make([]string, 0, len(m))
	for k := range m {
		names = append(names, k)
	}
	sort.Strings(names)
	parts := make([]string, len(names))
	for i, k := range names {
		parts[i] = fmt.Sprintf("%s %d", k, m[k])
	}
	return strings.Join(parts, ", ")
}
