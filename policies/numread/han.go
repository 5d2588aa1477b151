package numread

// hanDigit returns the value of a Chinese digit, the financial (大写) and
// traditional forms included, or -1.
func hanDigit(r rune) int {
	switch r {
	case '零', '〇':
		return 0
	case '一', '壹':
		return 1
	case '二', '两', '兩', '贰', '貳', '俩', '倆':
		return 2
	case '三', '叁', '參', '参', '叄':
		return 3
	case '四', '肆':
		return 4
	case '五', '伍':
		return 5
	case '六', '陆', '陸':
		return 6
	case '七', '柒':
		return 7
	case '八', '捌':
		return 8
	case '九', '玖':
		return 9
	}
	return -1
}

// hanUnit returns the value of a Chinese unit (十 百 千 万 亿, and their
// financial and traditional forms), or 0.
func hanUnit(r rune) int64 {
	switch r {
	case '十', '拾':
		return 10
	case '百', '佰':
		return 100
	case '千', '仟':
		return 1000
	case '万', '萬':
		return 10_000
	case '亿', '億':
		return 100_000_000
	}
	return 0
}

// hanStart reports whether a Chinese numeral may start at r: a digit or
// 十 (十五). A numeral starting with 百, 千 or 万 is an idiom (千万, 万一).
func hanStart(r rune) bool { return hanDigit(r) >= 0 || r == '十' || r == '拾' }

// hanNumeral reports whether r is a Chinese digit or unit.
func hanNumeral(r rune) bool { return hanDigit(r) >= 0 || hanUnit(r) > 0 }

// IsHanNumeral reports whether r is a Chinese digit or unit, financial and
// traditional forms included.
func IsHanNumeral(r rune) bool { return hanNumeral(r) }

// hanElem is one digit or unit of a Chinese numeral.
type hanElem struct {
	digit int64 // a digit, or the value of digits written before a unit (2万)
	unit  int64 // a unit, or 0 for a digit
	zero  bool  // the digit 零 or 〇
}

// maxHan is the most characters one Chinese numeral is read from.
const maxHan = 32

// readHan reads a Chinese numeral starting at b[start]. Its characters
// start at b[at]; first, when not nil, is a number written in digits
// just before them (2万5千: first is 2).
func readHan(b []byte, start, at int, first *Number) (Number, bool) {
	n := Number{Start: start, End: at, Form: Han}
	var elems [maxHan]hanElem
	ne := 0
	if first != nil {
		elems[0] = hanElem{digit: first.mant}
		ne = 1
	}
	j := at
	for j < len(b) {
		if ne == maxHan {
			// No amount anyone says: read past the run, report nothing.
			for j < len(b) {
				r, sz := decode(b, j)
				if !hanNumeral(r) {
					break
				}
				j += sz
			}
			n.End = j
			return n, false
		}
		r, sz := decode(b, j)
		if d := hanDigit(r); d >= 0 {
			elems[ne] = hanElem{digit: int64(d), zero: d == 0}
		} else if u := hanUnit(r); u > 0 {
			elems[ne] = hanElem{unit: u}
		} else if d := Digit(r); d >= 0 && ne > 0 && elems[ne-1].unit > 0 {
			// Digits between units: 2万5千, 3千5.
			k, v := j, int64(0)
			for {
				d, dsz := digitAt(b, k)
				if d < 0 || v > 1e12 {
					break
				}
				v = v*10 + int64(d)
				k += dsz
			}
			if s, _ := sepAt(b, k); s != 0 {
				if d, _ := digitAt(b, k+1); d >= 0 {
					break // 2万1.5: not one numeral
				}
			}
			elems[ne] = hanElem{digit: v}
			ne++
			j = k
			continue
		} else {
			break
		}
		ne++
		j += sz
	}
	n.End = j
	v, positional, ok := hanValue(elems[:ne], first != nil)
	if !ok {
		return n, false
	}
	if positional {
		n.Positional = true
		if len(v.big) > 0 {
			n.big = v.big
			return n, true
		}
	}
	n.mant = v.mant
	return n, true
}

// hanValue computes a numeral's value. Chinese digits alone, two or more,
// are read one by one (二〇二六 is 2026). A digit after the last unit
// counts in the unit below it unless a zero came between: 一千二 is 1200,
// 三百五 is 350, 两万五 is 25000, 一千零二 is 1002.
func hanValue(elems []hanElem, digitsFirst bool) (Number, bool, bool) {
	if len(elems) == 0 {
		return Number{}, false, false
	}
	allDigits := !digitsFirst
	for _, e := range elems {
		if e.unit > 0 {
			allDigits = false
		}
	}
	if allDigits && len(elems) > 1 {
		if len(elems) > maxDigits {
			d := make([]byte, len(elems))
			for i, e := range elems {
				d[i] = byte('0' + e.digit)
			}
			return Number{big: canonicalDigits(string(d), 0)}, true, true
		}
		var v int64
		for _, e := range elems {
			v = v*10 + e.digit
		}
		return Number{mant: v}, true, true
	}
	var total, section, digit, lastUnit, lastBig int64
	hasDigit, zero := false, false
	const limit = 1e15
	for _, e := range elems {
		if e.unit == 0 {
			digit, hasDigit = e.digit, true
			zero = zero || e.zero
			continue
		}
		if total > limit || section > limit || digit > limit {
			return Number{}, false, false
		}
		if e.unit >= 10_000 {
			sec := section + digit
			if sec == 0 && total == 0 {
				sec = 1 // 万 alone
			}
			if lastBig == 0 || e.unit > lastBig {
				total = (total + sec) * e.unit // 一万亿: the unit applies to all before it
			} else {
				total += sec * e.unit // 一亿二千万
			}
			section, lastBig = 0, e.unit
		} else {
			if !hasDigit {
				digit = 1 // 十五 is fifteen
			}
			section += digit * e.unit
		}
		digit, hasDigit, zero = 0, false, false
		lastUnit = e.unit
	}
	if hasDigit {
		if lastUnit >= 100 && !zero && digit < 10 {
			digit *= lastUnit / 10
		}
		section += digit
	}
	if total > limit || section > limit {
		return Number{}, false, false
	}
	return Number{mant: total + section}, false, true
}
