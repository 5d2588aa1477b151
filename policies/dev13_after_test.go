package policies

import "testing"

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
