package policies

import (
	"slices"
	"testing"
)

// TestDev13KindsInOtherWords: a noun insult before the thing the sentence
// goes on about (chor, phone utha) still insults: only a rude adjective
// right before a thing is aimed at it; an identity number to be sent over
// WhatsApp or by text, asked in Hinglish.
func TestDev13KindsInOtherWords(t *testing.T) {
	t.Parallel()
	checkCategoryCases(t, []categoryCase{
		{"Arre kamina phone kyun nahi uthata?", CatHarassment, true},
		{"You absolute idiot, phone us back.", CatHarassment, true},
		{"This stupid phone line keeps dropping, sorry.", CatHarassment, false},
		{"Aadhaar card ki photo WhatsApp kar dijiye, verification ke liye.", CatPII, true},
		{"Apna UPI PIN SMS kar do, payment turant ho jayega.", CatPII, true},
	})
}

// TestDeniedClauseReadForOtherKinds: a clause the lexicon reads as denied
// for one kind (a waiver only applied for, a visit ruled out) is still read
// by the content model for the others: a secret asked for in it is found.
func TestDeniedClauseReadForOtherKinds(t *testing.T) {
	t.Parallel()
	g := Default()
	for _, text := range []string{
		"您的减免申请需要您把银行卡CVV和身份证号码发给我们。",
		"Your fee waiver application needs approval, so text us your full card number and the three digits on the back.",
	} {
		f := factsFor(verified("GB", "Europe/London", "2026-03-02T12:00:00Z"), text)
		d := g.Check(Proposal{Text: text, Channel: "chat"}, f)
		if !slices.Contains(categoriesOf(d), CatPII) {
			t.Errorf("%q: the secret asked for is not found (%v)", text, d.Violations)
		}
	}
}
