package rules

import (
	"strings"
)

// English number words and their values.
var (
	enUnits = map[string]int64{
		"zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
		"ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
		"seventeen": 17, "eighteen": 18, "nineteen": 19,
	}
	enTens = map[string]int64{
		"twenty": 20, "thirty": 30, "forty": 40, "fourty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
	}
	enScales   = map[string]int64{"hundred": 100, "thousand": 1000, "grand": 1000, "million": 1000000}
	enOrdinals = map[string]int{
		"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8, "ninth": 9,
		"tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14, "fifteenth": 15, "sixteenth": 16,
		"seventeenth": 17, "eighteenth": 18, "nineteenth": 19, "twentieth": 20, "thirtieth": 30,
	}
)

// hanDigits maps Chinese numeral characters to their digit values.
var hanDigits = map[string]int64{
	"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "俩": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9,
}

var hanScales = map[string]int64{"十": 10, "百": 100, "千": 1000, "万": 10000, "亿": 100000000}

func isHanNumeral(t token) bool {
	if t.kind != tHan {
		return false
	}
	_, d := hanDigits[t.text]
	_, s := hanScales[t.text]
	return d || s
}

// parseDigits reads "1,200.50" or "150" as hundredths. ok is false for
// anything else, including more than two decimals.
func parseDigits(s string) (int64, bool) {
	whole, frac, hasFrac := strings.Cut(s, ".")
	if strings.ContainsAny(frac, ".,") || (hasFrac && (len(frac) == 0 || len(frac) > 2)) {
		return 0, false
	}
	if strings.Contains(whole, ",") {
		groups := strings.Split(whole, ",")
		if len(groups[0]) == 0 || len(groups[0]) > 3 {
			return 0, false
		}
		for _, g := range groups[1:] {
			if len(g) != 3 {
				return 0, false
			}
		}
		whole = strings.ReplaceAll(whole, ",", "")
	}
	if len(whole) == 0 || len(whole) > 12 {
		return 0, false
	}
	var v int64
	for _, c := range whole {
		if c < '0' || c > '9' {
			return 0, false
		}
		v = v*10 + int64(c-'0')
	}
	v *= 100
	if hasFrac {
		f := int64(frac[0]-'0') * 10
		if len(frac) == 2 {
			f += int64(frac[1] - '0')
		}
		v += f
	}
	return v, true
}

// parseDecimal reads a decimal such as "1.2" as thousandths, so that a
// multiplier ("k", "万") can scale it without floats.
func parseDecimal(s string) (int64, bool) {
	if strings.Contains(s, ",") {
		v, ok := parseDigits(s)
		return v * 10, ok
	}
	whole, frac, _ := strings.Cut(s, ".")
	if len(frac) > 3 || len(whole) == 0 || len(whole) > 12 {
		return 0, false
	}
	for len(frac) < 3 {
		frac += "0"
	}
	var v int64
	for _, c := range whole + frac {
		if c < '0' || c > '9' {
			return 0, false
		}
		v = v*10 + int64(c-'0')
	}
	return v, true
}

// readEnglishNumber reads number words starting at toks[i], such as
// "a hundred and fifty", "fifteen hundred", "two fifty" or "twelve". It
// returns the value, the index after the last word used, and ok.
func readEnglishNumber(toks []token, i int) (int64, int, bool) {
	var total, cur int64
	j := i
	seen := 0
	lastWasUnit, lastWasTens := false, false
	hadScale := false
	var parts []int64 // for "two fifty": unit then tens without a scale
	for j < len(toks) {
		t := toks[j]
		if t.kind == tPunct && t.text == "-" && seen > 0 && j+1 < len(toks) {
			if _, ok := enUnits[toks[j+1].text]; ok {
				j++
				continue
			}
		}
		if t.kind != tWord {
			break
		}
		w := t.text
		if w == "a" && seen == 0 && j+1 < len(toks) {
			if s, ok := enScales[toks[j+1].text]; ok && s >= 100 {
				cur = 1
				seen++
				j++
				lastWasUnit = true
				continue
			}
			break
		}
		if w == "and" && seen > 0 && hadScale && j+1 < len(toks) {
			_, u := enUnits[toks[j+1].text]
			_, te := enTens[toks[j+1].text]
			if u || te {
				j++
				continue
			}
			break
		}
		if v, ok := enUnits[w]; ok {
			if lastWasUnit {
				break
			}
			if lastWasTens && v >= 10 {
				break
			}
			if lastWasTens {
				cur += v
				parts = append(parts, v)
			} else {
				if !hadScale && cur > 0 {
					break
				}
				cur += v
				parts = append(parts, v)
			}
			lastWasUnit, lastWasTens = true, false
			seen++
			j++
			continue
		}
		if v, ok := enTens[w]; ok {
			if lastWasTens {
				break
			}
			if lastWasUnit && !hadScale && cur < 10 && cur > 0 && len(parts) == 1 {
				// "two fifty": hundreds said without the word.
				cur = cur*100 + v
				parts = append(parts, v)
				lastWasUnit, lastWasTens = false, true
				hadScale = true
				seen++
				j++
				continue
			}
			if lastWasUnit && cur%100 != 0 {
				break
			}
			cur += v
			parts = append(parts, v)
			lastWasUnit, lastWasTens = false, true
			seen++
			j++
			continue
		}
		if s, ok := enScales[w]; ok && seen > 0 {
			if cur > 1e9 || total > 1e12 {
				break // "hundred hundred hundred": not a number anyone says
			}
			if cur == 0 {
				cur = 1
			}
			if s >= 1000 {
				total += cur * s
				cur = 0
			} else {
				cur *= s
			}
			hadScale = true
			lastWasUnit, lastWasTens = false, false
			seen++
			j++
			continue
		}
		break
	}
	if seen == 0 {
		return 0, i, false
	}
	return total + cur, j, true
}

// readHanNumber reads a Chinese numeral at toks[i]: 一千二百, 一千二 (1200),
// 三百五 (350), 两万五 (25000), 十五. It returns the value, the index after
// it, and ok.
func readHanNumber(toks []token, i int) (int64, int, bool) {
	j := i
	var digits []string
	for j < len(toks) && isHanNumeral(toks[j]) && (j == i || toks[j].start == toks[j-1].end) {
		digits = append(digits, toks[j].text)
		j++
	}
	if len(digits) == 0 {
		return 0, i, false
	}
	v, ok := hanValue(digits)
	return v, j, ok
}

func hanValue(chars []string) (int64, bool) {
	var total, section, digit int64
	lastScale := int64(0)
	hasDigit, zero := false, false
	allDigits := true
	for _, c := range chars {
		if _, ok := hanDigits[c]; !ok {
			allDigits = false
		}
	}
	if allDigits && len(chars) > 1 {
		// 二零二六: digits read one by one.
		var v int64
		for _, c := range chars {
			v = v*10 + hanDigits[c]
		}
		return v, true
	}
	for _, c := range chars {
		if d, ok := hanDigits[c]; ok {
			digit = d
			hasDigit = true
			zero = zero || d == 0
			continue
		}
		s := hanScales[c]
		if total > 1e12 || section > 1e12 {
			return 0, false // 万万万万: no amount anyone says
		}
		switch {
		case s >= 10000:
			section += digit
			if section == 0 {
				section = 1
			}
			total = (total + section) * s
			section, digit, hasDigit, zero = 0, 0, false, false
			lastScale = s
		default:
			if !hasDigit {
				digit = 1
			}
			section += digit * s
			digit, hasDigit, zero = 0, false, false
			lastScale = s
		}
	}
	if hasDigit {
		// 一千二 is 1200 and 三百五 is 350: a trailing digit counts in the
		// unit below the last scale.
		if lastScale >= 100 && !zero {
			digit *= lastScale / 10
		}
		section += digit
	}
	return total + section, true
}
