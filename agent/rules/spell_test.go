package rules

import (
	"context"
	"testing"

	"github.com/parley-collections/parley/agent"
)

// TestCorrectKeepsRealWords: a real English word is never "repaired" onto a
// lexicon word one edit away; the repair would change what the writer said
// ("poison" is not "prison", "hopeless" is not "homeless").
func TestCorrectKeepsRealWords(t *testing.T) {
	for _, w := range []string{
		// once patched one by one
		"share", "handed", "waiting", "lying", "early", "blame", "hearing",
		// real words one edit from a lexicon word
		"saver", "poison", "autopsy", "hopeless", "laughter", "defending", "contracting",
		"accent", "abort", "admit", "alike", "alter", "arming", "beast", "bitter", "candle",
		"career", "chance", "coarse", "deport", "enable", "fever", "field", "fiend", "greed",
		"hanged", "hunting", "insured", "knight", "mighty", "mourning", "olive", "pertain",
		"policy", "polite", "prone", "rational", "reword", "season", "status", "tests",
		"thirsty", "treason", "whale", "wound", "woken", "deceive", "homebody", "novice",
		"broker", "brake", "effect", "lowly", "mildly", "nifty",
		// British spellings
		"colour", "favour", "humour", "rumours",
	} {
		if got := correct(w); got != w {
			t.Errorf("correct(%q) = %q, want it kept", w, got)
		}
	}
}

// TestCorrectRepairsMisspellings: words that are not English are still
// repaired onto the lexicon word one edit away.
func TestCorrectRepairsMisspellings(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"bankrupcy", "bankruptcy"},
		{"attorny", "attorney"},
		{"attroney", "attorney"},
		{"lawer", "lawyer"},
		{"lawyr", "lawyer"},
		{"deseased", "deceased"},
		{"deceasd", "deceased"},
		{"sucide", "suicide"},
		{"suicde", "suicide"},
		{"hospitl", "hospital"},
		{"dispue", "dispute"},
		{"paymnet", "payment"},
		{"payemnt", "payment"},
		{"installmnts", "installments"},
		{"solicitr", "solicitor"},
		{"cancr", "cancer"},
		{"funerl", "funeral"},
		{"divorse", "divorce"},
		{"bankrubt", "bankrupt"},
		{"monthy", "monthly"},
		{"balence", "balance"},
		{"tomorow", "tomorrow"},
		{"seperated", "separated"},
		{"redundent", "redundant"},
		{"harasing", "harassing"},
	} {
		if got := correct(c.in); got != c.want {
			t.Errorf("correct(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

// TestCorrectPluralsOfLexiconWords: the plural of a lexicon word (or the
// singular of a plural one) is the same word to the patterns and is still
// read as it.
func TestCorrectPluralsOfLexiconWords(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"accounts", "account"},
		{"agents", "agent"},
		{"creditors", "creditor"},
		{"dollar", "dollars"},
	} {
		if got := correct(c.in); got != c.want {
			t.Errorf("correct(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

// TestCorrectKeepsEverydayWordsOffProtectiveOnes: everyday words one edit
// from the words of protective patterns are not read as them.
func TestCorrectKeepsEverydayWordsOffProtectiveOnes(t *testing.T) {
	for _, w := range []string{"billing", "filling", "failed", "charming", "farming", "eating", "heating", "cooking", "putting", "piece", "canter", "dancer"} {
		if got := correct(w); got != w {
			t.Errorf("correct(%q) = %q, want it kept", w, got)
		}
	}
}

// TestCorrectRepairsRealWordSlips: the few real words that in a borrower's
// message are far more often a slip for a lexicon word are still repaired.
func TestCorrectRepairsRealWordSlips(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"massage", "message"},
		{"massages", "messages"},
		{"massaging", "messaging"},
		{"decease", "deceased"},
	} {
		if got := correct(c.in); got != c.want {
			t.Errorf("correct(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

// TestStopRequestWithSlip: a stop request written with "massages" is a stop request.
func TestStopRequestWithSlip(t *testing.T) {
	u, err := New().Understand(context.Background(), agent.TurnContext{Now: now, Currency: "USD"}, "please stop sending me these massages")
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range u.Commands {
		if c.Intent == agent.IntentOptOut {
			return
		}
	}
	t.Errorf("commands %+v, want an opt-out", u.Commands)
}

// TestProtectiveCrisisPoison: taking poison, now that "poison" is no longer
// read as "prison", is self-harm; poisoning spoken of otherwise is not.
func TestProtectiveCrisisPoison(t *testing.T) {
	t.Parallel()
	runProtect(t, []protectCase{
		{text: "Please tell your manager, I will take poison tonight.", want: in(agent.IntentVulnerable)},
		{text: "If I consume poison then only you will stop calling I think.", want: in(agent.IntentVulnerable)},
		{text: "I have bought rat poison and I am going to drink it", want: in(agent.IntentVulnerable)},
		{text: "i swallowed the pesticide an hour ago", want: in(agent.IntentVulnerable)},
		// near misses
		{text: "I was off work with food poisoning last week, can I pay friday", not: in(agent.IntentVulnerable)},
		{text: "your calls are poison to my marriage, stop", not: in(agent.IntentVulnerable)},
	})
}
