package evals

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"iter"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"gopkg.in/yaml.v3"

	"github.com/parley-collections/parley/agent"
)

// Suite is one eval suite file.
type Suite struct {
	Name         string   `yaml:"name"`
	Description  string   `yaml:"description"`
	Jurisdiction string   `yaml:"jurisdiction"`
	Channel      string   `yaml:"channel"`
	Now          Time     `yaml:"now"`
	Account      *Account `yaml:"account"`
	Cases        []Case   `yaml:"cases"`
	File         string   `yaml:"-"`
}

// Case is one conversation to run.
type Case struct {
	Name         string    `yaml:"name"`
	Account      *Account  `yaml:"account"`
	Channel      string    `yaml:"channel"`
	Jurisdiction string    `yaml:"jurisdiction"`
	Now          Time      `yaml:"now"`
	Verified     bool      `yaml:"verified"`
	Turns        []Turn    `yaml:"turns"`
	Simulate     *Simulate `yaml:"simulate"`
	Outcome      *Outcome  `yaml:"outcome"`
	Line         int       `yaml:"-"`
}

// Turn is one scripted borrower message and what the agent's answer must show.
type Turn struct {
	Borrower string  `yaml:"borrower"`
	Expect   *Expect `yaml:"expect"`
	// Advance moves the case's clock forward before the turn: "30d", "2h".
	Advance Duration `yaml:"advance"`
	// Channel switches the channel for this turn and the later ones.
	Channel string `yaml:"channel"`
	// Speaker is "borrower" (the default) or "third_party": the sender is
	// not the borrower, and no reply of the turn may disclose the debt.
	Speaker string `yaml:"speaker"`
	// Variants are other wordings of Borrower, each run as its own case.
	Variants List[string] `yaml:"variants"`
}

// Speakers a turn may name.
const (
	SpeakerBorrower   = "borrower"
	SpeakerThirdParty = "third_party"
)

// Expect are a turn's assertions on the agent's replies and events.
type Expect struct {
	Contains    List[string] `yaml:"contains"`
	NotContains List[string] `yaml:"not_contains"`
	Matches     List[Regexp] `yaml:"matches"`
	NotMatches  List[Regexp] `yaml:"not_matches"`
	Events      List[Event]  `yaml:"events"`
	NotEvents   List[Event]  `yaml:"not_events"`
	EventsAny   List[Event]  `yaml:"events_any"`
	State       List[string] `yaml:"state"`
	NotState    List[string] `yaml:"not_state"`
	Silent      *bool        `yaml:"silent"`
}

// Outcome are a case's assertions on the whole conversation.
type Outcome struct {
	Events    List[Event]  `yaml:"events"`
	NotEvents List[Event]  `yaml:"not_events"`
	EventsAny List[Event]  `yaml:"events_any"`
	State     List[string] `yaml:"state"`
	NotState  List[string] `yaml:"not_state"`
	Plan      *PlanExpect  `yaml:"plan"`
	// PlansAccepted is how many plans are accepted and not superseded at the end.
	PlansAccepted *int `yaml:"plans_accepted"`
	// Offers bounds every plan the agent offered.
	Offers *PlanExpect `yaml:"offers"`
	// Flags are the conversation's and account's protective facts at the end.
	Flags map[string]bool `yaml:"flags"`
	// Consent is each channel's consent at the end: opted_out or opted_in.
	Consent map[string]string `yaml:"consent"`
	// Restrictions are contact restrictions the agent must have recorded.
	Restrictions List[string] `yaml:"restrictions"`
	// Reminders is how many payment reminders are scheduled for the live plans.
	Reminders    *int `yaml:"reminders"`
	NoViolations bool `yaml:"no_violations"`
}

// PlanExpect bounds the accepted plan (or, under offers, every offered one).
type PlanExpect struct {
	Kind           string `yaml:"kind"`
	MaxInstallment Amount `yaml:"max_installment"`
	MinTotal       Amount `yaml:"min_total"`
	MaxCount       int    `yaml:"max_count"`
}

// List is a YAML list that also accepts a single value.
type List[T any] []T

// UnmarshalYAML reads a sequence, or a single value as a list of one.
func (l *List[T]) UnmarshalYAML(n *yaml.Node) error {
	if n.Kind == yaml.SequenceNode {
		var vs []T
		if err := n.Decode(&vs); err != nil {
			return err
		}
		*l = vs
		return nil
	}
	var v T
	if err := n.Decode(&v); err != nil {
		return err
	}
	*l = List[T]{v}
	return nil
}

// Duration is a clock advance: a whole number of days ("30d"), hours
// ("2h") or minutes ("15m"), or a combination ("1d12h").
type Duration struct{ time.Duration }

var durationRe = regexp.MustCompile(`^(?:(\d+)d)?(?:(\d+)h)?(?:(\d+)m)?$`)

// UnmarshalYAML parses days, hours and minutes.
func (d *Duration) UnmarshalYAML(n *yaml.Node) error {
	m := durationRe.FindStringSubmatch(strings.TrimSpace(n.Value))
	if n.Kind != yaml.ScalarNode || m == nil || strings.TrimSpace(n.Value) == "" {
		return fmt.Errorf("line %d: %q is not a duration like 30d, 2h or 15m", n.Line, n.Value)
	}
	var total time.Duration
	for i, unit := range []time.Duration{24 * time.Hour, time.Hour, time.Minute} {
		if m[i+1] != "" {
			v, err := strconv.Atoi(m[i+1])
			if err != nil || v > 3650 {
				return fmt.Errorf("line %d: %q is too long an advance", n.Line, n.Value)
			}
			total += time.Duration(v) * unit
		}
	}
	d.Duration = total
	return nil
}

// Flags an outcome may name.
var outcomeFlags = map[string]bool{"attorney": true, "cease": true, "bankruptcy": true, "disputed": true,
	"deceased": true, "vulnerable": true, "urgent": true}

// ExtensionEvents are the events of design.md section 7's extensions. The
// suites may name them before the agent emits them: a case that expects
// one then fails, saying it was never emitted.
var ExtensionEvents = []string{"plan_superseded", "plan_cancelled", "restriction_recorded",
	"bankruptcy_recorded", "vulnerability_recorded", "crisis_detected", "deceased_recorded"}

// validEvent reports whether name is in the closed vocabulary.
func validEvent(name string) bool {
	return agent.ValidEventKind(agent.EventKind(name)) || slices.Contains(ExtensionEvents, name)
}

// Simulate drives a rule-based borrower instead of scripted turns.
type Simulate struct {
	AffordableMonthly Amount `yaml:"affordable_monthly"`
	Language          string `yaml:"language"`
	Opening           string `yaml:"opening"`
	Disputes          bool   `yaml:"disputes"`
	Hardship          bool   `yaml:"hardship"`
	OptsOut           bool   `yaml:"opts_out"`
	Hostile           bool   `yaml:"hostile"`
	MaxTurns          int    `yaml:"max_turns"`
	Persona           string `yaml:"persona"` // for an LLM-played borrower
	Seed              int64  `yaml:"seed"`
}

// Account is a suite's account in the suite's own terms.
type Account struct {
	ID          string   `yaml:"id"`
	Creditor    string   `yaml:"creditor"`
	Agency      string   `yaml:"agency"`
	Purpose     string   `yaml:"purpose"`
	Balance     Amount   `yaml:"balance"`
	Currency    string   `yaml:"currency"`
	DueDate     string   `yaml:"due_date"`
	DaysPastDue int      `yaml:"days_past_due"`
	Borrower    Borrower `yaml:"borrower"`
	Flags       Flags    `yaml:"flags"`
	Policy      Policy   `yaml:"policy"`

	// identity is the borrower's facts as digested, once for every case
	// on the account: the digest is a deliberately slow hash.
	identity atomic.Pointer[agent.IdentityFacts]
}

// Borrower is the account holder.
type Borrower struct {
	Name     string `yaml:"name"`
	Phone    string `yaml:"phone"`
	Email    string `yaml:"email"`
	Timezone string `yaml:"timezone"`
	Locale   string `yaml:"locale"`
	DOB      string `yaml:"dob"`
	Zip      string `yaml:"zip"`
	Postcode string `yaml:"postcode"`
	IDLast4  string `yaml:"id_last4"`
}

// Flags are the account's legal facts.
type Flags struct {
	TimeBarred          bool `yaml:"time_barred"`
	LegalActionApproved bool `yaml:"legal_action_approved"`
	CreditReported      bool `yaml:"credit_reported"`
	Bankruptcy          bool `yaml:"bankruptcy"`
	Disputed            bool `yaml:"disputed"`
	Attorney            bool `yaml:"attorney"`
	Cease               bool `yaml:"cease"`
}

// Policy is the creditor's negotiation policy.
type Policy struct {
	MaxInstallments         int     `yaml:"max_installments"`
	MinInstallment          Amount  `yaml:"min_installment"`
	SettlementFloor         Decimal `yaml:"settlement_floor"`
	FirstPaymentWithinDays  int     `yaml:"first_payment_within_days"`
	HardshipPauseDays       int     `yaml:"hardship_pause_days"`
	HardshipMinInstallment  Amount  `yaml:"hardship_min_installment"`
	HardshipMaxInstallments int     `yaml:"hardship_max_installments"`
}

// Amount is a decimal money string, "1200.00", checked when loaded.
type Amount struct {
	Set  bool
	Text string
}

// UnmarshalYAML checks the amount.
func (a *Amount) UnmarshalYAML(n *yaml.Node) error {
	if _, err := agent.ParseMoney(n.Value, "USD"); err != nil || n.Kind != yaml.ScalarNode {
		return fmt.Errorf("line %d: %q is not an amount like \"150.00\"", n.Line, n.Value)
	}
	a.Set, a.Text = true, n.Value
	return nil
}

// Money is the amount in a currency.
func (a Amount) Money(currency string) agent.Money {
	m, _ := agent.ParseMoney(a.Text, currency)
	return m
}

// Decimal is a fraction such as "0.70".
type Decimal struct {
	Set bool
	BP  int // basis points
}

// UnmarshalYAML reads a fraction between 0 and 1 into basis points.
func (d *Decimal) UnmarshalYAML(n *yaml.Node) error {
	m, err := agent.ParseMoney(n.Value, "USD")
	if err != nil || m.Minor < 0 || m.Minor > 100 || n.Kind != yaml.ScalarNode {
		return fmt.Errorf("line %d: %q is not a fraction between 0 and 1 with at most two decimals", n.Line, n.Value)
	}
	d.Set, d.BP = true, int(m.Minor)*100
	return nil
}

// Event is a name from the closed event vocabulary.
type Event string

// UnmarshalYAML rejects a name outside the vocabulary.
func (e *Event) UnmarshalYAML(n *yaml.Node) error {
	if n.Kind != yaml.ScalarNode || !validEvent(n.Value) {
		return fmt.Errorf("line %d: unknown event %q", n.Line, n.Value)
	}
	*e = Event(n.Value)
	return nil
}

// Regexp is a compiled regular expression.
type Regexp struct{ *regexp.Regexp }

// UnmarshalYAML compiles the expression.
func (r *Regexp) UnmarshalYAML(n *yaml.Node) error {
	re, err := regexp.Compile(n.Value)
	if err != nil || n.Kind != yaml.ScalarNode {
		return fmt.Errorf("line %d: bad regular expression %q: %v", n.Line, n.Value, err)
	}
	r.Regexp = re
	return nil
}

// MarshalText writes the expression back.
func (r Regexp) MarshalText() ([]byte, error) { return []byte(r.String()), nil }

// Time is an RFC 3339 instant.
type Time struct{ time.Time }

// UnmarshalYAML parses RFC 3339.
func (t *Time) UnmarshalYAML(n *yaml.Node) error {
	v, err := time.Parse(time.RFC3339, n.Value)
	if err != nil {
		return fmt.Errorf("line %d: %q is not an RFC 3339 time like 2026-03-02T15:00:00-06:00", n.Line, n.Value)
	}
	t.Time = v
	return nil
}

var (
	channels = map[string]bool{"sms": true, "chat": true, "voice": true, "email": true}
	states   = map[string]bool{}
)

func init() {
	for _, s := range []agent.ConversationState{agent.StateOpen, agent.StateVerified, agent.StateNegotiating,
		agent.StatePlanAccepted, agent.StateDisputed, agent.StateHardship, agent.StateHandoff, agent.StateStopped,
		agent.StateIdentityFailed, agent.StateClosed} {
		states[string(s)] = true
	}
}

// Parse reads a suite; file names the source in errors.
func Parse(file string, src []byte) (*Suite, error) {
	s, lines, ok := decodeKnown(src)
	if !ok {
		var err error
		if s, lines, err = decodeStrict(src); err != nil {
			if errors.Is(err, io.EOF) {
				return nil, fmt.Errorf("%s: empty suite", file)
			}
			return nil, fmt.Errorf("%s: %s", file, strings.TrimSpace(strings.TrimPrefix(oneLine(err.Error()), "yaml: unmarshal errors:")))
		}
	}
	s.File = file
	for i := range s.Cases {
		if i < len(lines) {
			s.Cases[i].Line = lines[i]
		}
	}
	if err := s.validate(); err != nil {
		return nil, fmt.Errorf("%s: %w", file, err)
	}
	s.Cases = expandVariants(s.Cases)
	return &s, nil
}

// decodeKnown reads src once, as a tree of nodes, and decodes the suite
// from it when it can vouch that the strict decoder would make the same:
// no field unknown to its type (which the tree's decoding lets pass), no
// anchor merge, no key that is not a plain string, no decoding error.
// Otherwise it declines, and decodeStrict reads the file (and says what
// is wrong). Reading a large suite once instead of twice is most of an
// eval run's start.
func decodeKnown(src []byte) (Suite, []int, bool) {
	var root yaml.Node
	if yaml.Unmarshal(src, &root) != nil || root.Kind != yaml.DocumentNode || len(root.Content) != 1 {
		return Suite{}, nil, false
	}
	var s Suite
	if !knownFields(root.Content[0], reflect.TypeOf(s), 0) || root.Decode(&s) != nil {
		return Suite{}, nil, false
	}
	return s, caseLines(&root), true
}

// decodeStrict decodes src with unknown fields refused, and reads the
// cases' lines from a second reading of it, as a tree of nodes, made
// alongside.
func decodeStrict(src []byte) (Suite, []int, error) {
	lineCh := make(chan []int, 1)
	go func() {
		var root yaml.Node
		_ = yaml.Unmarshal(src, &root)
		lineCh <- caseLines(&root)
	}()
	dec := yaml.NewDecoder(bytes.NewReader(src))
	dec.KnownFields(true)
	var s Suite
	err := dec.Decode(&s)
	return s, <-lineCh, err
}

var (
	nodeType        = reflect.TypeOf(yaml.Node{})
	unmarshalerType = reflect.TypeOf((*yaml.Unmarshaler)(nil)).Elem()
	obsoleteType    = reflect.TypeOf((*interface {
		UnmarshalYAML(func(any) error) error
	})(nil)).Elem()
)

// knownFields reports whether decoding n into a value of type t meets no
// mapping key that t lacks, as the strict decoder checks it: into every
// struct, through pointers, slices, arrays and maps, and not inside a type
// that decodes itself (the strict decoder does not look there either). It
// answers false for anything it does not follow (an anchor merge, a key
// that is not a plain string, an inline field, a tree too deep).
func knownFields(n *yaml.Node, t reflect.Type, depth int) bool {
	if depth > 100 {
		return false
	}
	if n.Kind == yaml.AliasNode {
		return n.Alias != nil && knownFields(n.Alias, t, depth+1)
	}
	if n.Kind == yaml.ScalarNode {
		return true // a scalar has no keys, whatever it decodes into
	}
	if n.ShortTag() == "!!null" || t == nodeType {
		return true
	}
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	info := yamlTypeOf(t)
	if t == nodeType || info.decodesItself {
		return true
	}
	switch n.Kind {
	case yaml.SequenceNode:
		switch t.Kind() {
		case reflect.Interface:
			return true
		case reflect.Slice, reflect.Array:
			for _, c := range n.Content {
				if !knownFields(c, t.Elem(), depth+1) {
					return false
				}
			}
			return true
		}
		return false
	case yaml.MappingNode:
		switch t.Kind() {
		case reflect.Interface:
			return true
		case reflect.Map:
			for i := 1; i < len(n.Content); i += 2 {
				if !knownFields(n.Content[i], t.Elem(), depth+1) {
					return false
				}
			}
			return true
		case reflect.Struct:
			fields, ok := info.fields, info.fieldsOK
			if !ok {
				return false
			}
			for i := 0; i+1 < len(n.Content); i += 2 {
				k := n.Content[i]
				if k.Kind != yaml.ScalarNode || k.ShortTag() != "!!str" {
					return false // a merge (<<) or a key that is no plain string
				}
				f, known := fields[k.Value]
				if !known || !knownFields(n.Content[i+1], f, depth+1) {
					return false
				}
			}
			return true
		}
		return false
	}
	return false
}

// yamlType is what knownFields asks of a type, the same for every node
// decoded into it: worked out once per type (a suite file has thousands
// of nodes of a few types).
type yamlType struct {
	decodesItself bool                    // *T decodes itself (UnmarshalYAML)
	fields        map[string]reflect.Type // for a struct: yamlFields
	fieldsOK      bool
}

var yamlTypes sync.Map // reflect.Type → *yamlType

func yamlTypeOf(t reflect.Type) *yamlType {
	if v, ok := yamlTypes.Load(t); ok {
		return v.(*yamlType)
	}
	p := reflect.PointerTo(t)
	info := &yamlType{decodesItself: p.Implements(unmarshalerType) || p.Implements(obsoleteType)}
	if t.Kind() == reflect.Struct {
		info.fields, info.fieldsOK = yamlFields(t)
	}
	v, _ := yamlTypes.LoadOrStore(t, info)
	return v.(*yamlType)
}

// yamlFields maps the keys of a struct's fields, as yaml.v3 names them, to
// their types; false for a struct with an inline field (not followed).
func yamlFields(t reflect.Type) (map[string]reflect.Type, bool) {
	fields := map[string]reflect.Type{}
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		if f.PkgPath != "" && !f.Anonymous {
			continue // unexported
		}
		tag := f.Tag.Get("yaml")
		if tag == "" && !strings.Contains(string(f.Tag), ":") {
			tag = string(f.Tag)
		}
		if tag == "-" {
			continue
		}
		name, flags, _ := strings.Cut(tag, ",")
		for flag := range strings.SplitSeq(flags, ",") {
			if flag == "inline" {
				return nil, false
			}
		}
		if name == "" {
			name = strings.ToLower(f.Name)
		}
		fields[name] = f.Type
	}
	return fields, true
}

// expandVariants runs every variant wording of a turn as a case of its
// own, the case's other turns unchanged: one behaviour in many wordings.
// A variant case is named after its case, turn and variant; it sits
// right after the case it varies.
func expandVariants(cases []Case) []Case {
	var out []Case
	for _, c := range cases {
		out = append(out, c)
		for ti, t := range c.Turns {
			for vi, v := range t.Variants {
				vc := c
				vc.Name = fmt.Sprintf("%s [turn %d, variant %d]", c.Name, ti+1, vi+1)
				vc.Turns = slices.Clone(c.Turns)
				vc.Turns[ti].Borrower = v
				vc.Turns[ti].Variants = nil
				out = append(out, vc)
			}
		}
	}
	return out
}

// caseLines finds the line of each case in the document.
func caseLines(root *yaml.Node) []int {
	if root == nil || len(root.Content) == 0 {
		return nil
	}
	m := root.Content[0]
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value == "cases" {
			var out []int
			for _, c := range m.Content[i+1].Content {
				out = append(out, c.Line)
			}
			return out
		}
	}
	return nil
}

func (s *Suite) validate() error {
	if err := s.validateHeader(); err != nil {
		return err
	}
	if len(s.Cases) == 0 {
		return errors.New("field cases: a suite needs at least one case")
	}
	seen := map[string]bool{}
	for i := range s.Cases {
		c := &s.Cases[i]
		if c.Name == "" {
			return fmt.Errorf("line %d: field name: every case needs a name", c.Line)
		}
		if seen[c.Name] {
			return fmt.Errorf("line %d: case %q: field name: duplicate case name", c.Line, c.Name)
		}
		seen[c.Name] = true
		if err := s.validateCase(c); err != nil {
			return err
		}
	}
	return nil
}

// validateHeader checks the suite's fields other than its cases.
func (s *Suite) validateHeader() error {
	if s.Name == "" {
		return errors.New("line 1: field name: a suite needs a name")
	}
	return nil
}

// validateCase checks a case of the suite, but for its name (which
// validate checks against the others).
func (s *Suite) validateCase(c *Case) error {
	at := fmt.Sprintf("line %d: case %q", c.Line, c.Name)
	if (len(c.Turns) == 0) == (c.Simulate == nil) {
		return fmt.Errorf("%s: a case has either turns or simulate", at)
	}
	if c.account(s) == nil {
		return fmt.Errorf("%s: field account: no account in the case or the suite", at)
	}
	if err := c.account(s).validate(); err != nil {
		return fmt.Errorf("%s: field account: %w", at, err)
	}
	if ch := c.channel(s); !channels[ch] {
		return fmt.Errorf("%s: field channel: %q is not sms, chat, voice or email", at, ch)
	}
	for j, t := range c.Turns {
		if err := t.validate(); err != nil {
			return fmt.Errorf("%s: turn %d: %w", at, j+1, err)
		}
	}
	if o := c.Outcome; o != nil {
		if err := o.validate(); err != nil {
			return fmt.Errorf("%s: %w", at, err)
		}
	}
	if sim := c.Simulate; sim != nil {
		if sim.Language != "" && sim.Language != "en" && sim.Language != "zh" {
			return fmt.Errorf("%s: field simulate.language: %q is not en or zh", at, sim.Language)
		}
		if sim.MaxTurns < 0 || sim.MaxTurns > 100 {
			return fmt.Errorf("%s: field simulate.max_turns: %d is not between 1 and 100", at, sim.MaxTurns)
		}
	}
	return nil
}

func (t *Turn) validate() error {
	if strings.TrimSpace(t.Borrower) == "" {
		return errors.New("field borrower: empty message")
	}
	for _, v := range t.Variants {
		if strings.TrimSpace(v) == "" {
			return errors.New("field variants: empty message")
		}
	}
	if t.Channel != "" && !channels[t.Channel] {
		return fmt.Errorf("field channel: %q is not sms, chat, voice or email", t.Channel)
	}
	if t.Speaker != "" && t.Speaker != SpeakerBorrower && t.Speaker != SpeakerThirdParty {
		return fmt.Errorf("field speaker: %q is not borrower or third_party", t.Speaker)
	}
	if x := t.Expect; x != nil {
		if err := checkStates("expect", x.State, x.NotState); err != nil {
			return err
		}
	}
	return nil
}

func checkStates(where string, want, not []string) error {
	for _, st := range want {
		if !states[st] {
			return fmt.Errorf("field %s.state: unknown state %q", where, st)
		}
	}
	for _, st := range not {
		if !states[st] {
			return fmt.Errorf("field %s.not_state: unknown state %q", where, st)
		}
	}
	return nil
}

func (o *Outcome) validate() error {
	if err := checkStates("outcome", o.State, o.NotState); err != nil {
		return err
	}
	for _, p := range []*PlanExpect{o.Plan, o.Offers} {
		if p != nil && p.Kind != "" && p.Kind != string(agent.PlanFull) && p.Kind != string(agent.PlanInstallment) &&
			p.Kind != string(agent.PlanSettlement) && p.Kind != string(agent.PlanHardship) {
			return fmt.Errorf("field outcome: plan kind %q is not full, installments, settlement or hardship", p.Kind)
		}
	}
	for f := range o.Flags {
		if !outcomeFlags[f] {
			return fmt.Errorf("field outcome.flags: unknown flag %q (attorney, cease, bankruptcy, disputed, deceased, vulnerable or urgent)", f)
		}
	}
	for ch, v := range o.Consent {
		if !channels[ch] {
			return fmt.Errorf("field outcome.consent: %q is not sms, chat, voice or email", ch)
		}
		if v != "opted_out" && v != "opted_in" {
			return fmt.Errorf("field outcome.consent.%s: %q is not opted_out or opted_in", ch, v)
		}
	}
	if o.PlansAccepted != nil && *o.PlansAccepted < 0 {
		return errors.New("field outcome.plans_accepted: a count cannot be negative")
	}
	if o.Reminders != nil && *o.Reminders < 0 {
		return errors.New("field outcome.reminders: a count cannot be negative")
	}
	return nil
}

var e164 = regexp.MustCompile(`^\+[1-9]\d{6,14}$`)

func (a *Account) validate() error {
	switch {
	case a.ID == "":
		return errors.New("id is required")
	case !a.Balance.Set:
		return errors.New("balance is required")
	case a.Borrower.Phone != "" && !e164.MatchString(a.Borrower.Phone):
		return fmt.Errorf("borrower.phone %q is not E.164", a.Borrower.Phone)
	case a.Borrower.DOB != "":
		if _, err := time.Parse("2006-01-02", a.Borrower.DOB); err != nil {
			return fmt.Errorf("borrower.dob %q is not YYYY-MM-DD", a.Borrower.DOB)
		}
	}
	if a.Borrower.Timezone != "" && !knownZone(a.Borrower.Timezone) {
		return fmt.Errorf("borrower.timezone %q is unknown", a.Borrower.Timezone)
	}
	if l := a.Borrower.Locale; l != "" && l != "en" && l != "zh" {
		return fmt.Errorf("borrower.locale %q is not en or zh", l)
	}
	return nil
}

// zones remembers which time zone names load: every case of a suite checks
// its account, and loading a zone reads its file each time.
var zones sync.Map // name -> bool

// knownZone reports whether time.LoadLocation knows the zone name.
func knownZone(name string) bool {
	if ok, seen := zones.Load(name); seen {
		return ok.(bool)
	}
	_, err := time.LoadLocation(name)
	zones.Store(name, err == nil)
	return err == nil
}

func (c *Case) account(s *Suite) *Account {
	if c.Account != nil {
		return c.Account
	}
	return s.Account
}

func (c *Case) channel(s *Suite) string {
	if c.Channel != "" {
		return c.Channel
	}
	if s.Channel != "" {
		return s.Channel
	}
	return "chat"
}

func (c *Case) jurisdiction(s *Suite) string {
	if c.Jurisdiction != "" {
		return c.Jurisdiction
	}
	if s.Jurisdiction != "" {
		return s.Jurisdiction
	}
	return "US"
}

func (c *Case) now(s *Suite) time.Time {
	switch {
	case !c.Now.IsZero():
		return c.Now.Time
	case !s.Now.IsZero():
		return s.Now.Time
	}
	// A weekday afternoon that is inside every jurisdiction's window.
	return time.Date(2026, 3, 2, 15, 0, 0, 0, time.UTC)
}

// identityFacts digests the borrower's facts on the first call and
// returns the same digests after it (salted with the account's id, so
// every case on the account would compute the same).
func (a *Account) identityFacts(postcode string) agent.IdentityFacts {
	if f := a.identity.Load(); f != nil {
		return *f
	}
	f := agent.NewIdentityFacts(a.ID, a.Borrower.DOB, postcode, a.Borrower.IDLast4)
	a.identity.Store(&f)
	return f
}

// domain turns the suite's account into the agent's, with the case's
// jurisdiction; cur is the currency of the jurisdiction's profile, used
// when the account names none.
func (a *Account) domain(jurisdiction, cur string) agent.Account {
	if a.Currency != "" {
		cur = a.Currency
	}
	if cur == "" {
		cur = "USD"
	}
	b := a.Borrower
	postcode := b.Zip
	if postcode == "" {
		postcode = b.Postcode
	}
	locale := b.Locale
	if locale == "" {
		locale = "en"
	}
	acct := agent.Account{
		ID:          a.ID,
		Creditor:    a.Creditor,
		Agency:      a.Agency,
		Purpose:     a.Purpose,
		Balance:     a.Balance.Money(cur),
		DaysPastDue: a.DaysPastDue,
		Flags: agent.AccountFlags{
			TimeBarred: a.Flags.TimeBarred, LegalActionApproved: a.Flags.LegalActionApproved, CreditReported: a.Flags.CreditReported,
			Bankruptcy: a.Flags.Bankruptcy, Disputed: a.Flags.Disputed, Attorney: a.Flags.Attorney, Cease: a.Flags.Cease,
		},
		Policy: agent.CreditorPolicy{
			MaxInstallments:        a.Policy.MaxInstallments,
			MinInstallment:         a.Policy.MinInstallment.Money(cur),
			SettlementFloorBP:      a.Policy.SettlementFloor.BP,
			FirstPaymentWithinDays: a.Policy.FirstPaymentWithinDays,
			Hardship: agent.HardshipPolicy{
				PauseDays:       a.Policy.HardshipPauseDays,
				MinInstallment:  a.Policy.HardshipMinInstallment.Money(cur),
				MaxInstallments: a.Policy.HardshipMaxInstallments,
			},
		},
		Borrower: agent.Borrower{
			Name: b.Name, Email: b.Email, Timezone: b.Timezone, Jurisdiction: jurisdiction, Locale: locale,
			Identity: a.identityFacts(postcode),
		},
	}
	if acct.Creditor == "" {
		acct.Creditor = "First Bank"
	}
	if b.Phone != "" {
		acct.Borrower.Phones = []string{b.Phone}
	}
	if a.DueDate != "" {
		acct.DueDate, _ = time.Parse("2006-01-02", a.DueDate)
	}
	return acct
}

// Load reads suites from files and folders (every *.yaml and *.yml below a
// folder), sorted by path.
func Load(paths ...string) ([]*Suite, error) {
	files, err := Files(paths...)
	if err != nil {
		return nil, err
	}
	var out []*Suite
	for _, f := range files {
		s, err := parseFile(f)
		if err != nil {
			return nil, err
		}
		out = append(out, s)
	}
	return out, nil
}

// Files lists the suite files of paths: each file named, and the .yaml and
// .yml files under each folder named, sorted.
func Files(paths ...string) ([]string, error) {
	var files []string
	for _, p := range paths {
		st, err := os.Stat(p)
		if err != nil {
			return nil, fmt.Errorf("evals: %w", err)
		}
		if !st.IsDir() {
			files = append(files, p)
			continue
		}
		err = filepath.WalkDir(p, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if !d.IsDir() && (strings.HasSuffix(path, ".yaml") || strings.HasSuffix(path, ".yml")) {
				files = append(files, path)
			}
			return nil
		})
		if err != nil {
			return nil, fmt.Errorf("evals: %w", err)
		}
	}
	sort.Strings(files)
	if len(files) == 0 {
		return nil, fmt.Errorf("evals: no suite files in %s", strings.Join(paths, ", "))
	}
	return files, nil
}

func parseFile(f string) (*Suite, error) {
	src, err := os.ReadFile(f)
	if err != nil {
		return nil, fmt.Errorf("evals: %w", err)
	}
	return Parse(f, src)
}

// A Catalog is the suite files of a run, every one read and checked
// before the run a case at a time (readSuite), and held parsed only while
// they are small: past keepCases cases in all, a file is read again, a
// case at a time, when the run reaches it, so that a run of any size
// holds one case at a time (a file laid out otherwise is held whole while
// the run is in it).
type Catalog struct {
	Files  []string
	Total  int      // cases in all the files
	suites []*Suite // every file parsed, when Total <= keepCases
	err    error
}

// keepCases is how many cases a Catalog keeps parsed (a variable for
// tests): about 3 KB each. A larger run reads its files twice, which
// costs a second decoding of every case (a few per cent of the run)
// instead of memory that grows with the run (10,000 cases held took a
// whole run of them from about 60 to 90 MB at its peak).
var keepCases = 1_000

// Check reads and checks every suite file of paths (Files) and counts
// their cases.
func Check(paths ...string) (*Catalog, error) {
	files, err := Files(paths...)
	if err != nil {
		return nil, err
	}
	c := &Catalog{Files: files}
	keep := true
	for _, f := range files {
		var held *Suite
		_, err := readSuite(f, func(s *Suite, cs *Case) bool {
			c.Total++
			if keep = keep && c.Total <= keepCases; !keep {
				held, c.suites = nil, nil
				return true
			}
			if held == nil {
				cp := *s
				cp.Cases = nil
				held = &cp
			}
			held.Cases = append(held.Cases, *cs)
			return true
		})
		if err != nil {
			return nil, err
		}
		if keep {
			c.suites = append(c.suites, held)
		}
	}
	if !keep {
		c.suites = nil
	}
	return c, nil
}

// Cases yields every case of the catalog in file order; a file that can
// no longer be read or parsed ends them, and Err says why.
func (c *Catalog) Cases() iter.Seq2[*Suite, *Case] {
	return func(yield func(*Suite, *Case) bool) {
		for i, f := range c.Files {
			if c.suites != nil {
				s := c.suites[i]
				for k := range s.Cases {
					if !yield(s, &s.Cases[k]) {
						return
					}
				}
				continue
			}
			stopped := false
			if _, c.err = readSuite(f, func(s *Suite, cs *Case) bool {
				stopped = !yield(s, cs)
				return !stopped
			}); c.err != nil || stopped {
				return
			}
		}
	}
}

// Err is the error that ended Cases early, if any.
func (c *Catalog) Err() error { return c.err }

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }
