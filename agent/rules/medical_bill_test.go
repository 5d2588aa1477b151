package rules

import "testing"

// TestMedicalPlaceAsTheBill: a medical place named as what the debt is for,
// or with a word of billing beside it ("the ICU charges", "a bill from the
// emergency room"), tells of no illness by itself; someone in the place,
// or an illness named beside the bill, is still a vulnerability.
func TestMedicalPlaceAsTheBill(t *testing.T) {
	t.Parallel()
	runProtect(t, []protectCase{
		{text: "why are the ICU charges so high", not: in(vulnOnly, crisis)},
		{text: "is this the bill from the emergency room in March?", not: in(vulnOnly, crisis)},
		{text: "what do I owe on the er invoice", not: in(vulnOnly, crisis)},
		{text: "I think the emergency room statement was already paid by insurance", not: in(vulnOnly, crisis)},
		{text: "the amount for the ICU seems wrong", not: in(vulnOnly, crisis)},
		{text: "I never got a bill for the intensive care stay", not: in(vulnOnly, crisis)},
		// the bill said to be about the place, some words on
		{text: "got a statement in the mail from some agency regarding the hospital, what is this", not: in(vulnOnly, crisis)},
		{text: "there's a charge on here about the ICU i don't recognise", not: in(vulnOnly, crisis)},
		{text: "a collections letter came about the emergency room, how much", not: in(vulnOnly, crisis)},
		// someone in the place, or an illness beside the bill
		{text: "my husband is still in the ICU, I can't deal with the bill", want: in(vulnOnly)},
		{text: "my daughter was rushed to the ER last night", want: in(vulnOnly)},
		{text: "I'm writing from the emergency room right now", want: in(vulnOnly)},
		{text: "the ER bill came while I'm on chemo", want: in(vulnOnly)},
		{text: "got the icu charges after my stroke", want: in(vulnOnly)},
		{text: "I can't pay the bill, I'm at the ER with my kid", want: in(vulnOnly)},
		{text: "the statement came but I'm in the emergency room", want: in(vulnOnly)},
	})
}
