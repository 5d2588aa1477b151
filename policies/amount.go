package policies

import (
	"bytes"
	"slices"
	"unicode/utf8"

	"github.com/parley-collections/parley/policies/numread"
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
	// Words after a bare number of one or two digits that make it what is
	// left of a count.
	countRemainders = []string{"to go", "more to go", "remaining", "left"}
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
		case isLetter(c) && (i == 0 || !isLetter(base[i-1])):
			if !numread.WordMayStart(base, i) || !numread.Starts(base, i) {
				i = skipWord(base, i)
				continue
			}
			m, ok, next := readWordNumber(base, i)
			if ok && !fn(m) {
				return
			}
			i = next
		case c >= 0x80:
			r, n := decodeAt(base, i)
			if numread.IsHanNumeral(r) && (i == 0 || !numread.IsHanNumeral(lastRune(base[:i]))) {
				m, ok, next := readChineseNumber(base, i)
				if ok && !fn(m) {
					return
				}
				i = max(next, i+n)
				continue
			}
			i += n
		default:
			i++
		}
	}
}

// decodeAt is utf8.DecodeRune(b[i:]) for a rune that is not ASCII, a
// rune of three bytes (a Chinese character) read in line.
func decodeAt(b []byte, i int) (rune, int) {
	if i+2 < len(b) && b[i]&0xF0 == 0xE0 && b[i+1]&0xC0 == 0x80 && b[i+2]&0xC0 == 0x80 {
		r := rune(b[i]&0x0F)<<12 | rune(b[i+1]&0x3F)<<6 | rune(b[i+2]&0x3F)
		if r >= 0x800 && (r < 0xD800 || r > 0xDFFF) { // neither overlong nor a surrogate
			return r, 3
		}
	}
	return utf8.DecodeRune(b[i:])
}

// isLink reports whether b starts with an http or https URL.
func isLink(b []byte) bool {
	return bytes.HasPrefix(b, []byte("https://")) || bytes.HasPrefix(b, []byte("http://"))
}

// readNumber reads the number at base[i] with what stands around it and
// reports whether it is money.
func readNumber(base []byte, i int) (money, bool, int) {
	n, ok := numread.Read(base, i)
	next := max(n.End, i+1)
	value, whole := n.Hundredths()
	if !ok || !whole {
		return money{}, false, next // 1.234: a version or a measure, not money
	}
	j := n.End
	if n.Mult == 0 {
		if s := base[j:]; len(s) > 1 && (s[0] == '.' || s[0] == ',') && isDigit(s[1]) {
			return money{}, false, next // 078.05.1120, 1,2345: an identifier, not money
		}
	}
	rupeeDash := bytes.HasPrefix(base[j:], []byte("/-"))
	// Joined to letters or to other numbers by signs: an identifier, a date,
	// a time, a telephone number.
	if i > 0 && (isLetter(base[i-1]) && !prefixCurrency(base[:i]) || base[i-1] == '/' || base[i-1] == ':' || base[i-1] == '+' ||
		base[i-1] == '-' && i > 1 && isDigit(base[i-2])) {
		return money{}, false, next
	}
	if j < len(base) && !rupeeDash && (base[j] == '/' || base[j] == ':' || base[j] == '-' && j+1 < len(base) && isDigit(base[j+1])) {
		return money{}, false, next
	}
	m := money{value: value}
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
	if n.Mult != 0 {
		marked = true // 1.5k, 1.2 lakh, 1.2万
	}
	rest := skipSpace(base, j)
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
		digits, commas, hasFrac := n.IntDigits, n.Grouped, n.Point
		if digits <= 2 && !commas && !hasFrac && rest < len(base) && isLetter(base[rest]) {
			// "8 to go", "4 remaining", "3 left": what is left of a count
			// of instalments, too small to be a balance left to pay.
			for _, w := range countRemainders {
				if hasWord(base, rest, w) {
					return money{}, false, next
				}
			}
		}
		if digits >= 7 && !commas && !hasFrac {
			return money{}, false, next // an identifier or a telephone number
		}
		prev := prevWord(base, i)
		if year, _ := n.Int(); digits == 4 && !commas && !hasFrac && year >= 1900 && year <= 2100 && !moneyCueWords[string(prev)] && !slices.Contains(moneyCuesZh, string(prev)) {
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

// readChineseNumber reads a number in Chinese numerals ("一千二百", "两万",
// colloquial "一千二", financial "壹仟贰佰") and reports it as money when 元,
// 块 or 圆 follows.
func readChineseNumber(base []byte, i int) (money, bool, int) {
	n, ok := numread.Read(base, i)
	v, whole := n.Hundredths()
	if !ok || !whole {
		return money{}, false, n.End
	}
	for _, s := range []string{"块钱", "元", "块", "圆"} {
		if bytes.HasPrefix(base[n.End:], []byte(s)) {
			return money{value: v, currency: "CNY"}, true, n.End
		}
	}
	return money{}, false, n.End
}

// readWordNumber reads number words ("nine hundred and fifty", "twelve
// thousand", "a hundred and fifty") and reports them as money when a
// currency word follows ("... dollars", "... pounds", "... rupees").
func readWordNumber(base []byte, i int) (money, bool, int) {
	n, ok := numread.Read(base, i)
	end := max(n.End, skipWord(base, i))
	v, whole := n.Hundredths()
	if !ok || !whole {
		return money{}, false, end
	}
	rest := skipSpace(base, n.End)
	for _, s := range currencySuffixes {
		if s.word[0] < 0x80 && hasWord(base, rest, s.word) {
			return money{value: v, currency: s.cur}, true, n.End
		}
	}
	return money{}, false, end
}
