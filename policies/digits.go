package policies

import "github.com/parley-collections/parley/policies/numread"

// foldDigit returns the ASCII digit r stands for, when r is a decimal digit
// of any script (numread.Digit), or 0.
func foldDigit(r rune) byte {
	if d := numread.Digit(r); d >= 0 {
		return byte('0' + d)
	}
	return 0
}
