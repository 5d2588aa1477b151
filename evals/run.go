package evals

import (
	"context"
	"fmt"
	"iter"
	"math/rand/v2"
	"regexp"
	"runtime"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/parley-collections/parley/agent"
	"github.com/parley-collections/parley/policies"
)

// Options wire a run. NewStore and NewBrain are required: the caller
// decides which store and brain the agent runs on.
type Options struct {
	// NewStore opens a fresh, empty store for one worker and returns its cleanup.
	NewStore func(ctx context.Context) (agent.Store, func(), error)
	// CasesPerStore is how many cases a worker runs on one store before
	// it opens a fresh one; default 200, which opening a SQLite store (its
	// migrations) pays for. A store in memory costs next to nothing to
	// open: runs on one use 1, so that a worker holds one case's rows.
	CasesPerStore int
	// NewBrain returns the brain for one case.
	NewBrain func() agent.Brain
	// BrainName labels the report: "rules" or the model.
	BrainName string
	// Guard is the guard the agent runs under and that no_violations re-checks with.
	Guard *policies.Guard
	// Knowledge answers the borrower's questions; optional.
	Knowledge agent.Knowledge
	// Phraser lets an LLM reword drafts; optional.
	Phraser agent.Phraser
	// Persona plays a simulated borrower with a model when set; optional.
	Persona Persona
	// Jobs is how many cases run at once; default the number of CPUs.
	Jobs int
	// Repeat runs every case this many times (for non-deterministic brains); default 1.
	Repeat int
	// Seed makes simulated borrowers reproducible; default 1.
	Seed int64
	// Progress is called after each case with the count done and the total.
	Progress func(done, total int)
	// Stream, when set, receives every result as its case finishes (one at
	// a time, in the order they finish), and the report keeps none: a run
	// of any length then holds only the cases in flight. An error stops
	// the stream and fails the run.
	Stream func(Result) error
	// AllowedHosts are the hosts a reply may link to besides the payment
	// link's; the url scorer fails any other. Default DefaultAllowedHosts.
	AllowedHosts []string
	// Scorers run on every reply of every case; default Scorers().
	Scorers []Scorer
	// Hostile is the misbehaviour of the model behind the brain, for the
	// report's layer counts; nil for a model that behaves.
	Hostile *Hostile
	// Injected reports, after the run, how often the hostile model
	// misbehaved; required with Hostile.
	Injected func() int

	// shared is what every case of one run reuses (RunCases sets it).
	shared *runShared
}

// runShared is what the cases of one run share: work whose answer is the
// same for every case that asks it with the same inputs.
type runShared struct {
	// identity checks the borrowers' answers against the suite accounts'
	// digests as the unkeyed fixture hasher does (NewIdentityFacts made
	// them), stretching each distinct answer once a run instead of once a
	// case.
	identity *agent.IdentityHasher
	// recheck remembers the re-check's verdicts by their whole input.
	recheck *recheckMemo
}

// Persona plays a simulated borrower with a model (--brain llm): given who
// it plays and the transcript so far, it writes the borrower's next message,
// "" to stop. It plays the cases whose simulate block names a persona.
type Persona interface {
	Next(ctx context.Context, who PersonaBorrower, transcript []Entry) (string, error)
}

// PersonaBorrower is what a persona knows of the borrower it plays: the
// case's simulation parameters and the borrower's own (fictional) facts.
type PersonaBorrower struct {
	Simulate
	Language string // en or zh, resolved from the case and the borrower's locale
	Name     string
	DOB      string // YYYY-MM-DD
	Postcode string // the ZIP or postcode
	Currency string
	Seed     int64 // the run's seed, so that a model run can be repeated
}

// Heard reports whether the borrower saw this entry: an agent's or a
// supervisor's message that was sent, not a draft the guard refused.
func (e Entry) Heard() bool {
	return e.Author != "borrower" && e.Author != "system" && sent(agent.MessageStatus(e.Status))
}

// Entry is one line of a case's transcript.
type Entry struct {
	Turn       int                  `json:"turn"`
	Author     string               `json:"author"`            // borrower, agent, system
	Speaker    string               `json:"speaker,omitempty"` // third_party on a borrower line the borrower did not write
	Channel    string               `json:"channel,omitempty"`
	Conv       int                  `json:"conv,omitempty"` // which of the case's conversations, from 0
	At         time.Time            `json:"at,omitzero"`    // the case's clock when the borrower wrote
	Text       string               `json:"text"`
	Status     string               `json:"status,omitempty"`
	Decision   string               `json:"decision,omitempty"`
	Violations []policies.Violation `json:"violations,omitempty"`
	Template   string               `json:"template,omitempty"`
	Events     []string             `json:"events,omitempty"`
	Failures   []string             `json:"failures,omitempty"`
}

// Result is one run of one case.
type Result struct {
	Suite     string          `json:"suite"`
	File      string          `json:"file"`
	Case      string          `json:"case"`
	Line      int             `json:"line"`
	Run       int             `json:"run"`
	Seed      int64           `json:"seed"`
	Pass      bool            `json:"pass"`
	Failures  []string        `json:"failures,omitempty"`
	Turns     int             `json:"turns"`
	Latencies []time.Duration `json:"latencies_ns"`
	Events    []string        `json:"events"`
	State     string          `json:"state"`
	Plan      *agent.Plan     `json:"plan,omitempty"`
	Resolved  bool            `json:"resolved"` // a plan was accepted
	Sent      int             `json:"sent"`
	Violating int             `json:"violating"` // sent messages a re-check flags
	Blocked   int             `json:"blocked"`   // drafts the guard refused
	// Scored counts the replies each independent scorer failed.
	Scored map[string]int `json:"scored,omitempty"`
	// Stopped counts, for a hostile model, the misbehaviours each layer
	// stopped (guard, grounding, understanding) and those that reached the
	// borrower (leaked).
	Stopped      map[string]int `json:"stopped,omitempty"`
	Jurisdiction string         `json:"jurisdiction,omitempty"`
	Transcript   []Entry        `json:"transcript"`
	Err          string         `json:"error,omitempty"`
}

type job struct {
	suite *Suite
	c     *Case
	run   int
	seed  int64
}

// Run runs every case of every suite and scores it.
func Run(ctx context.Context, suites []*Suite, opts Options) (*Report, error) {
	g := opts.Guard
	if g == nil {
		g = policies.Default()
	}
	if err := checkJurisdictions(suites, g); err != nil {
		return nil, err
	}
	total := 0
	for _, s := range suites {
		total += len(s.Cases)
	}
	return RunCases(ctx, total, func(yield func(*Suite, *Case) bool) {
		for _, s := range suites {
			for c := range s.Cases {
				if !yield(s, &s.Cases[c]) {
					return
				}
			}
		}
	}, opts)
}

// RunCases runs cases as they come and scores them; total is their count
// (for progress; without Options.Stream the report holds total results,
// and no more cases run). With Stream, total may be 0 (unknown), and a run
// of any length holds only the cases in flight: cases may be made as they
// are asked for.
func RunCases(ctx context.Context, total int, cases iter.Seq2[*Suite, *Case], opts Options) (*Report, error) {
	if opts.NewStore == nil || opts.NewBrain == nil {
		return nil, fmt.Errorf("evals: run: NewStore and NewBrain are required")
	}
	if opts.Guard == nil {
		opts.Guard = policies.Default()
	}
	if opts.Jobs <= 0 {
		opts.Jobs = runtime.NumCPU()
	}
	if opts.Repeat <= 0 {
		opts.Repeat = 1
	}
	if opts.Seed == 0 {
		opts.Seed = 1
	}
	total *= opts.Repeat
	opts.shared = &runShared{identity: agent.NewFixtureIdentityHasher(), recheck: newRecheckMemo()}
	started := time.Now()
	var results []Result
	if opts.Stream == nil {
		results = make([]Result, total)
	}
	t := newTally(opts)
	var (
		mu        sync.Mutex
		done      int
		streamErr error
		wg        sync.WaitGroup
	)
	type indexed struct {
		i int
		j job
	}
	next := make(chan indexed)
	workers := opts.Jobs
	if total > 0 {
		workers = min(workers, total) // else unknown: a stream
	}
	perStore := opts.CasesPerStore
	if perStore <= 0 {
		perStore = casesPerStore
	}
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			// Each worker keeps one temporary store, replaced every
			// perStore cases so that a long run's memory stays flat;
			// every case in it gets an account id of its own, so cases
			// share no conversation, consent or contact history.
			var (
				st      agent.Store
				cleanup = func() {}
				err     error
				used    int
			)
			defer func() { cleanup() }()
			for x := range next {
				if st == nil || used == perStore {
					cleanup()
					st, cleanup, err = opts.NewStore(ctx)
					if err != nil {
						st, cleanup = nil, func() {}
					}
					used = 0
				}
				used++
				var res Result
				if err != nil {
					res = failed(Result{Suite: x.j.suite.Name, Case: x.j.c.Name, File: x.j.suite.File, Line: x.j.c.Line}, "store: "+err.Error())
				} else {
					res = runCase(ctx, st, x.i, x.j, opts)
				}
				mu.Lock()
				t.add(&res)
				if opts.Stream != nil {
					if streamErr == nil {
						streamErr = opts.Stream(res)
					}
				} else {
					results[x.i] = res
				}
				done++
				if opts.Progress != nil {
					opts.Progress(done, total)
				}
				mu.Unlock()
			}
		}()
	}
	i := 0
feed:
	for s, c := range cases {
		for r := 0; r < opts.Repeat; r++ {
			if ctx.Err() != nil || (results != nil && i >= len(results)) {
				break feed
			}
			seed := caseSeed(opts.Seed, s.Name, c.Name, r)
			if sim := c.Simulate; sim != nil && sim.Seed != 0 {
				seed = sim.Seed
			}
			next <- indexed{i, job{suite: s, c: c, run: r + 1, seed: seed}}
			i++
		}
	}
	close(next)
	wg.Wait()
	if err := ctx.Err(); err != nil {
		return nil, fmt.Errorf("evals: run: %w", err)
	}
	if streamErr != nil {
		return nil, fmt.Errorf("evals: run: %w", streamErr)
	}
	rep := t.report(time.Since(started))
	rep.Results = results
	return rep, nil
}

// casesPerStore is how many cases a worker runs on one store before it
// opens a fresh one, unless Options.CasesPerStore says otherwise.
const casesPerStore = 200

// caseSeed derives a stable seed per case and run from the run's seed.
func caseSeed(seed int64, suite, name string, run int) int64 {
	h := uint64(seed)
	for _, b := range []byte(suite + "\x00" + name) {
		h = h*1099511628211 ^ uint64(b)
	}
	return int64((h ^ uint64(run)*0x9e3779b97f4a7c15) >> 1)
}

// caseRun is the state of one case while it runs.
type caseRun struct {
	j        job
	opts     Options
	res      *Result
	st       agent.Store
	orch     *agent.Orchestrator
	clock    *agent.FixedClock
	acct     agent.Account
	channel  agent.Channel
	verified bool
	convID   string
	convs    []string // every conversation of the case, in order
	lastSeq  int64
	sched    *reminders
	state    string // the conversation's state after the last turn
	after    *afterCase
}

// afterCase is what the store holds once a case's turns are over, read
// once for the outcome, the re-check and the scorers, which all read it.
type afterCase struct {
	msgs     map[string]readMessages
	events   map[string]readEvents
	plans    []agent.Plan
	plansErr error
}

type readMessages struct {
	msgs []agent.Message
	err  error
}

type readEvents struct {
	evs []agent.Event
	err error
}

// finished marks the case's turns over: from now on the store is read
// once for all who read it after the case.
func (cr *caseRun) finished(ctx context.Context) {
	a := &afterCase{msgs: map[string]readMessages{}, events: map[string]readEvents{}}
	a.plans, a.plansErr = cr.st.Plans(ctx, cr.acct.ID)
	cr.after = a
}

// messages are all of a conversation's messages after the case.
func (cr *caseRun) messages(ctx context.Context, convID string) ([]agent.Message, error) {
	r, ok := cr.after.msgs[convID]
	if !ok {
		r.msgs, r.err = cr.st.Messages(ctx, convID, 0, 0)
		cr.after.msgs[convID] = r
	}
	return r.msgs, r.err
}

// events are a conversation's events after the case.
func (cr *caseRun) events(ctx context.Context, convID string) ([]agent.Event, error) {
	r, ok := cr.after.events[convID]
	if !ok {
		r.evs, r.err = cr.st.Events(ctx, convID)
		cr.after.events[convID] = r
	}
	return r.evs, r.err
}

// plans are the account's plans after the case.
func (cr *caseRun) plans() ([]agent.Plan, error) { return cr.after.plans, cr.after.plansErr }

// checkJurisdictions refuses a run with a case whose jurisdiction the
// guard has no profile for, naming the case, before anything runs.
func checkJurisdictions(suites []*Suite, g *policies.Guard) error {
	for _, s := range suites {
		for _, c := range s.Cases {
			if j := c.jurisdiction(s); !slices.Contains(g.Jurisdictions(), j) {
				return fmt.Errorf("%s:%d: case %q: field jurisdiction: unknown jurisdiction %q (the guard has profiles for %s)",
					s.File, c.Line, c.Name, j, strings.Join(g.Jurisdictions(), ", "))
			}
		}
	}
	return nil
}

func runCase(ctx context.Context, st agent.Store, n int, j job, opts Options) (res Result) {
	s, c := j.suite, j.c
	res = Result{Suite: s.Name, File: s.File, Case: c.Name, Line: c.Line, Run: j.run, Seed: j.seed}
	defer func() {
		if v := recover(); v != nil {
			res.Err = fmt.Sprintf("panic: %v", v)
			res.Pass = false
			res.Failures = append(res.Failures, res.Err)
		}
	}()
	jur := c.jurisdiction(s)
	if _, ok := opts.Guard.Family(jur); !ok {
		res.Err = fmt.Sprintf("unknown jurisdiction %q: the guard has no profile for it", jur)
		res.Failures = append(res.Failures, res.Err)
		return res
	}
	acct := c.account(s).domain(jur, opts.Guard.Currency(jur))
	acct.ID = fmt.Sprintf("%s~%d", acct.ID, n)
	if err := st.PutAccount(ctx, acct); err != nil {
		return failed(res, "account: "+err.Error())
	}
	clock := agent.NewFixedClock(c.now(s))
	sched := &reminders{}
	orch, err := agent.NewOrchestrator(agent.Config{
		Store: st, Brain: opts.NewBrain(), Guard: opts.Guard, Clock: clock, Scheduler: sched,
		Knowledge: opts.Knowledge, Phraser: opts.Phraser, Identity: opts.shared.identity,
		Linker: &agent.PaymentLinker{URLTemplate: "https://pay.example.com/p/{token}", Secret: []byte("eval-secret")},
		// A check takes microseconds; a loaded CI machine must not turn a
		// scheduling stall into a blocked reply and a flaky case.
		GuardTimeout: 10 * time.Second,
	})
	if err != nil {
		return failed(res, err.Error())
	}
	res.Jurisdiction = acct.Borrower.Jurisdiction
	cr := &caseRun{j: j, opts: opts, res: &res, st: st, orch: orch, clock: clock, acct: acct,
		channel: agent.Channel(c.channel(s)), verified: c.Verified, sched: sched}
	if c.Simulate != nil {
		err = cr.simulate(ctx, *c.Simulate)
	} else {
		for i, t := range c.Turns {
			if t.Advance.Duration > 0 {
				clock.Advance(t.Advance.Duration)
			}
			if t.Channel != "" && agent.Channel(t.Channel) != cr.channel {
				// Another channel is another conversation.
				cr.channel, cr.convID, cr.lastSeq = agent.Channel(t.Channel), "", 0
			}
			var entries []Entry
			entries, err = cr.turn(ctx, i+1, t.Borrower, t.Speaker)
			if err != nil {
				break
			}
			if t.Expect != nil {
				fails := checkTurn(*t.Expect, entries, i+1, cr.state)
				res.Failures = append(res.Failures, fails...)
				if n := len(res.Transcript); n > 0 && len(fails) > 0 {
					res.Transcript[n-1].Failures = append(res.Transcript[n-1].Failures, fails...)
				}
			}
		}
	}
	if err != nil {
		return failed(res, err.Error())
	}
	cr.finished(ctx)
	cr.outcome(ctx, c.Outcome)
	cr.score(ctx)
	cr.hostile(ctx)
	res.Pass = len(res.Failures) == 0
	return res
}

// reminders records the payment reminders the agent schedules, and runs
// nothing: a case reads how many each plan has.
type reminders struct {
	mu     sync.Mutex
	byPlan map[string]int
}

// ScheduleSend does nothing: a deferred message stays deferred in a case.
func (r *reminders) ScheduleSend(context.Context, string, time.Time) error { return nil }

// ScheduleReminder counts a reminder for the plan.
func (r *reminders) ScheduleReminder(_ context.Context, _, planID string, _ time.Time) error {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.byPlan == nil {
		r.byPlan = map[string]int{}
	}
	r.byPlan[planID]++
	return nil
}

func (r *reminders) count(planID string) int {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.byPlan[planID]
}

func failed(res Result, msg string) Result {
	res.Err = msg
	res.Pass = false
	res.Failures = append(res.Failures, msg)
	return res
}

// turn sends one borrower message and returns the transcript entries it
// added: the borrower's line, then everything the agent stored.
func (cr *caseRun) turn(ctx context.Context, n int, text, speaker string) ([]Entry, error) {
	in := agent.Inbound{
		Channel: cr.channel, AccountID: cr.acct.ID, Text: text,
		ChannelMessageID: fmt.Sprintf("eval-%s-%d", cr.acct.ID, n),
		ConversationID:   cr.convID,
	}
	if len(cr.acct.Borrower.Phones) > 0 {
		in.From = cr.acct.Borrower.Phones[0]
	}
	if cr.verified {
		in.Meta = map[string]string{"verified": "true"}
	}
	start := time.Now()
	res, err := cr.orch.Handle(ctx, in, agent.WithStream(func(string) {}))
	cr.res.Latencies = append(cr.res.Latencies, time.Since(start))
	if err != nil {
		return nil, fmt.Errorf("turn %d: %w", n, err)
	}
	cr.res.Turns++
	if cr.convID != res.Conversation.ID {
		cr.convID, cr.lastSeq = res.Conversation.ID, 0
		if !slices.Contains(cr.convs, cr.convID) {
			cr.convs = append(cr.convs, cr.convID)
		}
	}
	cr.state = string(res.Conversation.State)
	conv := slices.Index(cr.convs, cr.convID)
	if speaker == SpeakerBorrower {
		speaker = ""
	}
	entries := []Entry{{Turn: n, Author: "borrower", Text: text, Speaker: speaker, Channel: string(cr.channel), Conv: conv, At: cr.clock.Now()}}
	msgs, err := cr.st.Messages(ctx, cr.convID, cr.lastSeq, 0)
	if err != nil {
		return nil, fmt.Errorf("turn %d: transcript: %w", n, err)
	}
	for _, m := range msgs {
		cr.lastSeq = max(cr.lastSeq, m.Seq)
		if m.Direction != agent.DirectionOut {
			continue
		}
		e := Entry{Turn: n, Author: string(m.Author), Text: m.Text, Status: string(m.Status), Template: m.TemplateVersion,
			Channel: string(m.Channel), Conv: conv}
		if m.Guard != nil {
			e.Decision = string(m.Guard.Action)
			e.Violations = m.Guard.Violations
		}
		if sent(m.Status) {
			cr.res.Sent++
		} else {
			cr.res.Blocked++
		}
		entries = append(entries, e)
	}
	var evs []string
	for _, e := range res.Events {
		evs = append(evs, string(e.Kind))
	}
	if len(evs) > 0 {
		entries = append(entries, Entry{Turn: n, Author: "system", Events: evs, Conv: conv})
	}
	cr.res.Transcript = append(cr.res.Transcript, entries...)
	cr.clock.Advance(time.Minute)
	return entries, nil
}

// sent reports whether a stored outbound message reached (or is on its way
// to) the borrower.
func sent(s agent.MessageStatus) bool {
	switch s {
	case agent.StatusQueued, agent.StatusSending, agent.StatusSent, agent.StatusDelivered, agent.StatusRead:
		return true
	}
	return false
}

// replyText is what the borrower saw in a turn.
func replyText(entries []Entry) string {
	var b strings.Builder
	for _, e := range entries {
		if e.Heard() {
			b.WriteString(e.Text)
			b.WriteByte('\n')
		}
	}
	return b.String()
}

func turnEvents(entries []Entry) map[string]bool {
	out := map[string]bool{}
	for _, e := range entries {
		for _, ev := range e.Events {
			out[ev] = true
		}
	}
	return out
}

// checkTurn scores one turn's expectations.
func checkTurn(x Expect, entries []Entry, n int, state string) []string {
	text := replyText(entries)
	folded := strings.ToLower(text)
	evs := turnEvents(entries)
	var f []string
	fail := func(format string, a ...any) { f = append(f, fmt.Sprintf("turn %d: ", n)+fmt.Sprintf(format, a...)) }
	for _, s := range x.Contains {
		if !strings.Contains(folded, strings.ToLower(s)) {
			fail("reply does not contain %q", s)
		}
	}
	for _, s := range x.NotContains {
		if strings.Contains(folded, strings.ToLower(s)) {
			fail("reply contains %q", s)
		}
	}
	for _, re := range x.Matches {
		if !re.MatchString(text) {
			fail("reply does not match /%s/", re)
		}
	}
	for _, re := range x.NotMatches {
		if re.MatchString(text) {
			fail("reply matches /%s/", re)
		}
	}
	for _, e := range x.Events {
		if !evs[string(e)] {
			fail("event %s not emitted", e)
		}
	}
	for _, e := range x.NotEvents {
		if evs[string(e)] {
			fail("event %s emitted", e)
		}
	}
	if len(x.EventsAny) > 0 && !slices.ContainsFunc(x.EventsAny, func(e Event) bool { return evs[string(e)] }) {
		fail("none of the events %s emitted", joinEvents(x.EventsAny))
	}
	if msg := checkState(state, x.State, x.NotState); msg != "" {
		fail("%s", msg)
	}
	if x.Silent != nil {
		if *x.Silent && strings.TrimSpace(text) != "" {
			fail("the agent replied but the turn expects silence")
		}
		if !*x.Silent && strings.TrimSpace(text) == "" {
			fail("the agent said nothing")
		}
	}
	return f
}

func joinEvents(es []Event) string {
	out := make([]string, len(es))
	for i, e := range es {
		out[i] = string(e)
	}
	return strings.Join(out, ", ")
}

// checkState says what is wrong with a conversation's state, "" if nothing.
func checkState(state string, want, not []string) string {
	if len(want) > 0 && !slices.Contains(want, state) {
		return fmt.Sprintf("state %q, want %s", state, strings.Join(want, " or "))
	}
	if slices.Contains(not, state) {
		return fmt.Sprintf("state %q, which the case rules out", state)
	}
	return ""
}

// outcome scores the whole conversation and fills the result's summary fields.
func (cr *caseRun) outcome(ctx context.Context, o *Outcome) {
	res := cr.res
	for _, id := range cr.convs {
		if evs, err := cr.events(ctx, id); err == nil {
			for _, e := range evs {
				res.Events = append(res.Events, string(e.Kind))
			}
		}
	}
	if cr.convID != "" {
		if c, err := cr.st.Conversation(ctx, cr.convID); err == nil {
			res.State = string(c.State)
		}
	}
	plans, _ := cr.plans()
	var live []agent.Plan
	for i := range plans {
		if plans[i].Status == agent.PlanAccepted {
			res.Plan = &plans[i]
			live = append(live, plans[i])
		}
	}
	res.Resolved = res.Plan != nil
	cr.recheck(ctx)
	if o == nil {
		return
	}
	fail := func(format string, a ...any) {
		res.Failures = append(res.Failures, "outcome: "+fmt.Sprintf(format, a...))
	}
	have := map[string]bool{}
	for _, e := range res.Events {
		have[e] = true
	}
	for _, e := range o.Events {
		if !have[string(e)] {
			fail("event %s never emitted", e)
		}
	}
	for _, e := range o.NotEvents {
		if have[string(e)] {
			fail("event %s emitted", e)
		}
	}
	if len(o.EventsAny) > 0 && !slices.ContainsFunc(o.EventsAny, func(e Event) bool { return have[string(e)] }) {
		fail("none of the events %s emitted", joinEvents(o.EventsAny))
	}
	if msg := checkState(res.State, o.State, o.NotState); msg != "" {
		fail("%s", msg)
	}
	if p := o.Plan; p != nil {
		if res.Plan == nil {
			fail("no plan was accepted")
		} else {
			for _, msg := range checkPlan(*p, *res.Plan) {
				fail("%s", msg)
			}
		}
	}
	if n := o.PlansAccepted; n != nil && len(live) != *n {
		fail("%d plan(s) accepted and in force, want %d", len(live), *n)
	}
	if p := o.Offers; p != nil {
		// The agent stores only the plans agreed; every plan offered is
		// read from the replies the borrower received, as the borrower saw it.
		offered := 0
		for _, e := range res.Transcript {
			if !e.Heard() {
				continue
			}
			for _, pl := range offeredPlans(e.Text, cr.acct.Balance.Currency) {
				offered++
				for _, msg := range checkPlan(*p, pl) {
					fail("offered in turn %d, option %s: %s", e.Turn, pl.ID, msg)
				}
			}
		}
		if offered == 0 {
			fail("no plan was offered")
		}
	}
	if len(o.Flags) > 0 {
		cr.checkFlags(ctx, o.Flags, fail)
	}
	if len(o.Consent) > 0 {
		cr.checkConsent(ctx, o.Consent, fail)
	}
	if len(o.Restrictions) > 0 {
		cr.checkRestrictions(ctx, o.Restrictions, fail)
	}
	if n := o.Reminders; n != nil {
		got := 0
		for _, p := range live {
			got += cr.sched.count(p.ID)
		}
		if got != *n {
			fail("%d reminder(s) scheduled for the plans in force, want %d", got, *n)
		}
	}
	if o.NoViolations && res.Violating > 0 {
		fail("%d sent message(s) break a rule on re-check", res.Violating)
	}
}

// checkRestrictions fails unless every restriction named is recorded on
// the account: a name is one of a stored restriction's names
// (agent.RestrictionNames: "not at work", "not before noon",
// "only by email", "not on weekends"), compared without regard to case.
func (cr *caseRun) checkRestrictions(ctx context.Context, want []string, fail func(string, ...any)) {
	rs, err := cr.st.Restrictions(ctx, cr.acct.ID)
	if err != nil {
		fail("restrictions: %v", err)
		return
	}
	have := agent.NamesOf(rs)
	for _, w := range want {
		if !slices.ContainsFunc(have, func(h string) bool { return strings.EqualFold(h, strings.TrimSpace(w)) }) {
			recorded := strings.Join(have, ", ")
			if recorded == "" {
				recorded = "none"
			}
			fail("restriction %q not recorded (recorded: %s)", w, recorded)
		}
	}
}

// checkPlan says how a plan breaks the bounds.
func checkPlan(p PlanExpect, plan agent.Plan) []string {
	var out []string
	cur := plan.Total.Currency
	if p.Kind != "" && string(plan.Kind) != p.Kind {
		out = append(out, fmt.Sprintf("plan is %s, want %s", plan.Kind, p.Kind))
	}
	if p.MaxInstallment.Set {
		limit := p.MaxInstallment.Money(cur)
		for _, in := range plan.Installments {
			if in.Amount.Minor > limit.Minor {
				out = append(out, fmt.Sprintf("installment %s is above %s", in.Amount, limit))
				break
			}
		}
	}
	if p.MinTotal.Set && plan.Total.Minor < p.MinTotal.Money(cur).Minor {
		out = append(out, fmt.Sprintf("plan total %s is below %s", plan.Total, p.MinTotal.Money(cur)))
	}
	if p.MaxCount > 0 && len(plan.Installments) > p.MaxCount {
		out = append(out, fmt.Sprintf("%d installments, at most %d", len(plan.Installments), p.MaxCount))
	}
	return out
}

// checkFlags compares the protective facts the agent recorded: the
// account's flags as stored, and urgent when a handoff was requested as
// urgent on the case's conversations (crisis, deceased, vulnerability).
func (cr *caseRun) checkFlags(ctx context.Context, want map[string]bool, fail func(string, ...any)) {
	acct, err := cr.st.Account(ctx, cr.acct.ID)
	if err != nil {
		fail("flags: account: %v", err)
		return
	}
	stored := map[string]bool{"attorney": acct.Flags.Attorney, "cease": acct.Flags.Cease,
		"bankruptcy": acct.Flags.Bankruptcy, "disputed": acct.Flags.Disputed,
		"deceased": acct.Flags.Deceased, "vulnerable": acct.Flags.Vulnerable}
	if _, ok := want["urgent"]; ok {
		urgent, err := cr.urgent(ctx)
		if err != nil {
			fail("flags: events: %v", err)
			return
		}
		stored["urgent"] = urgent
	}
	names := make([]string, 0, len(want))
	for k := range want {
		names = append(names, k)
	}
	sort.Strings(names)
	for _, k := range names {
		got, ok := stored[k]
		switch {
		case !ok:
			fail("flag %s: not recorded by the agent", k)
		case got != want[k]:
			fail("flag %s is %t, want %t", k, got, want[k])
		}
	}
}

// urgent reports whether any of the case's conversations asked for a
// person urgently.
func (cr *caseRun) urgent(ctx context.Context) (bool, error) {
	for _, id := range cr.convs {
		evs, err := cr.events(ctx, id)
		if err != nil {
			return false, err
		}
		for _, e := range evs {
			if e.Kind == agent.EventHandoffRequested && e.Data["urgent"] == "true" {
				return true, nil
			}
		}
	}
	return false, nil
}

// checkConsent compares each channel's consent as stored.
func (cr *caseRun) checkConsent(ctx context.Context, want map[string]string, fail func(string, ...any)) {
	cs, err := cr.st.Consents(ctx, cr.acct.ID)
	if err != nil {
		fail("consent: %v", err)
		return
	}
	got := map[string]string{}
	for _, c := range cs {
		got[string(c.Channel)] = map[bool]string{true: "opted_out", false: "opted_in"}[c.OptedOut]
	}
	chans := make([]string, 0, len(want))
	for ch := range want {
		chans = append(chans, ch)
	}
	sort.Strings(chans)
	for _, ch := range chans {
		g := got[ch]
		if g == "" {
			g = "opted_in" // no record: never opted out
		}
		if g != want[ch] {
			fail("consent on %s is %s, want %s", ch, g, want[ch])
		}
	}
}

// recheck runs every sent message through the guard again, with the facts
// of the conversation as stored, and counts the messages it flags. Amounts
// are grounded by the plans the store holds.
func (cr *caseRun) recheck(ctx context.Context) {
	for _, id := range cr.convs {
		cr.recheckConversation(ctx, id)
	}
}

func (cr *caseRun) recheckConversation(ctx context.Context, convID string) {
	msgs, err := cr.messages(ctx, convID)
	if err != nil {
		return
	}
	f := policies.Facts{
		Jurisdiction: cr.acct.Borrower.Jurisdiction, Timezone: cr.acct.Borrower.Timezone,
		HasBalance: true, Balance: cr.acct.Balance.Minor,
		Currency: cr.acct.Balance.Currency, TimeBarred: cr.acct.Flags.TimeBarred,
		LegalActionApproved: cr.acct.Flags.LegalActionApproved,
	}
	var planAmounts []int64
	if plans, err := cr.plans(); err == nil {
		for _, p := range plans {
			planAmounts = append(planAmounts, p.Total.Minor)
			for _, in := range p.Installments {
				planAmounts = append(planAmounts, in.Amount.Minor)
			}
		}
	}
	// A message counts as sent to a verified recipient from the turn in
	// which identity was verified (or always, for a case opened verified).
	var verifiedAt time.Time
	if evs, err := cr.events(ctx, convID); err == nil {
		for _, e := range evs {
			if e.Kind == agent.EventIdentityVerified && verifiedAt.IsZero() {
				verifiedAt = e.At
			}
		}
	}
	first := true
	for _, m := range msgs {
		if m.Direction != agent.DirectionOut || !sent(m.Status) {
			continue
		}
		f.RecipientVerified = cr.verified || (!verifiedAt.IsZero() && !m.CreatedAt.Before(verifiedAt))
		f.Now = m.CreatedAt
		// Amounts are grounded as they were when the message was sent: the
		// offers the engine had made, recorded with the decision.
		f.AllowedAmounts = planAmounts
		if m.Guard != nil {
			f.AllowedAmounts = append(append([]int64(nil), planAmounts...), m.Guard.Grounded...)
		}
		vs := cr.opts.shared.recheck.check(cr.opts.Guard, policies.Proposal{
			ID: m.ID, Text: m.Text, Channel: string(m.Channel), InitiatedBy: "borrower", FirstMessage: first,
			Purpose: purposeOf(m),
		}, f)
		first = false
		if len(vs) > 0 {
			cr.res.Violating++
			for i := range cr.res.Transcript {
				e := &cr.res.Transcript[i]
				if e.Text == m.Text && e.Author == string(m.Author) {
					e.Failures = append(e.Failures, "re-check: "+ruleIDs(vs))
				}
			}
		}
	}
}

// recheckMemo remembers the re-check's verdicts (the relevant violations)
// by their whole input, at most recheckMemoMax of them: the guard's check
// is a function of the proposal and the facts alone, and the cases of a
// run send the same messages under the same facts again and again (the
// same templates, accounts and clock), so a verdict is the guard's for
// every case that asks it. A message that differs in anything, a payment
// link's token or a second of its time, is checked afresh.
type recheckMemo struct {
	mu sync.Mutex
	m  map[string][]policies.Violation
}

// recheckMemoMax bounds the verdicts a run remembers; past it, a new
// input is checked and not kept.
const recheckMemoMax = 1024

func newRecheckMemo() *recheckMemo { return &recheckMemo{m: map[string][]policies.Violation{}} }

// recheckKey is the whole input of a re-check but the proposal's id, which
// the guard only copies into its decision: every field of both, each
// string with its length ahead of it (TestRecheckKeyIsTheWholeInput fails
// when a field is added to either and not here). The index of other
// borrowers counts by its address: the re-check never sets it.
func recheckKey(p policies.Proposal, f policies.Facts) string {
	k := keyBuf(make([]byte, 0, 192+len(p.Text)+len(p.Draft)))
	k.str(p.Text)
	k.str(p.Channel)
	k.str(p.InitiatedBy)
	k.flag(p.FirstMessage)
	k.str(p.Purpose)
	k.str(p.Draft)
	k.flag(p.Reworded)
	k.str(p.WrittenBy)
	k.str(f.Jurisdiction)
	k.time(f.Now)
	k.str(f.Timezone)
	k.flag(f.RecipientVerified)
	k.flag(f.HasBalance)
	k.num(f.Balance)
	k.nums(f.AllowedAmounts)
	k.str(f.Currency)
	k.strs(f.OptedOutChannels)
	for _, v := range []bool{f.Cease, f.Attorney, f.Bankruptcy, f.Disputed, f.TimeBarred, f.LegalActionApproved} {
		k.flag(v)
	}
	k.num(int64(f.CallsLast7d))
	k.num(int64(f.ContactsLast7d))
	k.time(f.LastPhoneConversationAt)
	k.num(int64(f.ConnectedCallsToday))
	k.strs(f.OtherBorrowerNames)
	k.str(f.Lender)
	k.str(f.Agency)
	k.strs(f.GrantedTerms)
	k.str(f.BorrowerName)
	k.strs(f.OtherBorrowerEmails)
	if f.OtherBorrowers != nil {
		k.str(fmt.Sprintf("%p", f.OtherBorrowers))
	} else {
		k.str("")
	}
	k.strs(f.LinkHosts)
	k.num(int64(len(f.Restrictions)))
	for _, r := range f.Restrictions {
		k.str(r.Kind)
		k.str(r.Place)
		k.num(int64(r.NotBefore))
		k.num(int64(r.NotAfter))
		k.strs(r.Channels)
		k.num(int64(len(r.Days)))
		for _, d := range r.Days {
			k.num(int64(d))
		}
	}
	return string(k)
}

// keyBuf writes recheckKey.
type keyBuf []byte

func (k *keyBuf) num(n int64) { *k = append(strconv.AppendInt(*k, n, 10), ';') }

func (k *keyBuf) str(s string) {
	k.num(int64(len(s)))
	*k = append(*k, s...)
}

func (k *keyBuf) flag(v bool) {
	if v {
		*k = append(*k, '1')
	} else {
		*k = append(*k, '0')
	}
}

func (k *keyBuf) nums(ns []int64) {
	k.num(int64(len(ns)))
	for _, n := range ns {
		k.num(n)
	}
}

func (k *keyBuf) strs(ss []string) {
	k.num(int64(len(ss)))
	for _, s := range ss {
		k.str(s)
	}
}

// time writes the instant and the zone (its name and offset).
func (k *keyBuf) time(t time.Time) {
	k.num(t.Unix())
	k.num(int64(t.Nanosecond()))
	name, off := t.Zone()
	k.str(t.Location().String())
	k.str(name)
	k.num(int64(off))
}

// check returns the violations a re-check of p under f counts, as
// relevant(g.Check(p, f).Violations); the slice is shared and only read.
func (m *recheckMemo) check(g *policies.Guard, p policies.Proposal, f policies.Facts) []policies.Violation {
	key := recheckKey(p, f)
	m.mu.Lock()
	vs, ok := m.m[key]
	m.mu.Unlock()
	if ok {
		return vs
	}
	vs = relevant(g.Check(p, f).Violations)
	m.mu.Lock()
	if len(m.m) < recheckMemoMax {
		m.m[key] = vs
	}
	m.mu.Unlock()
	return vs
}

// relevant drops what a re-check after the fact cannot judge: missing
// disclosures the guard appended at send time, and the contact window
// (messages answer the borrower at the case's clock).
func relevant(vs []policies.Violation) []policies.Violation {
	var out []policies.Violation
	for _, v := range vs {
		switch v.Category {
		case policies.CatDisclosureMissing, policies.CatContactTime, policies.CatFrequency:
			continue
		}
		out = append(out, v)
	}
	return out
}

// purposeOf recovers what a stored message was for from its template, so
// that an opt-out confirmation is judged as one.
func purposeOf(m agent.Message) string {
	switch {
	case strings.HasPrefix(m.TemplateVersion, "opt_out."):
		return policies.PurposeOptOutConfirmation
	case strings.HasPrefix(m.TemplateVersion, "dispute_ack."):
		return policies.PurposeDisputeAck
	case strings.HasPrefix(m.TemplateVersion, "stop_ack."), strings.HasPrefix(m.TemplateVersion, "crisis."),
		strings.HasPrefix(m.TemplateVersion, "deceased."), strings.HasPrefix(m.TemplateVersion, "vulnerability."):
		return policies.PurposeStopNotice
	case strings.HasPrefix(m.TemplateVersion, "help."):
		return policies.PurposeHelp
	case strings.HasPrefix(m.TemplateVersion, "handoff."):
		return policies.PurposeHandoff
	case strings.HasPrefix(m.TemplateVersion, "intro."), strings.HasPrefix(m.TemplateVersion, "identity"):
		return policies.PurposeIdentity
	}
	return policies.PurposeCollection
}

func ruleIDs(vs []policies.Violation) string {
	ids := make([]string, 0, len(vs))
	for _, v := range vs {
		ids = append(ids, v.Rule)
	}
	sort.Strings(ids)
	return strings.Join(ids, ",")
}

// amountRe finds money amounts in an agent's reply for the simulated borrower.
var amountRe = regexp.MustCompile(`(?:[$£¥₹]\s?)(\d{1,3}(?:,\d{3})*(?:\.\d{2})?|\d+(?:\.\d{2})?)`)

// rng returns the case's random source.
func (cr *caseRun) rng() *rand.Rand {
	return rand.New(rand.NewPCG(uint64(cr.j.seed), 0x5eed))
}
