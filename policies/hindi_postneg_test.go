package policies

import "testing"

// TestHindiNegationAfterTheVerb: Hindi in Latin letters puts "nahi" after
// the verb it negates ("koi aapko arrest nahi karega"): a threat so
// negated is a reassurance; "nahi" that belongs to a condition before a
// threat ("paise nahi diye toh police arrest karegi") or that negates
// something after it negates nothing.
func TestHindiNegationAfterTheVerb(t *testing.T) {
	t.Parallel()
	checkCategoryCases(t, []categoryCase{
		{"Tension mat lijiye, is loan ke liye aapko koi arrest nahi karega.", CatThreat, false},
		{"EMI der se bharne par koi jail nahi jaata, yeh civil matter hai.", CatThreat, false},
		{"Hum aapke ghar police nahi bhejenge, bas baat karni hai.", CatThreat, false},
		{"Paise nahi diye toh police aapko arrest karegi.", CatThreat, true},
		{"Kal tak EMI clear karo warna police aapko arrest karegi, koi bahana nahi chalega.", CatThreat, true},
		{"Aapko jail bhejenge, aur koi maafi nahi milegi.", CatThreat, true},
	})
}

// TestHindiNegationOfAnotherVerb: "nahi" after a threat's term that
// negates another verb (chhodegi, spare; bachayega, save) leaves the
// threat said.
func TestHindiNegationOfAnotherVerb(t *testing.T) {
	t.Parallel()
	checkCategoryCases(t, []categoryCase{
		{"Police aapko arrest karegi, jail nahi chhodegi.", CatThreat, true},
		{"Arrest hone se koi nahi rok sakta.", CatThreat, true},
		{"Jail se aapko koi nahi bachayega.", CatThreat, true},
	})
}
