package rules

import (
	"unicode/utf8"

	"github.com/parley-collections/parley/policies/numread"
)

// enOrdinals are the English ordinal words and their values.
var enOrdinals = map[string]int{
	"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8, "ninth": 9,
	"tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14, "fifteenth": 15, "sixteenth": 16,
	"seventeenth": 17, "eighteenth": 18, "nineteenth": 19, "twentieth": 20, "thirtieth": 30,
}

func isHanNumeral(t token) bool {
	if t.kind != tHan {
		return false
	}
	r, _ := utf8.DecodeRuneInString(t.text)
	return numread.IsHanNumeral(r)
}

// maxNumberTokens is the most tokens one number is read from.
const maxNumberTokens = 16

// readSeq reads the number that starts at seq[i] with numread, the reader
// the guard and the rewording check use too. It reads the tokens' own
// words, spelling repaired, with a space wherever the text had one between
// them, and returns the number and the index after its last token. A
// number that ends inside a token ("1.2.3", "1,2345") is not read.
func readSeq(seq []token, i int) (numread.Number, int, bool) {
	var buf [128]byte
	var ends [maxNumberTokens]int
	b := buf[:0]
	nt := 0
	for k := i; k < len(seq) && nt < maxNumberTokens; k++ {
		t := seq[k]
		if t.text == boundary {
			break
		}
		if k > i && t.start != seq[k-1].end {
			b = append(b, ' ')
		}
		b = append(b, t.text...)
		ends[nt] = len(b)
		nt++
	}
	n, ok := numread.Read(b, 0)
	if !ok {
		return n, i, false
	}
	for k := 0; k < nt; k++ {
		if ends[k] == n.End {
			return n, i + k + 1, true
		}
		if ends[k] > n.End {
			break
		}
	}
	return n, i, false
}
