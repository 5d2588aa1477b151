package policies

import (
	"bytes"
	"unicode/utf8"

	"github.com/parley-collections/parley/policies/textclass"
)

// Kinds of personal data the detectors find.
const (
	piiNone = iota
	piiCard
	piiSSN
	piiRouting
	piiAccount
	piiResidentID
	piiBirthDate
	piiOtherBorrower
	piiAadhaar
	piiPAN
	piiNINO
	piiSecurityCode
)

var piiDetail = [...]string{
	piiCard:          "contains a full card number",
	piiSSN:           "contains a Social Security number",
	piiRouting:       "contains a bank routing number",
	piiAccount:       "contains a bank account number",
	piiResidentID:    "contains a Chinese resident identity number",
	piiBirthDate:     "contains a full date of birth",
	piiOtherBorrower: "names another borrower",
	piiAadhaar:       "contains an Aadhaar number",
	piiPAN:           "contains a PAN (Indian tax identity number)",
	piiNINO:          "contains a National Insurance number",
	piiSecurityCode:  "contains a card security code or expiry date",
}

// Words before a number that make it an account, routing or SSN.
var (
	accountCues = []string{"account number", "account no", "account #", "acct", "a/c", "bank account", "iban", "account:", "账号", "账户", "卡号", "银行卡", "户号"}
	routingCues = []string{"routing", "aba", "rtn", "transit number", "sort code"}
	ssnCues     = []string{"ssn", "social security", "social-security", "social as", "social:", "s.s.n", "s s n"}
	aadhaarCues = []string{"aadhaar", "aadhar", "uid"}
	birthCues   = []string{"date of birth", "birth date", "birthdate", "dob", "d.o.b", "born", "birthday", "出生日期", "出生", "生日"}
	monthNames  = []string{"january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sept", "sep", "oct", "nov", "dec"}
)

// digitRun is a number written as digits, maybe in groups split by single
// spaces or hyphens ("4111 1111 1111 1111", "123-45-6789").
type digitRun struct {
	start, end int
	digits     [24]byte
	n          int // digits, up to 24 kept
	groups     [8]int8
	ngroups    int
	ones       int  // groups of a single digit ("4 1 1 1 …")
	sep        byte // the separator used, 0 for none
	mixedSep   bool
	tail       byte // an 'x' ending a resident ID, else 0
}

// readDigitRun reads the run at b[i], which is a digit.
func readDigitRun(b []byte, i int) digitRun {
	var r digitRun
	r.start = i
	j := i
	g := 0
	for j < len(b) {
		c := b[j]
		if isDigit(c) {
			if r.n < len(r.digits) {
				r.digits[r.n] = c
			}
			r.n++
			g++
			j++
			continue
		}
		if (c == ' ' || c == '-' || c == '.' && r.sep != ' ' && r.sep != '-' && g <= 4) && j+1 < len(b) && isDigit(b[j+1]) {
			if r.sep != 0 && r.sep != c {
				r.mixedSep = true
			}
			r.sep = c
			if r.ngroups < len(r.groups) {
				r.groups[r.ngroups] = int8(min(g, 127))
			}
			r.ngroups++
			if g == 1 {
				r.ones++
			}
			g = 0
			j++
			continue
		}
		break
	}
	if r.ngroups < len(r.groups) {
		r.groups[r.ngroups] = int8(min(g, 127))
	}
	r.ngroups++
	if g == 1 {
		r.ones++
	}
	if j < len(b) && b[j] == 'x' && r.n == 17 && r.ngroups == 1 && (j+1 == len(b) || !isLetter(b[j+1])) {
		r.tail = 'x'
		j++
	}
	r.end = j
	return r
}

// cardShape reports whether the run is grouped like a card number: one block,
// or blocks of four (the last maybe shorter), or American Express 4-6-5.
func (r *digitRun) cardShape() bool {
	if r.n < 13 || r.n > 19 || r.mixedSep {
		return false
	}
	if r.ones == r.n {
		return true // spelt out one digit at a time
	}
	if r.ngroups > len(r.groups) {
		return false
	}
	if r.ngroups == 1 {
		return true
	}
	if r.ngroups == 3 && r.groups[0] == 4 && r.groups[1] == 6 && r.groups[2] == 5 {
		return true
	}
	for k := 0; k < r.ngroups; k++ {
		if r.groups[k] != 4 && !(k == r.ngroups-1 && r.groups[k] >= 1 && r.groups[k] < 4) {
			return false
		}
	}
	return true
}

func luhn(d []byte) bool {
	sum, double := 0, false
	for i := len(d) - 1; i >= 0; i-- {
		v := int(d[i] - '0')
		if double {
			v *= 2
			if v > 9 {
				v -= 9
			}
		}
		sum += v
		double = !double
	}
	return sum%10 == 0
}

// abaValid checks an ABA routing number: a valid Federal Reserve prefix and
// the 3-7-1 checksum.
func abaValid(d []byte) bool {
	if len(d) != 9 {
		return false
	}
	p := int(d[0]-'0')*10 + int(d[1]-'0')
	if !(p <= 12 || p >= 21 && p <= 32 || p >= 61 && p <= 72 || p == 80) {
		return false
	}
	v := func(i int) int { return int(d[i] - '0') }
	sum := 3*(v(0)+v(3)+v(6)) + 7*(v(1)+v(4)+v(7)) + v(2) + v(5) + v(8)
	return sum%10 == 0 && p != 0
}

// ssnValid checks the shape rules the SSA never assigns outside of: area
// not 000, 666 or 9xx; group not 00; serial not 0000.
func ssnValid(d []byte) bool {
	if len(d) != 9 {
		return false
	}
	area := string(d[:3])
	return area != "000" && area != "666" && d[0] != '9' && string(d[3:5]) != "00" && string(d[5:]) != "0000"
}

// residentIDValid checks a Chinese resident identity number: 17 digits, a
// check character by ISO 7064 MOD 11-2, and a real date of birth.
func residentIDValid(d []byte, check byte) bool {
	if len(d) != 17 {
		return false
	}
	weights := [17]int{7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2}
	sum := 0
	for i, w := range weights {
		sum += int(d[i]-'0') * w
	}
	want := "10x98765432"[sum%11]
	if check != want {
		return false
	}
	y := atoi(d[6:10])
	m := atoi(d[10:12])
	day := atoi(d[12:14])
	return y >= 1900 && y <= 2100 && validDate(y, m, day)
}

func atoi(b []byte) int {
	n := 0
	for _, c := range b {
		n = n*10 + int(c-'0')
	}
	return n
}

func validDate(y, m, d int) bool {
	if m < 1 || m > 12 || d < 1 {
		return false
	}
	days := [...]int{31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31}[m-1]
	if m == 2 && (y%4 == 0 && y%100 != 0 || y%400 == 0) {
		days = 29
	}
	return d <= days
}

// findPII returns the kinds of personal data in base as a bit set, and how
// many card numbers it holds.
func findPII(base []byte, otherNames []string) (kinds uint16, cards int) {
	// Every kind but a name is written with ASCII digits: a text without
	// one has none of them, and none starts far before the first digit
	// (a PAN five bytes, a National Insurance number three).
	if d := firstDigit(base); d >= 0 {
		scanNumbers(base, false, func(kind, _, _ int) {
			kinds |= 1 << kind
			if kind == piiCard {
				cards++
			}
		})
		if s, _ := nextPAN(base, max(0, d-5)); s >= 0 {
			kinds |= 1 << piiPAN
		}
		if s, _ := nextNINO(base, max(0, d-3)); s >= 0 {
			kinds |= 1 << piiNINO
		}
		if s, _ := nextSecurityCode(base, 0); s >= 0 {
			kinds |= 1 << piiSecurityCode
		}
		if birthDateNear(base) {
			kinds |= 1 << piiBirthDate
		}
	}
	if namesOther(base, otherNames) {
		kinds |= 1 << piiOtherBorrower
	}
	return kinds, cards
}

// firstDigit returns the index of the first ASCII digit of b, or -1.
func firstDigit(b []byte) int {
	for i, c := range b {
		if c-'0' < 10 {
			return i
		}
	}
	return -1
}

// scanNumbers calls found with the kind and span of every card, bank,
// social security and national identity number written in digits in
// base. lenient takes any nine digits grouped 3-2-4 for an SSN, also one
// the SSA would not issue: for masking what a borrower typed, where a
// miss costs more than a false find.
func scanNumbers(base []byte, lenient bool, found func(kind, start, end int)) {
	for i := 0; i < len(base); i++ {
		if !isDigit(base[i]) || i > 0 && isDigit(base[i-1]) {
			continue
		}
		r := readDigitRun(base, i)
		d := r.digits[:min(r.n, len(r.digits))]
		joinedToWord := i > 0 && isLetter(base[i-1]) || r.end < len(base) && isLetter(base[r.end])
		kind := piiNone
		switch {
		case r.n == 17 && r.tail == 'x' && residentIDValid(d, 'x'),
			r.n == 18 && r.ngroups == 1 && residentIDValid(d[:17], d[17]):
			kind = piiResidentID
		case r.cardShape() && luhn(d) && !joinedToWord:
			kind = piiCard
		case r.n == 18 && r.ngroups == 3 && r.groups[0] == 6 && r.groups[1] == 8 && residentIDValid(d[:17], d[17]):
			kind = piiResidentID // 440524 18800101 0014
		case r.n == 12 && (r.ngroups == 1 || r.ngroups == 3 && r.groups[0] == 4 && r.groups[1] == 4) && d[0] >= '2' && verhoeff(d) &&
			(r.sep != '.' || cueNear(base, i, aadhaarCues)):
			kind = piiAadhaar
		case r.n == 9 && r.ngroups == 3 && r.groups[0] == 3 && r.groups[1] == 2 && r.groups[2] == 4 && (lenient || ssnValid(d)):
			kind = piiSSN
		case r.n == 9 && cueNear(base, i, ssnCues) && (lenient || ssnValid(d)):
			kind = piiSSN
		case r.n == 9 && r.ngroups == 1 && (abaValid(d) || cueNear(base, i, routingCues)):
			kind = piiRouting
		case r.n >= 6 && r.n <= 20 && cueNear(base, i, accountCues):
			kind = piiAccount
		case r.n >= 6 && r.n <= 8 && r.ngroups <= 3 && cueNear(base, i, routingCues):
			kind = piiRouting // a UK sort code
		}
		if kind != piiNone {
			found(kind, i, r.end)
		}
		i = r.end - 1
	}
}

// cueNear reports whether one of cues ends within 24 bytes before b[i].
func cueNear(b []byte, i int, cues []string) bool {
	win := b[max(0, i-24):i]
	for _, c := range cues {
		if k := bytes.LastIndex(win, []byte(c)); k >= 0 {
			abs := i - len(win) + k
			if isLetter(c[0]) && abs > 0 && isLetter(b[abs-1]) {
				continue
			}
			return true
		}
	}
	return false
}

// birthDateNear reports whether a full date (day, month and year) stands
// within 40 bytes after a birth-date cue.
func birthDateNear(b []byte) bool {
	// Every cue holds one of these: most texts are done after a few scans.
	if !bytes.Contains(b, []byte("birth")) && !bytes.Contains(b, []byte("born")) && !bytes.Contains(b, []byte("dob")) &&
		!bytes.Contains(b, []byte("d.o.b")) && !bytes.Contains(b, []byte("生")) {
		return false
	}
	for _, c := range birthCues {
		off := 0
		for {
			k := bytes.Index(b[off:], []byte(c))
			if k < 0 {
				break
			}
			k += off
			off = k + len(c)
			if isLetter(c[0]) && (k > 0 && isLetter(b[k-1])) {
				continue
			}
			if hasFullDate(b[off:min(len(b), off+40)]) {
				return true
			}
		}
	}
	return false
}

// hasFullDate reports whether w holds a date with day, month and year:
// 1985-04-12, 04/12/1985, 12.04.85, April 12, 1985, 12 April 1985, 1985年4月12日.
func hasFullDate(w []byte) bool {
	s, _, _ := nextFullDate(w, 0)
	return s >= 0
}

// nextFullDate finds, from w[from:], a date as hasFullDate reads them and
// returns its span and its year as written (two digits maybe), or -1, -1, 0.
func nextFullDate(w []byte, from int) (start, end, year int) {
	for i := from; i < len(w); i++ {
		if isDigit(w[i]) && (i == 0 || !isDigit(w[i-1])) {
			a, j := readInt(w, i)
			if j < len(w) && (w[j] == '-' || w[j] == '/' || w[j] == '.') {
				sep := w[j]
				if j+1 < len(w) && isDigit(w[j+1]) {
					b, k := readInt(w, j+1)
					if k+1 < len(w) && w[k] == sep && isDigit(w[k+1]) {
						c, e := readInt(w, k+1)
						n1, n3 := j-i, e-(k+1)
						switch {
						case n1 == 4 && validDate(a, b, c):
							return i, e, a
						case (n3 == 4 || n3 == 2) && (validDate(2000, a, b) || validDate(2000, b, a)) && c >= 0:
							return i, e, c
						}
					}
				}
			}
			if bytes.HasPrefix(w[j:], []byte("年")) && j-i == 4 {
				m, k := readInt(w, j+len("年"))
				if k > j+len("年") && bytes.HasPrefix(w[k:], []byte("月")) {
					d, e := readInt(w, k+len("月"))
					if e > k+len("月") && validDate(a, m, d) {
						if bytes.HasPrefix(w[e:], []byte("日")) || bytes.HasPrefix(w[e:], []byte("号")) {
							e += len("日")
						}
						return i, e, a
					}
				}
			}
			i = j - 1
			continue
		}
		if isLetter(w[i]) && (i == 0 || !isLetter(w[i-1])) {
			for mi, mn := range monthNames {
				if !hasWord(w, i, mn) {
					continue
				}
				month := mi%12 + 1
				if mi >= 12 {
					month = [...]int{1, 2, 3, 4, 6, 7, 8, 9, 9, 10, 11, 12}[mi-12]
				}
				// Month day, year
				j := skipSpace(w, i+len(mn))
				if j < len(w) && w[j] == '.' {
					j = skipSpace(w, j+1)
				}
				if d, k := readInt(w, j); k > j && validDate(2000, month, d) {
					k = skipOrdinal(w, k)
					k = skipSpace(w, trimComma(w, k))
					if y, e := readInt(w, k); e-k == 4 && y >= 1900 {
						return i, e, y
					}
				}
				// day Month year
				if d, s, ok := dayBefore(w, i); ok && validDate(2000, month, d) {
					k := skipSpace(w, trimComma(w, skipSpace(w, i+len(mn))))
					if y, e := readInt(w, k); e-k == 4 && y >= 1900 {
						return s, e, y
					}
				}
				break
			}
		}
	}
	return -1, -1, 0
}

func readInt(w []byte, i int) (int, int) {
	n, j := 0, i
	for j < len(w) && isDigit(w[j]) && j-i < 6 {
		n = n*10 + int(w[j]-'0')
		j++
	}
	return n, j
}

func trimComma(w []byte, i int) int {
	if i < len(w) && w[i] == ',' {
		return i + 1
	}
	return i
}

func skipOrdinal(w []byte, i int) int {
	for _, o := range []string{"st", "nd", "rd", "th"} {
		if hasWord(w, i, o) {
			return i + 2
		}
	}
	return i
}

// dayBefore reads a day number (maybe "12th" or "12th of") just before
// w[i], and where it starts.
func dayBefore(w []byte, i int) (day, start int, ok bool) {
	e := i
	for e > 0 && w[e-1] == ' ' {
		e--
	}
	if e >= 2 && string(w[e-2:e]) == "of" {
		e -= 2
		for e > 0 && w[e-1] == ' ' {
			e--
		}
	}
	if e >= 2 && (string(w[e-2:e]) == "st" || string(w[e-2:e]) == "nd" || string(w[e-2:e]) == "rd" || string(w[e-2:e]) == "th") {
		e -= 2
	}
	s := e
	for s > 0 && isDigit(w[s-1]) && e-s < 2 {
		s--
	}
	if s == e {
		return 0, 0, false
	}
	d, _ := readInt(w, s)
	return d, s, true
}

// containsName reports whether base (folded) holds name, compared with case
// folded, as whole words when the name is written in Latin letters.
func containsName(base []byte, name string) bool {
	if utf8.RuneCountInString(name) < 2 {
		return false
	}
	for i := 0; i < len(base); i++ {
		j, k := i, 0
		for k < len(name) && j < len(base) {
			r, n := utf8.DecodeRuneInString(name[k:])
			r = textclass.FoldRune(r)
			if r < 0 {
				k += n
				continue
			}
			br, bn := utf8.DecodeRune(base[j:])
			if br != r && !(r == ' ' && br == ' ') {
				break
			}
			j += bn
			k += n
		}
		if k < len(name) {
			continue
		}
		if isWordByte(name[0]) && i > 0 && isWordByte(base[i-1]) {
			continue
		}
		if isWordByte(name[len(name)-1]) && j < len(base) && isWordByte(base[j]) {
			continue
		}
		return true
	}
	return false
}

// maskCards returns text with every card number's digits but the last four
// replaced by '*', and how many it masked.
func maskCards(text string) (string, int) {
	var out []byte
	masked := 0
	for i := 0; i < len(text); i++ {
		if !isDigit(text[i]) || i > 0 && isDigit(text[i-1]) {
			continue
		}
		r := readDigitRun([]byte(text[i:min(len(text), i+64)]), 0)
		d := r.digits[:min(r.n, len(r.digits))]
		joined := i > 0 && isLetter(text[i-1]|0x20) || i+r.end < len(text) && isLetter(text[i+r.end]|0x20)
		if r.cardShape() && luhn(d) && !joined {
			if out == nil {
				out = []byte(text)
			}
			seen := 0
			for k := i + r.end - 1; k >= i; k-- {
				if isDigit(out[k]) {
					seen++
					if seen > 4 {
						out[k] = '*'
					}
				}
			}
			masked++
		}
		i += r.end - 1
	}
	if out == nil {
		return text, 0
	}
	return string(out), masked
}

// Verhoeff's dihedral check, which every Aadhaar number satisfies.
var (
	verhoeffD = [10][10]byte{
		{0, 1, 2, 3, 4, 5, 6, 7, 8, 9}, {1, 2, 3, 4, 0, 6, 7, 8, 9, 5}, {2, 3, 4, 0, 1, 7, 8, 9, 5, 6},
		{3, 4, 0, 1, 2, 8, 9, 5, 6, 7}, {4, 0, 1, 2, 3, 9, 5, 6, 7, 8}, {5, 9, 8, 7, 6, 0, 4, 3, 2, 1},
		{6, 5, 9, 8, 7, 1, 0, 4, 3, 2}, {7, 6, 5, 9, 8, 2, 1, 0, 4, 3}, {8, 7, 6, 5, 9, 3, 2, 1, 0, 4},
		{9, 8, 7, 6, 5, 4, 3, 2, 1, 0},
	}
	verhoeffP = [8][10]byte{
		{0, 1, 2, 3, 4, 5, 6, 7, 8, 9}, {1, 5, 7, 6, 2, 8, 3, 0, 9, 4}, {5, 8, 0, 3, 7, 9, 6, 1, 4, 2},
		{8, 9, 1, 6, 0, 4, 3, 5, 2, 7}, {9, 4, 5, 3, 1, 2, 6, 8, 7, 0}, {4, 2, 8, 6, 5, 7, 3, 9, 0, 1},
		{2, 7, 9, 3, 8, 0, 6, 4, 1, 5}, {7, 0, 4, 6, 9, 1, 3, 2, 5, 8},
	}
)

func verhoeff(d []byte) bool {
	var c byte
	for i := range d {
		c = verhoeffD[c][verhoeffP[i%8][d[len(d)-1-i]-'0']]
	}
	return c == 0
}

// nextPAN finds, from base[from:], an Indian PAN: five letters (the fourth
// the holder's kind: P person, C company, H, F, A, T, B, L, J, G), four
// digits and a letter, as one word. It returns its span, or -1, -1.
func nextPAN(base []byte, from int) (start, end int) {
	for i := from; i+10 <= len(base); i++ {
		if !isDigit(base[i+5]) || i > 0 && isWordByte(base[i-1]) || i+10 < len(base) && isWordByte(base[i+10]) {
			continue
		}
		w := base[i : i+10]
		ok := isLetter(w[0]) && isLetter(w[1]) && isLetter(w[2]) && isLetter(w[4]) && isLetter(w[9]) &&
			isDigit(w[5]) && isDigit(w[6]) && isDigit(w[7]) && isDigit(w[8])
		if ok && bytes.IndexByte([]byte("pchfatbljg"), w[3]) >= 0 {
			return i, i + 10
		}
	}
	return -1, -1
}

// nextNINO finds, from base[from:], a UK National Insurance number: two
// letters, six digits (maybe in pairs) and A-D. Without a cue the prefix
// must be one HMRC issues; after "national insurance" or "NI number" any
// prefix counts (QQ 12 34 56 C, the documented example, too). It returns
// its span, or -1, -1.
func nextNINO(base []byte, from int) (start, end int) {
	for i := from; i+9 <= len(base); i++ {
		if !isLetter(base[i]) || !isLetter(base[i+1]) || !isDigit(base[i+2]) && (base[i+2] != ' ' || !isDigit(base[i+3])) ||
			i > 0 && isWordByte(base[i-1]) {
			continue // no digit after the two letters
		}
		j := i + 2
		digits := 0
		for j < len(base) && digits < 6 {
			if base[j] == ' ' && j+1 < len(base) && isDigit(base[j+1]) && digits%2 == 0 {
				j++
				continue
			}
			if !isDigit(base[j]) {
				break
			}
			digits++
			j++
		}
		if digits != 6 {
			continue
		}
		if j < len(base) && base[j] == ' ' {
			j++
		}
		if j >= len(base) || base[j] < 'a' || base[j] > 'd' || j+1 < len(base) && isWordByte(base[j+1]) {
			continue
		}
		a, b := base[i], base[i+1]
		valid := bytes.IndexByte([]byte("dfiquv"), a) < 0 && bytes.IndexByte([]byte("dfioquv"), b) < 0 &&
			!(a == 'b' && b == 'g' || a == 'g' && b == 'b' || a == 'n' && b == 'k' || a == 'k' && b == 'n' ||
				a == 't' && b == 'n' || a == 'n' && b == 't' || a == 'z' && b == 'z')
		if valid || cueNear(base, i, ninoCues) {
			return i, j + 1
		}
	}
	return -1, -1
}

var (
	ninoCues     = []string{"national insurance", "insurance number", "ni number", "ni no", "nino", "ni:"}
	securityCues = [...]string{"cvv2", "cvv", "cvc", "security code", "安全码", "exp ", "expiry", "expires", "valid thru", "有效期"}
)

// nextSecurityCode finds, from base[from:], a card security code or
// expiry date after its cue: "CVV 123", "security code 737", "exp 09/28".
// With a masked card beside it the code is still a secret. It returns the
// span of the code (the first one of the first cue that has one), or -1, -1.
// The text is read once for every cue: a pair of bytes that opens no cue is
// passed by, and a cue's next occurrence is looked for past the last, as a
// search cue by cue would.
func nextSecurityCode(base []byte, from int) (start, end int) {
	start, end = -1, -1
	var past [len(securityCues)]int // per cue, where its next occurrence may start
	for k := from; k+1 < len(base); k++ {
		cues := securityFirst[base[k]] & securitySecond[base[k+1]]
		if cues == 0 {
			continue
		}
		if start >= 0 && k >= start {
			break // a code after a cue from here would start after this one
		}
		for ci, c := range securityCues {
			if cues&(1<<ci) == 0 || k < past[ci] || !bytes.HasPrefix(base[k:], []byte(c)) {
				continue
			}
			off := k + len(c)
			past[ci] = off
			if isLetter(c[0]) && k > 0 && isLetter(base[k-1]) {
				continue
			}
			if j, e := securityCodeAt(base, off); e >= 0 && (start < 0 || j < start) {
				start, end = j, e
			}
		}
	}
	return start, end
}

// securityCodeAt reads the code after a cue that ends at off: three or
// four digits, or an expiry date, after at most six spaces, colons, points
// or bytes of other scripts. It returns the code's span, or an end of -1.
func securityCodeAt(base []byte, off int) (start, end int) {
	j := off
	for j < len(base) && j < off+6 && !isDigit(base[j]) && (base[j] == ' ' || base[j] == ':' || base[j] == '.' || base[j] >= 0x80) {
		j++
	}
	n := 0
	for j+n < len(base) && isDigit(base[j+n]) {
		n++
	}
	e := -1
	if n == 3 || n == 4 && (j+n == len(base) || !isDigit(base[j+n])) {
		e = j + n
	}
	if n == 2 && j+n+2 < len(base) && base[j+n] == '/' && isDigit(base[j+n+1]) && isDigit(base[j+n+2]) {
		e = j + n + 3 // an expiry date, 09/28
	}
	return j, e
}

// securityFirst and securitySecond mark, per byte, the cues of
// securityCues (a bit each) whose first and second byte it is.
var securityFirst, securitySecond = func() (first, second [256]uint16) {
	for i, c := range securityCues {
		first[c[0]] |= 1 << i
		second[c[1]] |= 1 << i
	}
	return first, second
}()

var _ [16 - len(securityCues)]struct{} // a bit a cue in uint16
