package policies

import (
	"bytes"
	"slices"
	"unicode/utf8"
)

// money is an amount found in a text, in minor units.
type money struct {
	value    int64
	currency string // "" when the text does not say
}

// Words and signs that make a number a money amount, before or after it.
var (
	currencyPrefixes = []struct{ sign, cur string }{
		{"us$", "USD"}, {"$", "USD"}, {"£", "GBP"}, {"¥", "CNY"}, {"₹", "INR"}, {"€", "EUR"},
		{"usd", "USD"}, {"gbp", "GBP"}, {"rmb", "CNY"}, {"cny", "CNY"}, {"inr", "INR"}, {"rs.", "INR"},
		{"rs", "INR"}, {"eur", "EUR"},
	}
	currencySuffixes = []struct{ word, cur string }{
		{"dollars", "USD"}, {"dollar", "USD"}, {"bucks", "USD"}, {"usd", "USD"}, {"pounds", "GBP"}, {"pound", "GBP"},
		{"quid", "GBP"}, {"gbp", "GBP"}, {"rupees", "INR"}, {"rupee", "INR"}, {"inr", "INR"}, {"yuan", "CNY"},
		{"rmb", "CNY"}, {"cny", "CNY"}, {"euros", "EUR"}, {"euro", "EUR"}, {"块钱", "CNY"}, {"元", "CNY"},
		{"块", "CNY"}, {"圆", "CNY"},
	}
	// Units after a number that make it a count, a duration or a rate.
	countUnits = []string{
		"%", "percent", "per cent", "pct", "days", "day", "weeks", "week", "months", "month", "monthly", "years", "year",
		"hours", "hour", "hrs", "hr", "minutes", "minute", "mins", "min", "seconds", "times", "time", "calls", "call",
		"payments", "payment", "instalments", "instalment", "installments", "installment", "texts", "messages", "am", "pm",
		"a.m", "p.m", "st", "nd", "rd", "th", "x", "people", "options", "steps", "digits", "business days", "working days",
		"天", "日", "个月", "月", "年", "期", "次", "号", "点", "小时", "分钟", "周", "笔", "个", "岁", "人", "位", "条", "倍",
	}
	// Words in the few before a bare number that say it is money, and the
	// small words that may stand between ("pay just 200", "payments of 50").
	moneyCueWords = map[string]bool{
		"pay": true, "paying": true, "paid": true, "payment": true, "payments": true, "owe": true, "owing": true,
		"owed": true, "balance": true, "amount": true, "total": true, "settle": true, "settlement": true, "offer": true,
		"instalments": true, "installments": true, "installment": true, "instalment": true,
	}
	fillerWords = map[string]bool{
		"of": true, "a": true, "an": true, "the": true, "is": true, "be": true, "just": true, "only": true, "now": true,
		"you": true, "your": true, "us": true, "me": true, "we": true, "will": true, "can": true, "could": true, "are": true,
		"it's": true, "of:": true, "is:": true,
	}
	moneyCuesZh = []string{"还", "付", "欠", "金额", "余额", "共", "每月", "每期", "首付", "还款", "支付", "合计", "总计", "应还"}
	// Words just before a number that say it is not money: a reference, a
	// time, a part of a list.
	notMoneyCues = []string{
		"#", "no.", "number", "ending", "ending in", "last four", "last 4", "reference", "ref", "case", "order", "id",
		"account", "acct", "ext", "extension", "room", "option", "step", "page", "line", "version", "code", "pin",
		"call", "dial", "at", "by", "on", "before", "after", "until", "jan", "feb", "mar", "apr", "may", "jun", "jul",
		"aug", "sep", "sept", "oct", "nov", "dec", "january", "february", "march", "april", "june", "july", "august",
		"september", "october", "november", "december", "尾号", "编号", "号码", "第", "电话",
	}
)

// findAmounts calls fn for every money amount in the folded text base; it
// stops early when fn returns false.
func findAmounts(base []byte, fn func(money) bool) {
	for i := 0; i < len(base); {
		c := base[i]
		switch {
		case c == 'h' && isLink(base[i:]):
			// A link's digits (a payment token, a path) are not amounts.
			for i < len(base) && base[i] > ' ' {
				i++
			}
		case isDigit(c) && (i == 0 || !isDigit(base[i-1]) && base[i-1] != '.' && base[i-1] != ','):
			m, ok, next := readNumber(base, i)
			if ok && !fn(m) {
				return
			}
			i = next
		case isLetter(c) && (i == 0 || !isLetter(base[i-1])) && numberWordStart[c]:
			m, ok, next := readWordNumber(base, i)
			if ok && !fn(m) {
				return
			}
			i = next
		case c >= 0x80:
			r, n := utf8.DecodeRune(base[i:])
			if chineseDigit(r) >= 0 && (i == 0 || !isChineseNumeral(lastRune(base[:i]))) {
				m, ok, next := readChineseNumber(base, i)
				if ok && !fn(m) {
					return
				}
				i = next
				continue
			}
			i += n
		default:
			i++
		}
	}
}

// isLink reports whether b starts with an http or https URL.
func isLink(b []byte) bool {
	return bytes.HasPrefix(b, []byte("https://")) || bytes.HasPrefix(b, []byte("http://"))
}

// readNumber reads the number at base[i] with what stands around it and
// reports whether it is money.
func readNumber(base []byte, i int) (money, bool, int) {
	j := i
	var whole, frac int64
	digits, fracDigits := 0, 0
	commas, overflow := false, false
	for j < len(base) {
		c := base[j]
		if isDigit(c) {
			if whole > 1e15 {
				overflow = true
			}
			whole = whole*10 + int64(c-'0')
			digits++
			j++
			continue
		}
		if c == ',' && allDigits(base, j+1, 3) && (j+4 >= len(base) || !isDigit(base[j+4])) {
			commas = true
			j++
			continue
		}
		if c == ',' && allDigits(base, j+1, 2) && j+3 < len(base) && base[j+3] == ',' {
			commas = true
			j++ // Indian grouping, 1,20,000
			continue
		}
		break
	}
	hasFrac := false
	if j+1 < len(base) && base[j] == '.' && isDigit(base[j+1]) {
		k := j + 1
		for k < len(base) && isDigit(base[k]) {
			if fracDigits < 2 {
				frac = frac*10 + int64(base[k]-'0')
			}
			fracDigits++
			k++
		}
		if fracDigits > 2 {
			return money{}, false, k // 1.234: a version or a measure, not money
		}
		if fracDigits == 1 {
			frac *= 10
		}
		hasFrac = true
		j = k
		if j+1 < len(base) && base[j] == '.' && isDigit(base[j+1]) {
			return money{}, false, j // 078.05.1120: an identifier, not money
		}
	}
	rupeeDash := bytes.HasPrefix(base[j:], []byte("/-"))
	next := j
	if overflow {
		return money{}, false, next
	}
	// Joined to letters or to other numbers by signs: an identifier, a date,
	// a time, a telephone number.
	if i > 0 && (isLetter(base[i-1]) && !prefixCurrency(base[:i]) || base[i-1] == '/' || base[i-1] == ':' || base[i-1] == '+' ||
		base[i-1] == '-' && i > 1 && isDigit(base[i-2])) {
		return money{}, false, next
	}
	if j < len(base) && !rupeeDash && (base[j] == '/' || base[j] == ':' || base[j] == '-' && j+1 < len(base) && isDigit(base[j+1])) {
		return money{}, false, next
	}
	m := money{value: whole*100 + frac}
	marked := false
	if cur := prefixCurrencyCode(base[:i]); cur != "" {
		m.currency, marked = cur, true
	}
	if rupeeDash {
		// "12,000/-": the Indian way of writing a rupee amount in full.
		marked = true
		if m.currency == "" {
			m.currency = "INR"
		}
		j += 2
	}
	rest := skipSpace(base, j)
	mult := int64(1)
	switch {
	case hasWord(base, rest, "lakh") || hasWord(base, rest, "lakhs") || hasWord(base, rest, "lac") || hasWord(base, rest, "lacs"):
		mult, marked = 100000, true
	case hasWord(base, rest, "crore") || hasWord(base, rest, "crores") || hasWord(base, rest, "cr"):
		mult, marked = 10000000, true
	case hasWord(base, rest, "k") || hasWord(base, rest, "thousand"):
		mult, marked = 1000, true
	case bytes.HasPrefix(base[rest:], []byte("万")):
		mult, marked = 10000, true
		rest += len("万")
	case bytes.HasPrefix(base[rest:], []byte("千")):
		mult, marked = 1000, true
		rest += len("千")
	case hasWord(base, rest, "million") || hasWord(base, rest, "m") && marked:
		mult, marked = 1000000, true
	}
	if mult != 1 {
		m.value *= mult
		rest = skipSpace(base, skipWord(base, rest))
	}
	for _, s := range currencySuffixes {
		if hasWord(base, rest, s.word) {
			if m.currency == "" {
				m.currency = s.cur
			}
			marked = true
			break
		}
	}
	if !marked {
		if hasWord(base, rest, "of") {
			// "3 of your 12 instalments", "payment 4 of 6": a count.
			k := skipSpace(base, rest+2)
			for _, w := range [...]string{"your", "the", "our"} {
				if hasWord(base, k, w) {
					k = skipSpace(base, k+len(w))
				}
			}
			if k < len(base) && isDigit(base[k]) {
				return money{}, false, next
			}
		}
		if rest < len(base) && (isLetter(base[rest]) || base[rest] == '%' || base[rest] == '.' || base[rest] >= 0x80) {
			for _, u := range countUnits {
				if hasWord(base, rest, u) {
					return money{}, false, next
				}
			}
		}
		if digits >= 7 && !commas && !hasFrac {
			return money{}, false, next // an identifier or a telephone number
		}
		prev := prevWord(base, i)
		if digits == 4 && !commas && !hasFrac && whole >= 1900 && whole <= 2100 && !moneyCueWords[string(prev)] && !slices.Contains(moneyCuesZh, string(prev)) {
			return money{}, false, next // a year, unless money is named just before ("pay 2000", "还2000")
		}
		for _, w := range notMoneyCues {
			if string(prev) == w {
				return money{}, false, next
			}
		}
		if !commas && !hasFrac && !cueBefore(base, i) {
			return money{}, false, next // a plain count
		}
	}
	return m, true, next
}

// hasPrefixAt reports whether b[i:] starts with w, without converting w.
func hasPrefixAt(b []byte, i int, w string) bool {
	if len(b)-i < len(w) {
		return false
	}
	for k := 0; k < len(w); k++ {
		if b[i+k] != w[k] {
			return false
		}
	}
	return true
}

func allDigits(b []byte, i, n int) bool {
	if i+n > len(b) {
		return false
	}
	for k := i; k < i+n; k++ {
		if !isDigit(b[k]) {
			return false
		}
	}
	return true
}

func skipSpace(b []byte, i int) int {
	for i < len(b) && b[i] == ' ' {
		i++
	}
	return i
}

func skipWord(b []byte, i int) int {
	for i < len(b) && isLetter(b[i]) {
		i++
	}
	return i
}

// hasWord reports whether b[i:] starts with w as a whole word.
func hasWord(b []byte, i int, w string) bool {
	if !hasPrefixAt(b, i, w) {
		return false
	}
	e := i + len(w)
	return !isLetter(w[len(w)-1]) || e == len(b) || !isLetter(b[e])
}

// prefixCurrency reports whether b ends with a currency sign or code.
func prefixCurrency(b []byte) bool { return prefixCurrencyCode(b) != "" }

func prefixCurrencyCode(b []byte) string {
	b = bytes.TrimRight(b, " ")
	for _, p := range currencyPrefixes {
		s := len(b) - len(p.sign)
		if s >= 0 && hasPrefixAt(b, s, p.sign) {
			if isLetter(p.sign[0]) && s > 0 && isLetter(b[s-1]) {
				continue // "hours" is not "rs"
			}
			return p.cur
		}
	}
	return ""
}

// prevWord returns the word (or sign) just before b[i], skipping spaces.
func prevWord(b []byte, i int) []byte {
	e := i
	for e > 0 && b[e-1] == ' ' {
		e--
	}
	s := e
	if s > 0 && b[s-1] >= 0x80 {
		// Chinese: the two characters before, enough for the cues.
		for k := 0; k < 2 && s > 0 && b[s-1] >= 0x80; k++ {
			_, n := utf8.DecodeLastRune(b[:s])
			s -= n
		}
		for k := s; k < e; {
			_, n := utf8.DecodeRune(b[k:e])
			if string(b[k:e]) == "尾号" || string(b[k:e]) == "编号" || string(b[k:e]) == "号码" || string(b[k:e]) == "电话" {
				return b[k:e]
			}
			k += n
		}
		_, n := utf8.DecodeLastRune(b[:e])
		return b[e-n : e]
	}
	for s > 0 && (isLetter(b[s-1]) || b[s-1] == '.' || b[s-1] == '#') {
		s--
	}
	return b[s:e]
}

// cueBefore reports whether a money cue stands in the few words before
// b[i]: an English cue word, maybe behind small words, or a Chinese cue.
func cueBefore(b []byte, i int) bool {
	e := i
	for words := 0; words < 4; words++ {
		for e > 0 && (b[e-1] == ' ' || b[e-1] == ':' || b[e-1] == ',') {
			e--
		}
		if e > 0 && b[e-1] >= 0x80 {
			win := b[max(0, e-9):e]
			for _, c := range moneyCuesZh {
				if bytes.HasSuffix(win, []byte(c)) {
					return true
				}
			}
			return false
		}
		s := e
		for s > 0 && (isLetter(b[s-1]) || b[s-1] == '\'') {
			s--
		}
		if s == e {
			return false
		}
		w := b[s:e]
		if moneyCueWords[string(w)] {
			return true
		}
		if !fillerWords[string(w)] {
			return false
		}
		e = s
	}
	return false
}

func lastRune(b []byte) rune {
	r, _ := utf8.DecodeLastRune(b)
	return r
}

func chineseDigit(r rune) int {
	switch r {
	case '零', '〇':
		return 0
	case '一', '壹':
		return 1
	case '二', '两', '贰': // financial numerals (大写) too
		return 2
	case '三', '叁', '参':
		return 3
	case '四', '肆':
		return 4
	case '五', '伍':
		return 5
	case '六', '陆':
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

func chineseUnit(r rune) int64 {
	switch r {
	case '十', '拾':
		return 10
	case '百', '佰':
		return 100
	case '千', '仟':
		return 1000
	case '万':
		return 10000
	case '亿':
		return 100000000
	}
	return 0
}

func isChineseNumeral(r rune) bool { return chineseDigit(r) >= 0 || chineseUnit(r) > 0 }

// readChineseNumber reads a number in Chinese numerals ("一千二百", "两万",
// colloquial "一千二") and reports it as money when 元, 块 or 圆 follows.
func readChineseNumber(base []byte, i int) (money, bool, int) {
	var total, section, num, lastUnit int64
	j := i
	for j < len(base) {
		r, n := utf8.DecodeRune(base[j:])
		if d := chineseDigit(r); d >= 0 {
			num = int64(d)
			if r == '零' || r == '〇' {
				lastUnit = 0
			}
		} else if u := chineseUnit(r); u > 0 {
			switch {
			case u >= 10000:
				total = (total + section + num) * u
				section, num = 0, 0
			default:
				if num == 0 && u == 10 {
					num = 1 // 十二 = 12
				}
				section += num * u
				num = 0
			}
			lastUnit = u
		} else {
			break
		}
		if total > 1e13 {
			return money{}, false, j + n
		}
		j += n
	}
	if num != 0 && lastUnit >= 100 {
		num *= lastUnit / 10 // 一千二 = 1200, 一万二 = 12000
	}
	v := total + section + num
	for _, s := range []string{"块钱", "元", "块", "圆"} {
		if bytes.HasPrefix(base[j:], []byte(s)) {
			return money{value: v * 100, currency: "CNY"}, true, j
		}
	}
	return money{}, false, j
}

// Number words: readWordNumber reads "nine hundred and fifty", "twelve
// thousand", "one thousand five hundred" and reports it as money when a
// currency word follows ("... dollars", "... pounds", "... rupees").
var (
	smallNumbers = map[string]int64{
		"zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
		"ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
		"seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
		"sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
	}
	scaleWords = map[string]int64{"hundred": 100, "thousand": 1000, "lakh": 100000, "million": 1000000, "crore": 10000000}
	// numberWordStart marks the first letters of the number words, so most
	// words are passed over without a lookup.
	numberWordStart = [256]bool{'z': true, 'o': true, 't': true, 'f': true, 's': true, 'e': true, 'n': true}
)

func readWordNumber(base []byte, i int) (money, bool, int) {
	var total, cur int64
	words := 0
	j, end := i, i
	for j < len(base) {
		k := j
		for k < len(base) && isLetter(base[k]) {
			k++
		}
		w := base[j:k]
		if v, ok := smallNumbers[string(w)]; ok {
			cur += v
		} else if sc, ok := scaleWords[string(w)]; ok && words > 0 {
			if sc == 100 {
				cur *= sc
			} else {
				total += cur * sc
				cur = 0
			}
		} else if string(w) == "and" && words > 0 {
			// "nine hundred and fifty"
		} else {
			break
		}
		words++
		end = k
		j = k
		if j < len(base) && (base[j] == ' ' || base[j] == '-') && j+1 < len(base) && isLetter(base[j+1]) {
			j++
			continue
		}
		break
	}
	if words == 0 {
		return money{}, false, skipWord(base, i)
	}
	v := total + cur
	rest := skipSpace(base, end)
	for _, s := range currencySuffixes {
		if s.word[0] < 0x80 && hasWord(base, rest, s.word) {
			return money{value: v * 100, currency: s.cur}, true, end
		}
	}
	return money{}, false, end
}
