package evals

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
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
}

// Expect are a turn's assertions on the agent's replies and events.
type Expect struct {
	Contains    []string `yaml:"contains"`
	NotContains []string `yaml:"not_contains"`
	Matches     []Regexp `yaml:"matches"`
	NotMatches  []Regexp `yaml:"not_matches"`
	Events      []Event  `yaml:"events"`
	NotEvents   []Event  `yaml:"not_events"`
	Silent      *bool    `yaml:"silent"`
}

// Outcome are a case's assertions on the whole conversation.
type Outcome struct {
	Events       []Event     `yaml:"events"`
	NotEvents    []Event     `yaml:"not_events"`
	State        string      `yaml:"state"`
	Plan         *PlanExpect `yaml:"plan"`
	NoViolations bool        `yaml:"no_violations"`
}

// PlanExpect bounds the accepted plan.
type PlanExpect struct {
	MaxInstallment Amount `yaml:"max_installment"`
	MinTotal       Amount `yaml:"min_total"`
	MaxCount       int    `yaml:"max_count"`
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
	if n.Kind != yaml.ScalarNode || !agent.ValidEventKind(agent.EventKind(n.Value)) {
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
	channels      = map[string]bool{"sms": true, "chat": true, "voice": true, "email": true}
	jurisdictions = map[string]bool{"US": true, "US-MA": true, "US-NY": true, "US-WA": true, "US-CA": true, "GB": true, "CN": true, "IN": true}
	states        = map[string]bool{}
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
	dec := yaml.NewDecoder(bytes.NewReader(src))
	dec.KnownFields(true)
	var s Suite
	if err := dec.Decode(&s); err != nil {
		if errors.Is(err, io.EOF) {
			return nil, fmt.Errorf("%s: empty suite", file)
		}
		return nil, fmt.Errorf("%s: %s", file, strings.TrimSpace(strings.TrimPrefix(oneLine(err.Error()), "yaml: unmarshal errors:")))
	}
	s.File = file
	var root yaml.Node
	_ = yaml.Unmarshal(src, &root)
	lines := caseLines(&root)
	for i := range s.Cases {
		if i < len(lines) {
			s.Cases[i].Line = lines[i]
		}
	}
	if err := s.validate(); err != nil {
		return nil, fmt.Errorf("%s: %w", file, err)
	}
	return &s, nil
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
	if s.Name == "" {
		return errors.New("line 1: field name: a suite needs a name")
	}
	if len(s.Cases) == 0 {
		return errors.New("field cases: a suite needs at least one case")
	}
	seen := map[string]bool{}
	for i := range s.Cases {
		c := &s.Cases[i]
		at := fmt.Sprintf("line %d: case %q", c.Line, c.Name)
		if c.Name == "" {
			return fmt.Errorf("line %d: field name: every case needs a name", c.Line)
		}
		if seen[c.Name] {
			return fmt.Errorf("%s: field name: duplicate case name", at)
		}
		seen[c.Name] = true
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
		if j := c.jurisdiction(s); !jurisdictions[j] {
			return fmt.Errorf("%s: field jurisdiction: unknown jurisdiction %q", at, j)
		}
		for j, t := range c.Turns {
			if strings.TrimSpace(t.Borrower) == "" {
				return fmt.Errorf("%s: turn %d: field borrower: empty message", at, j+1)
			}
		}
		if o := c.Outcome; o != nil && o.State != "" && !states[o.State] {
			return fmt.Errorf("%s: field outcome.state: unknown state %q", at, o.State)
		}
		if sim := c.Simulate; sim != nil {
			if sim.Language != "" && sim.Language != "en" && sim.Language != "zh" {
				return fmt.Errorf("%s: field simulate.language: %q is not en or zh", at, sim.Language)
			}
			if sim.MaxTurns < 0 || sim.MaxTurns > 100 {
				return fmt.Errorf("%s: field simulate.max_turns: %d is not between 1 and 100", at, sim.MaxTurns)
			}
		}
	}
	return nil
}

func (a *Account) validate() error {
	switch {
	case a.ID == "":
		return errors.New("id is required")
	case !a.Balance.Set:
		return errors.New("balance is required")
	case a.Borrower.Phone != "" && !regexp.MustCompile(`^\+[1-9]\d{6,14}$`).MatchString(a.Borrower.Phone):
		return fmt.Errorf("borrower.phone %q is not E.164", a.Borrower.Phone)
	case a.Borrower.DOB != "":
		if _, err := time.Parse("2006-01-02", a.Borrower.DOB); err != nil {
			return fmt.Errorf("borrower.dob %q is not YYYY-MM-DD", a.Borrower.DOB)
		}
	}
	if a.Borrower.Timezone != "" {
		if _, err := time.LoadLocation(a.Borrower.Timezone); err != nil {
			return fmt.Errorf("borrower.timezone %q is unknown", a.Borrower.Timezone)
		}
	}
	if l := a.Borrower.Locale; l != "" && l != "en" && l != "zh" {
		return fmt.Errorf("borrower.locale %q is not en or zh", l)
	}
	return nil
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

// domain turns the suite's account into the agent's, with the case's jurisdiction.
func (a *Account) domain(jurisdiction string) agent.Account {
	cur := a.Currency
	if cur == "" {
		cur = map[string]string{"GB": "GBP", "CN": "CNY", "IN": "INR"}[jurisdiction]
		if cur == "" {
			cur = "USD"
		}
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
			TimeBarred: a.Flags.TimeBarred, LegalActionApproved: a.Flags.LegalActionApproved,
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
			Identity: agent.NewIdentityFacts(a.ID, b.DOB, postcode, b.IDLast4),
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
	var out []*Suite
	for _, f := range files {
		src, err := os.ReadFile(f)
		if err != nil {
			return nil, fmt.Errorf("evals: %w", err)
		}
		s, err := Parse(f, src)
		if err != nil {
			return nil, err
		}
		out = append(out, s)
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("evals: no suite files in %s", strings.Join(paths, ", "))
	}
	return out, nil
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }
