package main

import (
	"context"
	"fmt"
	"github.com/parley-collections/parley/agent/openai"
	"io"
	"log/slog"
	"os"
	"runtime"
	"strings"

	"github.com/parley-collections/parley/agent"
	"github.com/parley-collections/parley/agent/kb"
	"github.com/parley-collections/parley/agent/memory"
	"github.com/parley-collections/parley/agent/rules"
	"github.com/parley-collections/parley/agent/understand"
	"github.com/parley-collections/parley/evals"
	"github.com/parley-collections/parley/evals/fakellm"
	"github.com/parley-collections/parley/policies"
)

func init() {
	register(command{name: "eval", summary: "run eval suites against the agent", run: runEval})
}

func runEval(ctx context.Context, sio IO, args []string) error {
	if len(args) > 0 && args[0] == "diff" {
		return runEvalDiff(sio, args[1:])
	}
	if len(args) == 0 || args[0] != "run" {
		if len(args) > 0 && (args[0] == "-h" || args[0] == "--help") {
			fmt.Fprintln(sio.Stdout, "usage: parley eval run [PATH...] [--brain rules|llm] [--fake-model | --hostile NAME|all] [--jobs N] [--repeat N] [--report text|json|junit|html] [--out FILE] [--baseline OLD.json]")
			fmt.Fprintln(sio.Stdout, "       parley eval diff OLD.json NEW.json [--report text|html] [--out FILE]")
			return nil
		}
		return usagef("usage: parley eval run [PATH...] [flags]")
	}
	fs := newFlags(sio, "eval run", "[PATH...] [--brain rules|llm] [--jobs N] [--repeat N] [--report text|json|junit|html] [--out FILE]")
	brain := fs.String("brain", "rules", "which brain understands the borrower: rules or llm (the llm also rewords replies and plays the simulated borrowers that name a persona)")
	jobs := fs.Int("jobs", runtime.NumCPU(), "cases run at once")
	repeat := fs.Int("repeat", 1, "runs of every case (for the llm brain: pass rate per case, flaky cases flagged)")
	format := fs.String("report", "text", "report format: text, json, junit or html")
	out := fs.String("out", "", "write the report to FILE instead of standard output")
	seed := fs.Int64("seed", 1, "seed of the simulated borrowers")
	fake := fs.Bool("fake-model", false, "with --brain llm: run against a fake model on 127.0.0.1 that behaves (no endpoint needed)")
	baseline := fs.String("baseline", "", "a JSON report of an earlier run: fail only on cases that regressed from it")
	hostile := fs.String("hostile", "", "with --brain llm: run against a fake model that misbehaves: "+strings.Join(fakellm.Names(), ", ")+", or all")
	if err := parseFlags(fs, interleaved(args[1:])); err != nil {
		return err
	}
	switch *format {
	case "text", "json", "junit", "html":
	default:
		return usagef("--report %q is not text, json, junit or html", *format)
	}
	if *jobs < 1 || *repeat < 1 {
		return usagef("--jobs and --repeat must be at least 1")
	}
	paths := fs.Args()
	if len(paths) == 0 {
		paths = []string{"evals/suites"}
	}
	// The collector keeps Go's default (GOGC 100). A run's live heap is
	// small and flat while every case allocates afresh, and on a virtual
	// machine the first touch of a page the heap has not used yet costs
	// more than a collection: a higher GOGC (300 was tried) grew the heap
	// to four times the live one and made a run of 1,000 cases slower.
	// The guard is built while the suite files are read: a run waits for
	// both.
	var (
		guard    *policies.Guard
		guardErr error
		built    = make(chan struct{})
	)
	go func() {
		defer close(built)
		// Cases may name any jurisdiction the deployment's profiles define.
		guard, guardErr = loadGuard(sio.Getenv("PARLEY_GUARD_PROFILES"), "")
	}()
	// Every file is checked before the run; a large run reads its files
	// again one at a time as it reaches them.
	suites, err := evals.Check(paths...)
	<-built
	if err != nil {
		return err
	}
	if guardErr != nil {
		return usagef("%v", guardErr)
	}
	// The knowledge base is embedded when a case first asks a question:
	// most runs ask none.
	know := kb.NewLazy(func() (*kb.Base, error) { return kb.Default(ctx) })
	opts := evals.Options{
		NewStore:      newEvalStore,
		CasesPerStore: 1, // a memory store costs nothing to open
		NewBrain:      func() agent.Brain { return understand.New(rules.New(), nil) },
		BrainName:     "rules",
		Guard:         guard,
		Knowledge:     know,
		Jobs:          *jobs,
		Repeat:        *repeat,
		Seed:          *seed,
	}
	switch {
	case *brain != "rules" && *brain != "llm":
		return usagef("--brain %q is not rules or llm", *brain)
	case (*fake || *hostile != "") && *brain != "llm":
		return usagef("--fake-model and --hostile need --brain llm")
	case *hostile == "all":
		return runHostilePack(ctx, sio, suites, opts)
	case *hostile != "":
		h, ok := fakellm.Lookup(*hostile)
		if !ok {
			return usagef("--hostile %q is not one of %s or all", *hostile, strings.Join(fakellm.Names(), ", "))
		}
		stop, err := useFake(h.Name, &opts)
		if err != nil {
			return err
		}
		defer stop()
	case *fake:
		stop, err := useFake(fakellm.Good, &opts)
		if err != nil {
			return err
		}
		defer stop()
	case *brain == "llm":
		cfg, err := envConfig(sio.Getenv)
		if err != nil {
			return usagef("%v", err)
		}
		if err := useLLM(ctx, cfg.LLM, &opts); err != nil {
			return err
		}
	}
	if isTerminal(sio.Stdout) {
		opts.Progress = progressBar(sio.Stdout)
	}
	w := io.Writer(sio.Stdout)
	if *out != "" {
		f, err := os.Create(*out)
		if err != nil {
			return fmt.Errorf("report: %w", err)
		}
		defer f.Close()
		w = f
	}
	// JSON and JUnit stream as the cases finish, in flat memory; the
	// terminal summary then lists the first failures only.
	var sw evals.ResultWriter
	var failures []evals.Result
	if *baseline == "" {
		switch *format {
		case "json":
			sw = evals.NewJSONStream(w)
		case "junit":
			sw = evals.NewJUnitStream(w)
		}
	}
	if sw != nil {
		if err := sw.Begin(opts.BrainName, opts.Seed, opts.Repeat); err != nil {
			return fmt.Errorf("report: %w", err)
		}
		opts.Stream = func(r evals.Result) error {
			if !r.Pass && len(failures) < maxListedFailures {
				failures = append(failures, r)
			}
			return sw.Result(r)
		}
	}
	rep, err := runCatalog(ctx, suites, opts)
	if err != nil {
		return err
	}
	if sw != nil {
		if err := sw.End(rep); err != nil {
			return fmt.Errorf("report: %w", err)
		}
		rep.Results = failures
	} else if err := writeReport(rep, *format, w); err != nil {
		return fmt.Errorf("report: %w", err)
	}
	if *out != "" || *format != "text" {
		// The summary always reaches the terminal.
		if err := rep.WriteText(sio.Stderr); err != nil {
			return err
		}
	}
	if rep.Hostile != nil && !rep.Hostile.Passed() {
		return exitError{code: 1}
	}
	if *baseline != "" {
		old, err := evals.ReadReport(*baseline)
		if err != nil {
			return err
		}
		cmp := evals.Diff(old, rep)
		fmt.Fprintf(sio.Stderr, "\ncompared with %s:\n", *baseline)
		if err := cmp.WriteText(sio.Stderr); err != nil {
			return err
		}
		if cmp.Regressions() > 0 {
			return exitError{code: 1}
		}
		return nil
	}
	if !rep.OK() {
		return exitError{code: 1}
	}
	return nil
}

// runEvalDiff compares two JSON reports: regressions first, then fixed,
// added, removed cases and changed replies. It fails when a case regressed.
func runEvalDiff(sio IO, args []string) error {
	fs := newFlags(sio, "eval diff", "OLD.json NEW.json [--report text|html] [--out FILE]")
	format := fs.String("report", "text", "text, or html for the two runs side by side")
	out := fs.String("out", "", "write to FILE instead of standard output")
	if err := parseFlags(fs, interleaved(args)); err != nil {
		return err
	}
	if fs.NArg() != 2 {
		return usagef("usage: parley eval diff OLD.json NEW.json [--report text|html] [--out FILE]")
	}
	if *format != "text" && *format != "html" {
		return usagef("--report %q is not text or html", *format)
	}
	old, err := evals.ReadReport(fs.Arg(0))
	if err != nil {
		return err
	}
	cur, err := evals.ReadReport(fs.Arg(1))
	if err != nil {
		return err
	}
	cmp := evals.Diff(old, cur)
	w := sio.Stdout
	if *out != "" {
		f, err := os.Create(*out)
		if err != nil {
			return err
		}
		defer f.Close()
		w = f
	}
	if *format == "html" {
		err = cmp.WriteHTML(w)
	} else {
		err = cmp.WriteText(w)
	}
	if err != nil {
		return err
	}
	if cmp.Regressions() > 0 {
		return exitError{code: 1}
	}
	return nil
}

// maxListedFailures bounds the failures a streamed run lists on the terminal.
const maxListedFailures = 100

// useFake starts a fake model on the loopback interface and wires the LLM
// brain and phraser to it; a hostile one is counted in the report.
func useFake(mode string, opts *evals.Options) (stop func(), err error) {
	srv, err := fakellm.Start(mode)
	if err != nil {
		return nil, err
	}
	cfg := openai.Config{BaseURL: srv.BaseURL(), APIKey: "fake", Model: fakellm.Model,
		// The breaker never opens: the fake leaves most messages to the
		// fallback brain by calling no tool, and the hostile brain must be
		// asked every turn.
		BreakerThreshold: 1 << 30, Logger: slog.New(slog.DiscardHandler)}
	brain, err := openai.NewBrain(cfg, rules.New())
	var phraser agent.Phraser
	if err == nil {
		phraser, err = openai.NewPhraser(cfg)
	}
	if err != nil {
		srv.Close()
		return nil, fmt.Errorf("fake model: %w", err)
	}
	combined := understand.New(rules.New(), brain)
	opts.NewBrain = func() agent.Brain { return combined }
	opts.Phraser = phraser
	opts.BrainName = fakellm.Model + " (" + mode + ")"
	if h, ok := fakellm.Lookup(mode); ok {
		opts.Hostile, opts.Injected = &h, srv.Injected
	}
	return srv.Close, nil
}

// runHostilePack runs the suites against every misbehaviour in turn and
// prints which layer stopped each; it fails when any reached a borrower.
func runHostilePack(ctx context.Context, sio IO, suites *evals.Catalog, opts evals.Options) error {
	fmt.Fprintf(sio.Stdout, "%-16s %9s %6s %10s %14s %7s\n", "misbehaviour", "attempts", "guard", "grounding", "understanding", "leaked")
	leaked := false
	for _, name := range fakellm.Names() {
		o := opts
		o.Progress = nil
		stop, err := useFake(name, &o)
		if err != nil {
			return err
		}
		rep, err := runCatalog(ctx, suites, o)
		stop()
		if err != nil {
			return err
		}
		h := rep.Hostile
		st := h.Stopped
		fmt.Fprintf(sio.Stdout, "%-16s %9d %6d %10d %14d %7d\n", name, h.Injected, st[evals.LayerGuard], st[evals.LayerGrounding],
			st[evals.LayerUnderstanding], st[evals.Leaked])
		leaked = leaked || !h.Passed()
	}
	if leaked {
		fmt.Fprintln(sio.Stderr, "some misbehaviours reached the borrower (leaked)")
		return exitError{code: 1}
	}
	return nil
}

// runCatalog runs every case of the catalog's files.
func runCatalog(ctx context.Context, c *evals.Catalog, opts evals.Options) (*evals.Report, error) {
	rep, err := evals.RunCases(ctx, c.Total, c.Cases(), opts)
	if err == nil {
		err = c.Err()
	}
	return rep, err
}

func writeReport(rep *evals.Report, format string, w io.Writer) error {
	switch format {
	case "json":
		return rep.WriteJSON(w)
	case "junit":
		return rep.WriteJUnit(w)
	case "html":
		return rep.WriteHTML(w)
	}
	return rep.WriteText(w)
}

// newEvalStore opens a fresh store in memory for one worker: an eval's
// data is thrown away at the end, and the memory store passes the same
// contract suite as SQLite at a fraction of a turn's cost.
func newEvalStore(context.Context) (agent.Store, func(), error) {
	st := memory.New()
	return st, func() { _ = st.Close() }, nil
}

// progressBar draws "[#####-----] 12/60" in place on a terminal.
func progressBar(w io.Writer) func(done, total int) {
	return func(done, total int) {
		const width = 30
		n := width * done / max(total, 1)
		fmt.Fprintf(w, "\r[%s%s] %d/%d", strings.Repeat("#", n), strings.Repeat("-", width-n), done, total)
		if done == total {
			fmt.Fprintln(w)
		}
	}
}

// interleaved moves flags after positional arguments to the front, so that
// "eval run suites/ --jobs 4" parses like "eval run --jobs 4 suites/".
func interleaved(args []string) []string {
	var flags, pos []string
	for i := 0; i < len(args); i++ {
		a := args[i]
		if a == "--" {
			pos = append(pos, args[i+1:]...)
			break
		}
		if strings.HasPrefix(a, "-") && a != "-" {
			flags = append(flags, a)
			if !strings.Contains(a, "=") && i+1 < len(args) && !strings.HasPrefix(args[i+1], "-") && takesValue(a) {
				flags = append(flags, args[i+1])
				i++
			}
			continue
		}
		pos = append(pos, a)
	}
	return append(flags, pos...)
}

func takesValue(flag string) bool {
	switch strings.TrimLeft(flag, "-") {
	case "h", "help":
		return false
	}
	return true
}
