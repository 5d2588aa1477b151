package evals

import (
	"os"
	"reflect"
	"slices"

	"github.com/parley-collections/parley/agent"
	"path/filepath"
	"strings"
	"testing"
)

const goodSuite = `name: negotiation-basics
jurisdiction: US
channel: chat
now: 2026-03-02T15:00:00-06:00
account:
  id: A-100
  creditor: First Bank
  balance: "1200.00"
  currency: USD
  borrower: {name: Maria Lopez, phone: "+15551230001", timezone: America/Chicago, locale: en,
             dob: "1985-04-12", zip: "60601"}
  flags: {time_barred: false, legal_action_approved: false}
  policy: {max_installments: 12, min_installment: "50.00", settlement_floor: "0.70",
           first_payment_within_days: 14}
cases:
  - name: verifies before disclosing the balance
    turns:
      - borrower: how much do I owe?
        expect: {not_contains: ["1,200", "1200"], events: [identity_requested]}
      - borrower: my date of birth is April 12 1985 and my zip is 60601
        expect: {contains: ["$1,200.00"], events: [identity_verified, balance_disclosed]}
    outcome: {events: [identity_verified], no_violations: true}
  - name: a simulated borrower who can afford 150 a month
    simulate: {affordable_monthly: "150.00", opening: "I lost my job, I can't pay all of it", max_turns: 14}
    outcome: {events: [plan_accepted], plan: {max_installment: "150.00"}}
`

func TestParseDesignExample(t *testing.T) {
	t.Parallel()
	s, err := Parse("example.yaml", []byte(goodSuite))
	if err != nil {
		t.Fatal(err)
	}
	if s.Name != "negotiation-basics" || len(s.Cases) != 2 {
		t.Fatalf("parsed %q with %d cases", s.Name, len(s.Cases))
	}
	if s.Cases[0].Line != 16 || s.Cases[1].Line != 23 {
		t.Errorf("case lines = %d, %d; want 16, 23", s.Cases[0].Line, s.Cases[1].Line)
	}
	acct := s.Account.domain("US", "USD")
	if acct.Balance.Minor != 120000 || acct.Policy.SettlementFloorBP != 7000 || acct.Policy.MinInstallment.Minor != 5000 {
		t.Errorf("account = %+v", acct)
	}
	if !acct.Borrower.Identity.Check("dob", "1985-04-12") || !acct.Borrower.Identity.Check("postcode", "60601") {
		t.Error("identity facts do not check")
	}
	if got := s.Cases[1].Simulate.AffordableMonthly.Text; got != "150.00" {
		t.Errorf("affordable = %q", got)
	}
}

func TestParseErrorsNameFileLineAndField(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, edit, want string
	}{
		{"unknown key", "  - name: verifies before disclosing the balance\n", "  - name: verifies before disclosing the balance\n    colour: red\n"},
		{"unknown expect key", "expect: {not_contains:", "expect: {contain: [x], not_contains:"},
		{"bad event", "events: [identity_requested]", "events: [identity_asked]"},
		{"bad amount", `min_installment: "50.00"`, `min_installment: "fifty"`},
		{"bad regexp", "expect: {not_contains:", "expect: {matches: ['(unclosed'], not_contains:"},
		{"bad time", "now: 2026-03-02T15:00:00-06:00", "now: next tuesday"},
		{"bad channel", "channel: chat", "channel: fax"},
		{"bad state", "outcome: {events: [identity_verified], no_violations: true}", "outcome: {state: happy}"},
		{"bad speaker", "      - borrower: how much do I owe?\n", "      - borrower: how much do I owe?\n        speaker: neighbour\n"},
		{"bad advance", "      - borrower: how much do I owe?\n", "      - borrower: how much do I owe?\n        advance: next week\n"},
		{"bad turn channel", "      - borrower: how much do I owe?\n", "      - borrower: how much do I owe?\n        channel: fax\n"},
		{"empty variant", "      - borrower: how much do I owe?\n", "      - borrower: how much do I owe?\n        variants: [\"\"]\n"},
		{"bad not_state", "outcome: {events: [identity_verified], no_violations: true}", "outcome: {not_state: [open, sad]}"},
		{"bad turn state", "expect: {not_contains:", "expect: {state: glad, not_contains:"},
		{"bad flag", "outcome: {events: [identity_verified], no_violations: true}", "outcome: {flags: {happy: true}}"},
		{"bad consent", "outcome: {events: [identity_verified], no_violations: true}", "outcome: {consent: {sms: maybe}}"},
		{"bad plan kind", "outcome: {events: [identity_verified], no_violations: true}", "outcome: {plan: {kind: barter}}"},
		{"bad single event", "outcome: {events: [identity_verified], no_violations: true}", "outcome: {events: identity_guessed}"},
		{"no turns", "    turns:\n      - borrower: how much do I owe?\n        expect: {not_contains: [\"1,200\", \"1200\"], events: [identity_requested]}\n      - borrower: my date of birth is April 12 1985 and my zip is 60601\n        expect: {contains: [\"$1,200.00\"], events: [identity_verified, balance_disclosed]}\n", ""},
	}
	wants := map[string]string{
		"unknown key":        "line 17: field colour not found",
		"unknown expect key": "field contain not found",
		"bad event":          `line 19: unknown event "identity_asked"`,
		"bad amount":         `line 13: "fifty" is not an amount`,
		"bad regexp":         "bad regular expression",
		"bad time":           "line 4:",
		"bad channel":        `field channel: "fax"`,
		"bad state":          `field outcome.state: unknown state "happy"`,
		"bad speaker":        `turn 1: field speaker: "neighbour" is not borrower or third_party`,
		"bad advance":        `line 19: "next week" is not a duration like 30d, 2h or 15m`,
		"bad turn channel":   `turn 1: field channel: "fax"`,
		"empty variant":      "turn 1: field variants: empty message",
		"bad not_state":      `field outcome.not_state: unknown state "sad"`,
		"bad turn state":     `turn 1: field expect.state: unknown state "glad"`,
		"bad flag":           `field outcome.flags: unknown flag "happy"`,
		"bad consent":        `field outcome.consent.sms: "maybe" is not opted_out or opted_in`,
		"bad plan kind":      `plan kind "barter"`,
		"bad single event":   `unknown event "identity_guessed"`,
		"no turns":           "line 16: case \"verifies before disclosing the balance\": a case has either turns or simulate",
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			src := strings.Replace(goodSuite, tc.edit, tc.want, 1)
			if src == goodSuite {
				t.Fatal("the edit did not apply")
			}
			_, err := Parse("suites/bad.yaml", []byte(src))
			if err == nil {
				t.Fatal("no error")
			}
			if !strings.HasPrefix(err.Error(), "suites/bad.yaml: ") {
				t.Errorf("error does not name the file: %v", err)
			}
			if !strings.Contains(err.Error(), wants[tc.name]) {
				t.Errorf("error = %v\nwant it to contain %q", err, wants[tc.name])
			}
		})
	}
}

func TestLoadFolder(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	for i, name := range []string{"b.yaml", "a.yml", "sub/c.yaml"} {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		src := strings.Replace(goodSuite, "name: negotiation-basics", "name: s"+string(rune('0'+i)), 1)
		if err := os.WriteFile(p, []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.WriteFile(filepath.Join(dir, "notes.txt"), []byte("not a suite"), 0o644); err != nil {
		t.Fatal(err)
	}
	suites, err := Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, s := range suites {
		names = append(names, s.Name)
	}
	if got := strings.Join(names, ","); got != "s1,s0,s2" {
		t.Errorf("loaded %s, want s1,s0,s2 (sorted by path)", got)
	}
	if _, err := Load(filepath.Join(dir, "missing")); err == nil {
		t.Error("a missing path loaded")
	}
}

func TestParseOptions(t *testing.T) {
	t.Parallel()
	reply := "Here are the options I can offer:\n1. Pay $1,200.00 in full by March 16, 2026.\n2. Settle the account with one payment of $960.00 by March 16, 2026.\n3. 8 monthly payments of $150.00 (total $1,200.00), starting March 16, 2026.\nOption 4: 24 fortnightly payments of $50.00 (total $1,200.00).\n"
	got := parseOptions(reply)
	want := []option{{"1", 120000}, {"2", 96000}, {"3", 15000}, {"4", 10833}}
	if len(got) != len(want) {
		t.Fatalf("got %v", got)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("option %d = %+v, want %+v", i, got[i], want[i])
		}
	}
	b := &borrower{afford: mustMoney("150.00")}
	if id, ok := b.affordableOption(reply); !ok || id != "3" {
		t.Errorf("affordable option = %q, %v; want 3", id, ok)
	}
	b = &borrower{afford: mustMoney("20.00")}
	if _, ok := b.affordableOption(reply); ok {
		t.Error("found an affordable option below every offer")
	}
}

func mustMoney(s string) agent.Money { return agent.MustMoney(s, "USD") }

// TestCatalog: a catalog yields the cases Load reads, in the same order,
// whether it keeps its files parsed or parses each again as it is
// reached; a file that breaks between the check and the run ends the
// cases with an error.
func TestCatalog(t *testing.T) {
	dir := t.TempDir()
	for i, name := range []string{"a.yaml", "b.yaml", "c.yml"} {
		src := strings.Replace(goodSuite, "name: negotiation-basics", "name: suite-"+name, 1)
		if i == 2 {
			src = strings.Replace(src, "name: suite-c.yml", "name: suite-c", 1)
		}
		if err := os.WriteFile(filepath.Join(dir, name), []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	loaded, err := Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	var want []string
	for _, s := range loaded {
		for _, c := range s.Cases {
			want = append(want, s.Name+"/"+c.Name)
		}
	}
	names := func(c *Catalog) []string {
		var got []string
		for s, cs := range c.Cases() {
			got = append(got, s.Name+"/"+cs.Name)
		}
		return got
	}
	for _, keep := range []int{keepCases, 1} {
		old := keepCases
		keepCases = keep
		c, err := Check(dir)
		keepCases = old
		if err != nil {
			t.Fatal(err)
		}
		if got := names(c); c.Total != len(want) || strings.Join(got, "|") != strings.Join(want, "|") || c.Err() != nil {
			t.Errorf("keep %d: %d cases %v, want %d %v (err %v)", keep, c.Total, got, len(want), want, c.Err())
		}
		if keep == 1 {
			if err := os.WriteFile(filepath.Join(dir, "b.yaml"), []byte("name: [broken"), 0o644); err != nil {
				t.Fatal(err)
			}
			if got := names(c); len(got) >= len(want) || c.Err() == nil {
				t.Errorf("a file broken after the check: %d cases, err %v", len(got), c.Err())
			}
		}
	}
}

// TestFastDecodeAgreesWithStrictDecode: a suite read as one tree of nodes
// and checked for unknown fields by decodeKnown is what the strict decoder
// makes, with the same case lines, for every suite file in the repository;
// and decodeKnown declines every file the strict decoder refuses for an
// unknown field (at every depth), an anchor merge or a key that is no
// plain string, so that Parse gives the strict decoder's error for it.
func TestFastDecodeAgreesWithStrictDecode(t *testing.T) {
	t.Parallel()
	files, err := filepath.Glob("suites*/*.yaml")
	if err != nil {
		t.Fatal(err)
	}
	more, _ := filepath.Glob("testdata/*.yaml")
	files = append(files, more...)
	if len(files) < 10 {
		t.Fatalf("only %d suite files", len(files))
	}
	for _, f := range files {
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		want, wantLines, err := decodeStrict(src)
		if err != nil {
			continue // a file made to fail (testdata)
		}
		got, lines, ok := decodeKnown(src)
		if !ok {
			if !strings.Contains(string(src), "<<:") { // merges go to the strict decoder
				t.Errorf("%s: decodeKnown declined a file the strict decoder reads", f)
			}
			continue
		}
		if !reflect.DeepEqual(got, want) || !slices.Equal(lines, wantLines) {
			t.Errorf("%s: decodeKnown and the strict decoder differ", f)
		}
	}
	mutate := func(old, new string) string {
		if !strings.Contains(goodSuite, old) {
			t.Fatalf("goodSuite lacks %q", old)
		}
		return strings.Replace(goodSuite, old, new, 1)
	}
	declined := map[string]string{
		"top level":  mutate("jurisdiction: US", "jurisdiction: US\ncolour: red"),
		"account":    mutate("  id: A-100", "  id: A-100\n  colour: red"),
		"borrower":   mutate("borrower: {name: Maria Lopez,", "borrower: {colour: red, name: Maria Lopez,"),
		"policy":     mutate("policy: {max_installments: 12,", "policy: {colour: red, max_installments: 12,"),
		"case":       mutate("  - name: verifies before disclosing the balance\n", "  - name: verifies before disclosing the balance\n    colour: red\n"),
		"turn":       mutate("      - borrower: how much do I owe?\n", "      - borrower: how much do I owe?\n        colour: red\n"),
		"expect":     mutate(`expect: {not_contains:`, `expect: {colour: red, not_contains:`),
		"outcome":    mutate("outcome: {events: [identity_verified],", "outcome: {colour: red, events: [identity_verified],"),
		"plan":       mutate(`plan: {max_installment:`, `plan: {colour: red, max_installment:`),
		"simulate":   mutate(`simulate: {affordable_monthly:`, `simulate: {colour: red, affordable_monthly:`),
		"merge":      "base: &b {name: x}\n" + mutate("name: negotiation-basics", "<<: *b"),
		"number key": mutate("jurisdiction: US", "jurisdiction: US\n7: red"),
	}
	for name, src := range declined {
		_, _, strictErr := decodeStrict([]byte(src))
		if strictErr == nil && name != "merge" && name != "number key" {
			t.Errorf("%s: the strict decoder reads a file with an unknown field", name)
		}
		if _, _, ok := decodeKnown([]byte(src)); ok {
			t.Errorf("%s: decodeKnown vouched for a file the strict decoder says %v", name, strictErr)
		}
	}
	if _, _, ok := decodeKnown(nil); ok {
		t.Error("decodeKnown vouched for an empty file")
	}
}
