package policies

import (
	"bytes"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/parley-collections/parley/policies/textclass"
)

// Secret is one secret found in a borrower's message: its kind as the
// masked text names it and its last four characters ("" for a security
// code, which is short enough to be all secret).
type Secret struct {
	Kind  string
	Last4 string
}

// secretKind names each kind of identity number in the masked text.
var secretKind = [...]string{
	piiCard:         "card",
	piiSSN:          "SSN",
	piiRouting:      "routing",
	piiAccount:      "account",
	piiResidentID:   "resident ID",
	piiAadhaar:      "Aadhaar",
	piiPAN:          "PAN",
	piiNINO:         "NI number",
	piiSecurityCode: "security code",
}

// span is a part of a folded text to mask.
type span struct{ kind, start, end int }

// RedactSecrets masks the secrets a borrower typed, before the message is
// stored: card numbers (Luhn), social security numbers, Chinese resident
// identity numbers, Aadhaar numbers (Verhoeff), PANs, National Insurance
// numbers, bank account and routing numbers and card security codes or
// expiry dates, in any script's digits, full-width too. Each becomes its
// kind and last four, "[card ending 0004]", which is all a turn needs of
// it (a last-four identity check, a card to refer to); a security code
// becomes "[security code]". Amounts, dates, phone numbers and postcodes
// stay as written. It returns the text unchanged when it holds none.
func RedactSecrets(text string) (string, []Secret) {
	if !strings.ContainsFunc(text, isDigitRune) {
		return text, nil // every secret above has digits
	}
	base, at := foldMapped(text)
	var spans []span
	scanNumbers(base, true, func(kind, start, end int) { spans = append(spans, span{kind, start, end}) })
	for _, next := range [...]struct {
		kind int
		find func([]byte, int) (int, int)
	}{{piiPAN, nextPAN}, {piiNINO, nextNINO}, {piiSecurityCode, nextSecurityCode}} {
		for from := 0; ; {
			s, e := next.find(base, from)
			if s < 0 {
				break
			}
			spans = append(spans, span{next.kind, s, e})
			from = e
		}
	}
	if len(spans) == 0 {
		return text, nil
	}
	out, found := replaceSpans(text, at, spans, func(sp span) (string, Secret) {
		sec := Secret{Kind: secretKind[sp.kind]}
		if sp.kind == piiSecurityCode {
			return "[" + sec.Kind + "]", sec
		}
		sec.Last4 = lastFour(base[sp.start:sp.end])
		return "[" + sec.Kind + " ending " + sec.Last4 + "]", sec
	})
	return out, found
}

// MaskIdentityAnswers masks, in a borrower's message whose identity
// answers were checked, the dates of birth (dob) and the postcodes
// (postcode): "[date of birth]", "[postcode]". A date counts when its
// year makes a person at least ten years old at now; a postcode is a UK
// postcode, five or six digits (a ZIP+4, an Indian "400 001" too), not
// after a currency sign.
func MaskIdentityAnswers(text string, dob, postcode bool, now time.Time) string {
	if !dob && !postcode || !strings.ContainsFunc(text, isDigitRune) {
		return text
	}
	base, at := foldMapped(text)
	var spans []span
	if dob {
		for from := 0; ; {
			s, e, y := nextFullDate(base, from)
			if s < 0 {
				break
			}
			if y < 100 || y <= now.Year()-10 {
				spans = append(spans, span{piiBirthDate, s, e})
			}
			from = e
		}
		eachDigitRun(base, func(r *digitRun) {
			if r.n == 8 && r.ngroups == 1 {
				d := r.digits[:8]
				if y := atoi(d[:4]); y >= 1900 && y <= now.Year()-10 && validDate(y, atoi(d[4:6]), atoi(d[6:8])) {
					spans = append(spans, span{piiBirthDate, r.start, r.end})
				}
			}
		})
	}
	if postcode {
		for p := 0; p < len(base); p++ {
			if e := UKPostcodeEnd(base, p); e > 0 {
				spans = append(spans, span{piiNone, p, e})
				p = e
			}
		}
		eachDigitRun(base, func(r *digitRun) {
			g := r.groups
			zip := r.ngroups == 1 && (r.n == 5 || r.n == 6) ||
				r.ngroups == 2 && r.sep == '-' && g[0] == 5 && g[1] == 4 ||
				r.ngroups == 2 && r.sep == ' ' && g[0] == 3 && g[1] == 3
			joined := r.start > 0 && isLetter(base[r.start-1]) || r.end < len(base) && isLetter(base[r.end])
			if zip && !joined && !prefixCurrency(base[:r.start]) {
				spans = append(spans, span{piiNone, r.start, r.end})
			}
		})
	}
	if len(spans) == 0 {
		return text
	}
	out, _ := replaceSpans(text, at, spans, func(sp span) (string, Secret) {
		if sp.kind == piiBirthDate {
			return "[date of birth]", Secret{}
		}
		return "[postcode]", Secret{}
	})
	return out
}

// eachDigitRun calls f with every run of digits in base.
func eachDigitRun(base []byte, f func(*digitRun)) {
	for i := 0; i < len(base); i++ {
		if !isDigit(base[i]) || i > 0 && isDigit(base[i-1]) {
			continue
		}
		r := readDigitRun(base, i)
		f(&r)
		i = r.end - 1
	}
}

// UKPostcodeEnd matches a UK postcode at byte p of s, folded to lower
// case: A9 9AA, A99 9AA, AA9 9AA, AA99 9AA, A9A 9AA, AA9A 9AA, with or
// without the space. It returns where it ends, or -1.
func UKPostcodeEnd[T string | []byte](s T, p int) int {
	isL := func(i int) bool { return i < len(s) && s[i] >= 'a' && s[i] <= 'z' }
	isD := func(i int) bool { return i < len(s) && s[i] >= '0' && s[i] <= '9' }
	isAlnum := func(i int) bool { return isL(i) || isD(i) }
	if p > 0 && isAlnum(p-1) {
		return -1
	}
	i := p
	if !isL(i) {
		return -1
	}
	i++
	if isL(i) {
		i++
	}
	if !isD(i) {
		return -1
	}
	i++
	// the outward code may end in one more digit or letter, but then the
	// inward code (digit, letter, letter) must still follow
	for _, extra := range [2]bool{true, false} {
		j := i
		if extra {
			if !isAlnum(j) {
				continue
			}
			j++
		}
		if j < len(s) && s[j] == ' ' {
			j++
		}
		if isD(j) && isL(j+1) && isL(j+2) && !isAlnum(j+3) {
			return j + 3
		}
	}
	return -1
}

// replaceSpans rewrites text with each span of its folded form base
// replaced by what with returns for it. Overlapping spans merge into the
// first one.
func replaceSpans(text string, at []int, spans []span, with func(span) (string, Secret)) (string, []Secret) {
	slices.SortStableFunc(spans, func(a, b span) int { return a.start - b.start })
	var sb strings.Builder
	var found []Secret
	last := 0 // in base
	for _, sp := range spans {
		if sp.start < last {
			continue
		}
		sb.WriteString(text[at[last]:at[sp.start]])
		s, sec := with(sp)
		sb.WriteString(s)
		if sec.Kind != "" {
			found = append(found, sec)
		}
		last = sp.end
	}
	sb.WriteString(text[at[last]:])
	return sb.String(), found
}

// lastFour is the last four letters or digits of b, in upper case.
func lastFour(b []byte) string {
	var out []byte
	for i := len(b) - 1; i >= 0 && len(out) < 4; i-- {
		if isWordByte(b[i]) {
			out = append(out, b[i])
		}
	}
	slices.Reverse(out)
	return string(bytes.ToUpper(out))
}

// foldMapped folds text rune by rune as the detectors read it (lower
// case, full-width forms, Chinese punctuation to its ASCII twin, digits of
// any script as ASCII), without the phrase-level rewriting of foldBase, so
// that each byte of base keeps in at the offset in text of the rune it
// came from; at[len(base)] is len(text).
func foldMapped(text string) (base []byte, at []int) {
	base = make([]byte, 0, len(text))
	at = make([]int, 0, len(text)+1)
	var buf [utf8.UTFMax]byte
	for i, r := range text {
		if d := foldDigit(r); d != 0 {
			base = append(base, d)
			at = append(at, i)
			continue
		}
		f := textclass.FoldRune(r)
		if f < 0 {
			continue
		}
		n := utf8.EncodeRune(buf[:], f)
		for k := 0; k < n; k++ {
			base = append(base, buf[k])
			at = append(at, i)
		}
	}
	return base, append(at, len(text))
}

// isDigitRune reports whether r is a decimal digit of any script the
// detectors read.
func isDigitRune(r rune) bool { return r >= '0' && r <= '9' || r >= 0x80 && foldDigit(r) != 0 }
