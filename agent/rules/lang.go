package rules

import "unicode"

// DetectLang says whether text is Chinese ("zh") or English ("en"): Chinese
// when Han characters carry at least a quarter of the letters, since one
// character says about as much as three or four Latin letters. It returns ""
// when the text has no letters at all (a bare "60601"), so that the caller
// keeps the conversation's language.
func DetectLang(text string) string {
	han, latin := 0, 0
	for _, r := range text {
		switch {
		case isHan(r):
			han++
		case r < 0x2E80 && unicode.IsLetter(r), r >= 0xFF21 && r <= 0xFF5A && unicode.IsLetter(r):
			latin++
		}
	}
	switch {
	case han > 0 && han*3 >= latin:
		return "zh"
	case latin > 0 || han > 0:
		return "en"
	}
	return ""
}
