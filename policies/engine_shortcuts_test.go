package policies

import "testing"

// TestAskersHoldAskerWords: askedSpans searches for the askers only in a
// text that holds one of askerWords, so every asker must hold one.
func TestAskersHoldAskerWords(t *testing.T) {
	t.Parallel()
	for _, a := range askers {
		if !askerWord(a) {
			t.Errorf("asker %q holds none of askerWords", a)
		}
	}
}

// TestCornerLead: reportedSpans passes every byte but a quotation mark and
// cornerLead without looking for a corner bracket.
func TestCornerLead(t *testing.T) {
	t.Parallel()
	for _, b := range [][]byte{cornerOpen, wCornerOpen} {
		if len(b) == 0 || b[0] != cornerLead {
			t.Errorf("opening corner bracket %q does not start with cornerLead", b)
		}
	}
}

// TestConditionsByFirstByte: every condition of the lexicon is listed
// under its first byte, and only there.
func TestConditionsByFirstByte(t *testing.T) {
	t.Parallel()
	lx := Default().lx
	n := 0
	for b, list := range lx.conditions {
		for _, w := range list {
			n++
			if len(w) == 0 || int(w[0]) != b {
				t.Errorf("condition %q listed under byte %#x", w, b)
			}
		}
	}
	if n == 0 {
		t.Fatal("no conditions")
	}
}
