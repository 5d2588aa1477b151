package policies

// Digits of other scripts, folded to ASCII before any detector reads a text
// so that one amount reader and one identity-number reader serve them all.

// digitZeros are the zeros of the decimal digit blocks folded to ASCII.
var digitZeros = [...]rune{0x0660, 0x06F0, 0x07C0, 0x0966, 0x09E6, 0x0A66, 0x0AE6, 0x0B66, 0x0BE6, 0x0C66, 0x0CE6,
	0x0D66, 0x0DE6, 0x0E50, 0x0ED0, 0x0F20, 0x1040, 0x17E0, 0x1810, 0xFF10}

// foldDigit returns the ASCII digit r stands for, or 0.
func foldDigit(r rune) byte {
	for _, z := range digitZeros {
		if r >= z && r <= z+9 {
			return byte('0' + r - z)
		}
	}
	return 0
}
