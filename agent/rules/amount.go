package rules

import (
	"strings"
	"time"

	"github.com/parley-collections/parley/agent"
	"github.com/parley-collections/parley/policies/numread"
)

// numKind is what a number in a message turned out to be.
type numKind uint8

const (
	numOther  numKind = iota // an age, a day count, a year, a code: nothing to report
	numAmount                // money
	numCount                 // a number of installments
)

// numMention is one number in a message with its reading.
type numMention struct {
	kind       numKind
	hundredths int64 // the value in hundredths of a unit
	first, end int   // span in the token sequence
	strong     bool  // a currency sign or word, or a frequency, says it is money
	stated     bool  // said of the debt ("I owe 1200") or of the past ("I paid 200"), not offered
	payNear    bool  // a paying verb comes just before it
	freq       agent.Frequency
}

var currencyAfter = map[string]bool{
	"dollars": true, "dollar": true, "bucks": true, "buck": true, "usd": true, "pounds": true, "pound": true,
	"quid": true, "gbp": true, "euros": true, "euro": true, "eur": true, "rupees": true, "rupee": true, "rs": true,
	"inr": true, "yuan": true, "rmb": true, "cny": true, "kuai": true, "元": true, "块": true, "圆": true, "刀": true,
}

// hanCurrencies are currency names of more than one character; the first
// character alone (人, 美) means something else.
var hanCurrencies = []string{"人民币", "美元", "美金", "英镑", "卢比", "块钱", "欧元"}

// currencyAt reports whether a currency word starts at seq[i], and where it ends.
func currencyAt(seq []token, i int) (int, bool) {
	for _, c := range hanCurrencies {
		if e, ok := hanAt(seq, i, c); ok {
			return e, true
		}
	}
	if currencyAfter[tokText(seq, i)] {
		return i + 1, true
	}
	return i, false
}

var currencyBefore = map[string]bool{
	"$": true, "£": true, "¥": true, "€": true, "₹": true, "rs": true, "inr": true, "usd": true, "rmb": true,
	"cny": true, "gbp": true, "eur": true, "us": true,
}

// notMoneyAfter are units that make a number something other than money.
var notMoneyAfter = map[string]bool{
	"days": true, "day": true, "years": true, "year": true, "yrs": true, "hours": true, "hrs": true, "hour": true,
	"minutes": true, "mins": true, "min": true, "seconds": true, "am": true, "pm": true, "o'clock": true, "%": true,
	"percent": true, "kids": true, "children": true, "child": true, "people": true, "times": true, "time": true,
	"st": true, "nd": true, "rd": true, "th": true, "weeks": true, "week": true, "months": true, "month": true,
	"天": true, "年": true, "岁": true, "小": true, "分": true, "次": true, "个": true, "号": true, "日": true, "月": true,
	"周": true, "星": true, "礼": true, "点": true, "位": true, "口": true, "倍": true, "折": true, "成": true,
	"人": true, "名": true, "家": true, "张": true, "件": true, "楼": true, "层": true,
	"jobs": true, "job": true, "accounts": true, "account": true, "cards": true, "card": true, "calls": true, "texts": true,
	"messages": true, "letters": true,
}

// notMoneyBefore are words that make the next number a code, an id, a
// year or an ordinal rather than money.
var notMoneyBefore = map[string]bool{
	"zip": true, "zipcode": true, "postcode": true, "code": true, "pin": true, "ssn": true, "last": true, "four": true,
	"digits": true, "ending": true, "ends": true, "born": true, "birth": true, "year": true, "age": true, "aged": true,
	"number": true, "phone": true, "account": true, "id": true, "chapter": true, "option": true, "opt": true, "plan": true, "#": true,
	"no": true, "room": true, "apt": true, "apartment": true, "unit": true, "suite": true, "since": true, "in": true,
	"邮": true, "编": true, "证": true, "号": true, "码": true, "位": true, "第": true, "选": true, "案": true, "尾": true,
	"reference": true, "ref": true, "case": true, "page": true, "step": true, "route": true, "level": true,
}

// payWords before a number are evidence that it is money.
var payWords = map[string]bool{
	"pay": true, "paying": true, "payment": true, "payments": true, "send": true, "sending": true, "transfer": true,
	"deposit": true, "settle": true, "settling": true, "afford": true, "manage": true, "offer": true, "repay": true,
	"put": true, "give": true, "do": true, "cover": true, "spare": true, "budget": true, "about": true, "around": true,
	"maybe": true, "only": true, "just": true, "roughly": true, "approximately": true, "upto": true, "max": true,
	"maximum": true, "least": true, "most": true, "like": true, "for": true, "installments": true, "instalments": true,
	"installment": true, "instalment": true, "find": true, "scrape": true, "raise": true, "sum": true, "together": true,
	"take": true, "accept": true, "make": true,
	"还": true, "付": true, "交": true, "给": true, "转": true, "出": true, "凑": true, "打": true, "存": true,
	"拿": true, "先": true, "能": true, "供": true, "月": true, "周": true, "期": true, "次": true,
}

// notProposalWords before a number make it a statement about the debt, not an offer.
var notProposalWords = map[string]bool{
	"balance": true, "owe": true, "owed": true, "total": true, "paid": true, "sent": true, "already": true,
	"欠": true, "共": true, "了": true,
}

func tokText(seq []token, i int) string {
	if i >= 0 && i < len(seq) {
		return seq[i].text
	}
	return ""
}

// readNumber reads a number at seq[i]: digits (with k, 万 or 千 after),
// English number words, or Chinese numerals. It returns the value in
// hundredths, the end of its span, whether a multiplier was used, and ok.
func readNumber(seq []token, i int) (int64, int, bool, bool) {
	t := seq[i]
	switch t.kind {
	case tNum:
		if strings.ContainsAny(t.text, "/-:") {
			return 0, i, false, false
		}
	case tWord:
	case tHan:
		if !isHanNumeral(t) {
			return 0, i, false, false
		}
	default:
		return 0, i, false, false
	}
	n, end, ok := readSeq(seq, i)
	v, whole := n.Hundredths()
	if !ok || !whole {
		return 0, i, false, false
	}
	switch n.Form {
	case numread.Words:
		if (t.text == "one" || t.text == "a") && end == i+1 {
			return 0, i, false, false // "one" alone is a pronoun more often than money
		}
		return v, end, false, v < 1e12
	case numread.Han:
		return v, end, v >= 1_000_000, v < 1e12
	}
	return v, end, n.Mult != 0, v < 1e14
}

// scanNumbers reads every number not already used and decides whether it
// is money, a count of installments, or neither. askedAmount says the agent
// just asked how much the borrower can pay.
func scanNumbers(seq []token, used []bool, askedAmount bool) []numMention {
	var out []numMention
	content := 0
	for i, t := range seq {
		if !used[i] && t.text != boundary && (t.kind == tWord || t.kind == tHan || t.kind == tNum) {
			content++
		}
	}
	for i := 0; i < len(seq); i++ {
		if used[i] {
			continue
		}
		v, end, mult, ok := readNumber(seq, i)
		if !ok || end <= i {
			continue
		}
		for k := i; k < end; k++ {
			if used[k] {
				ok = false
			}
		}
		if !ok {
			continue
		}
		m := classify(seq, i, end, v, mult, askedAmount && content <= 5)
		out = append(out, m)
		i = end - 1
	}
	return out
}

// approxWord hedges a count of months or weeks: "over about six months".
var approxWord = map[string]bool{"about": true, "around": true, "roughly": true, "approximately": true, "maybe": true, "like": true, "say": true}

func classify(seq []token, first, end int, v int64, mult, bare bool) numMention {
	m := numMention{hundredths: v, first: first, end: end}
	if v <= 0 {
		return m
	}
	prev, prev2 := tokText(seq, first-1), tokText(seq, first-2)
	after := tokText(seq, end)
	curEnd, curAfter := currencyAt(seq, end)
	if end == first+1 && seq[first].kind == tHan && end < len(seq) && seq[end].kind == tHan && !curAfter &&
		!notMoneyAfter[after] && after != "期" && after != "笔" && prev != "分" {
		// 一下, 一起, 三人: a lone numeral character inside a word
		return m
	}
	raw := seq[first].text
	isDigits := seq[first].kind == tNum

	// A currency next to the number decides first.
	if curAfter || currencyBefore[prev] || (prev2 == "$" && prev == "us") {
		m.kind, m.strong = numAmount, true
		m.end = curEnd
		m.freq = freqAfter(seq, m.end)
		if m.freq == "" {
			m.freq = freqBefore(seq, first)
		}
		m.stated = statedBefore(seq, first) && (m.freq == "" || incomeBefore(seq, first))
		return m
	}
	n := v / 100
	switch after {
	case "payments", "payment", "installments", "installment", "instalments", "instalment", "期", "笔", "parts", "goes", "chunks":
		if n >= 1 && n <= 120 {
			m.kind, m.end = numCount, end+1
		}
		return m
	case "monthly", "weekly", "biweekly", "fortnightly":
		if p := tokText(seq, end+1); p == "payments" || p == "installments" || p == "instalments" {
			m.kind, m.end, m.freq = numCount, end+2, freqWord(after)
			return m
		}
	case "months", "month", "weeks", "week", "个":
		if p := tokText(seq, end+1); (after == "month" || after == "week") && (p == "ka" || p == "ke" || p == "ki") {
			// "3000 mahine ka": 3000 a month, in Hindi in Latin letters
			m.kind, m.strong, m.end, m.freq = numAmount, true, end+2, freqWord(after+"ly")
			return m
		}
		unit := after
		k := end + 1
		if after == "个" {
			unit = tokText(seq, end+1)
			k = end + 2
		}
		over := prev
		if approxWord[prev] {
			// "over about six months", "in roughly 10 weeks"
			over = prev2
		}
		// "can we do 5 months", "something like 7 months": a term asked for
		countish := over == "over" || over == "for" || over == "in" || over == "within" || over == "across" || over == "do" || over == "something" ||
			prev == "分" || prev == "分成" ||
			prev == "成" || strings.HasPrefix(tokText(seq, k), "还") || tokText(seq, k) == "payments" ||
			// "6 mahine mein": in six months, in Hindi in Latin letters
			tokText(seq, k) == "mein" || tokText(seq, k) == "me" || tokText(seq, k) == "mai" || tokText(seq, k) == "main" ||
			// "4 months wala" (read as "4 months one"): the plan of four months
			tokText(seq, k) == "one"
		if n == 1 && tokText(seq, k) == "还" && k+1 < len(seq) && (seq[k+1].kind == tNum || isHanNumeral(seq[k+1])) {
			// "一个月还400" is 400 a month; "6个月还完" is six payments.
			countish = false
		}
		if countish && n >= 1 && n <= 120 && (unit == "months" || unit == "month" || unit == "weeks" || unit == "week" || unit == "月") {
			m.kind, m.end = numCount, k
			m.freq = agent.Monthly
			if strings.HasPrefix(unit, "week") {
				m.freq = agent.Weekly
			}
			return m
		}
	}
	if prev == "分" || (prev == "成" && prev2 == "分") {
		if n >= 1 && n <= 120 {
			m.kind = numCount
		}
		return m
	}
	if notMoneyAfter[after] || (after == "k" && !mult) {
		return m
	}
	if notMoneyBefore[prev] || (prev == "the" && notMoneyBefore[prev2]) {
		return m
	}
	if (prev == "number" || prev == "#") || (isDigits && strings.HasPrefix(raw, "0") && len(raw) > 1 && !strings.HasPrefix(raw, "0.")) {
		return m
	}
	m.freq = freqAfter(seq, end)
	if m.freq == "" {
		m.freq = freqBefore(seq, first)
	}
	digits := len(strings.TrimLeft(strings.Split(strings.ReplaceAll(raw, ",", ""), ".")[0], "0"))
	yearLike := isDigits && digits == 4 && !strings.ContainsAny(raw, ",.") && n >= 1900 && n <= 2100
	long := isDigits && digits >= 5 && !strings.ContainsAny(raw, ",.")
	payNear := false
	for k := first - 1; k >= 0 && k >= first-3; k-- {
		w := seq[k].text
		if w == boundary {
			break
		}
		if payWords[w] {
			payNear = true
			break
		}
	}
	immediatePay := payWords[prev] && prev != "for" && prev != "like" && prev != "about"
	// "2000 de dunga" (2000 pay will): the verb after, in Hindi order.
	payAfter := hindiPayAfter(seq, end)
	payNear = payNear || payAfter
	immediatePay = immediatePay || payAfter
	m.payNear = payNear
	switch {
	case m.freq != "":
		m.kind, m.strong = numAmount, true
	case mult || (isDigits && (strings.Contains(raw, ",") || strings.Contains(raw, "."))):
		m.kind = numAmount
	case yearLike || long:
		if immediatePay || settleAfter(seq, end) || (long && bare) {
			m.kind = numAmount
		}
	case payNear || bare || (prev == "about" && (prev2 == "how" || prev2 == "what")) || settleAfter(seq, end):
		m.kind = numAmount
	}
	if m.kind == numAmount && statedBefore(seq, first) && (m.freq == "" || incomeBefore(seq, first)) {
		m.strong, m.stated = false, true
	}
	return m
}

// hindiPayAfter reports whether a number is followed by a verb of paying
// and a future or an ability, in Hindi order: "2000 de dunga", "1500 bhej
// denge", "800 jama kar sakti" (read as "2000 pay will").
func hindiPayAfter(seq []token, end int) bool {
	if w := tokText(seq, end); w != "pay" && w != "send" && !devaPayVerbs[w] {
		return false
	}
	k := end + 1
	if w := tokText(seq, k); w == "kar" || w == "कर" {
		k++
	}
	w := tokText(seq, k)
	return w == "will" || w == "can" || devaFutures[w]
}

// The verbs of paying and the futures or abilities after them in Hindi
// written in Devanagari ("3000 दे दूंगा", "800 जमा कर सकती"). They are read
// here and not rewritten to English words: the crisis patterns read जान दे
// दूंगा as it is written.
var (
	devaPayVerbs = map[string]bool{"दे": true, "भर": true, "जमा": true, "चुका": true, "भेज": true, "पे": true}
	devaFutures  = map[string]bool{
		"दूंगा": true, "दूंगी": true, "देंगे": true, "दूंगे": true, "दूगा": true, "दूगी": true,
		"करूंगा": true, "करूंगी": true, "करेंगे": true, "करुंगा": true, "करुंगी": true,
		"भेजूंगा": true, "भेजूंगी": true, "भेजेंगे": true, "सकता": true, "सकती": true, "सकते": true,
	}
)

// settleAfter reports whether a settlement or one payment is named in the
// few words after a number, in the same clause: "900 to settle", "accept
// 900 as a one-time settlement", "900 one time", "850 in one go", "700 and
// we call it square", "800 upfront", "五千结清".
func settleAfter(seq []token, end int) bool {
	for k := end; k < len(seq) && k < end+6; k++ {
		if seq[k].text == boundary || (k > end && seq[k].clause) {
			return false
		}
		switch seq[k].text {
		case "settle", "settling", "settlement", "lump", "upfront":
			return true
		case "one":
			// "900 one time", "850 in one go", "in one payment"
			switch tokText(seq, k+1) {
			case "time", "go", "shot", "payment", "installment", "instalment":
				return true
			}
		case "call":
			// "700 and we call it square", "… call it even"
			if tokText(seq, k+1) == "it" {
				switch tokText(seq, k+2) {
				case "even", "square", "quits", "done":
					return true
				}
			}
		}
		if _, ok := hanAt(seq, k, "结清"); ok {
			return true
		}
	}
	return false
}

// incomeWords before an amount make it what the borrower earns or spends,
// not what they offer, even with a frequency: "I make 2000 a month".
var incomeWords = map[string]bool{
	"make": true, "makes": true, "making": true, "earn": true, "earns": true, "earning": true, "income": true, "salary": true, "wage": true,
	"wages": true, "rent": true, "mortgage": true, "bills": true, "paycheck": true, "paid": true,
	"工": true, "资": true, "收": true, "入": true, "租": true, "挣": true, "赚": true,
}

// askingBefore are the words before "make" that make it a request, not
// an income: "please make…", "can you make…".
var askingBefore = map[string]bool{boundary: true, "please": true, "pls": true, "plz": true, "kindly": true, "you": true, "just": true}

// statedBefore reports whether the amount at first is said of the debt, of
// the past or of the borrower's income: "I owe $1200", "the balance is
// 1,200", "一共欠五千", "I make 2000 a month".
func statedBefore(seq []token, first int) bool {
	for k := first - 1; k >= 0 && k >= first-4; k-- {
		if seq[k].text == boundary {
			return false
		}
		if seq[k].text == "make" && (tokText(seq, k+1) == "it" || k == 0 || askingBefore[seq[k-1].text]) {
			// "make it 80", "please make 300 a month", "can you make 250
			// work" propose; "I make 2000" states an income.
			return false
		}
		if (seq[k].text == "paid" || seq[k].text == "sent") && supposed(seq, k) {
			// "what if I paid 60 a month", "suppose I sent 50": a
			// payment supposed, not one made.
			return false
		}
		if notProposalWords[seq[k].text] || incomeWords[seq[k].text] {
			return true
		}
	}
	return false
}

// supposed reports whether the verb at k is put as a supposition: "if",
// "suppose", "supposing", "assuming" or "imagine" before it in its clause,
// or "say" opening it ("say I paid 90 a month"), and nothing in the clause
// placing it in the past ("if I paid 90 last month, why…") or making it
// an income ("if I get paid 2000").
func supposed(seq []token, k int) bool {
	start := k
	for start > 0 && seq[start-1].text != boundary {
		start--
	}
	end := k
	for end < len(seq) && seq[end].text != boundary {
		end++
	}
	for i := start; i < end; i++ {
		switch seq[i].text {
		case "already", "last", "yesterday", "ago", "earlier", "before":
			return false
		}
	}
	switch tokText(seq, k-1) {
	case "get", "gets", "got", "getting", "am", "was", "were", "be", "is":
		return false
	}
	for i := start; i < k; i++ {
		switch seq[i].text {
		case "if", "suppose", "supposing", "assuming", "imagine":
			return true
		case "say":
			if i == start {
				return true
			}
		}
	}
	return false
}

// incomeBefore reports whether income words come just before the amount at first.
func incomeBefore(seq []token, first int) bool {
	for k := first - 1; k >= 0 && k >= first-4; k-- {
		if seq[k].text == boundary {
			return false
		}
		if incomeWords[seq[k].text] {
			return true
		}
	}
	return false
}

func freqWord(w string) agent.Frequency {
	switch w {
	case "monthly":
		return agent.Monthly
	case "weekly":
		return agent.Weekly
	case "biweekly", "fortnightly":
		return agent.Biweekly
	}
	return ""
}

// freqAfter reads a frequency said right after an amount: "a month",
// "per week", "every two weeks", "monthly", "/mo", "一个月", "每月".
func freqAfter(seq []token, i int) agent.Frequency {
	w := tokText(seq, i)
	switch w {
	case "monthly", "weekly", "biweekly", "fortnightly":
		return freqWord(w)
	case "a", "per", "each", "every", "/", "an":
		switch tokText(seq, i+1) {
		case "month", "mo", "mth", "calendar":
			return agent.Monthly
		case "week", "wk":
			return agent.Weekly
		case "fortnight":
			return agent.Biweekly
		case "two", "2", "other":
			if strings.HasPrefix(tokText(seq, i+2), "week") {
				return agent.Biweekly
			}
		}
	case "bi":
		if tokText(seq, i+1) == "weekly" {
			return agent.Biweekly
		}
	case "twice":
		if tokText(seq, i+2) == "month" {
			return agent.Biweekly
		}
	}
	return hanFreq(seq, i)
}

// freqBefore reads a frequency said right before an amount: "每月500",
// "每月能还五百", "monthly payments of 150".
func freqBefore(seq []token, i int) agent.Frequency {
	for k := i - 1; k >= 0 && k >= i-6; k-- {
		if seq[k].text == boundary {
			break
		}
		if f := hanFreq(seq, k); f != "" {
			return f
		}
		if f := freqWord(seq[k].text); f != "" && k >= i-4 {
			return f
		}
	}
	return ""
}

// hanFreq reads a Chinese frequency at seq[i].
func hanFreq(seq []token, i int) agent.Frequency {
	if i < 0 || i >= len(seq) || seq[i].kind != tHan || !strings.Contains("每两隔双半一月按", seq[i].text) {
		return ""
	}
	for _, f := range [...]struct {
		s string
		f agent.Frequency
	}{
		{"每两周", agent.Biweekly}, {"每隔一周", agent.Biweekly}, {"两周一次", agent.Biweekly}, {"隔周", agent.Biweekly},
		{"双周", agent.Biweekly}, {"每半个月", agent.Biweekly}, {"半个月", agent.Biweekly}, {"每两个星期", agent.Biweekly},
		{"两周", agent.Biweekly},
		{"每周", agent.Weekly}, {"每个星期", agent.Weekly}, {"每星期", agent.Weekly}, {"每礼拜", agent.Weekly},
		{"每个礼拜", agent.Weekly}, {"一周", agent.Weekly}, {"一个星期", agent.Weekly},
		{"每月", agent.Monthly}, {"每个月", agent.Monthly}, {"一个月", agent.Monthly}, {"月供", agent.Monthly},
		{"按月", agent.Monthly}, {"每一个月", agent.Monthly},
	} {
		if e, ok := hanAt(seq, i, f.s); ok {
			if w := tokText(seq, e); w == "后" || w == "内" || w == "以" || w == "之" {
				return "" // 两周后: a date, not a frequency
			}
			return f.f
		}
	}
	return ""
}

// ParseAmount returns the first amount of money in text, in currency
// (USD when empty): "150", "$1,200.50", "150 dollars", "a hundred and
// fifty bucks", "1.2k", "一千二", "1.2万", "五百块", "¥500". The caller
// expects an amount, so a short bare "150" counts. Years, dates, postcodes,
// ID digits, ages, day counts and installment counts are never amounts.
// Understand is stricter: there a bare number is money only when something
// marks it so (see the package comment).
func ParseAmount(text, currency string) (agent.Money, bool) {
	a := analyze(text)
	used := make([]bool, len(a.seq))
	scanIdentity(a, used, time.Time{}, identityWords(a.norm), identityAsk{})
	scanDates(a.seq, used, time.Time{}, false)
	for _, m := range scanNumbers(a.seq, used, true) {
		if m.kind == numAmount {
			return money(m.hundredths, currency), true
		}
	}
	return agent.Money{}, false
}

func money(hundredths int64, currency string) agent.Money {
	if currency == "" {
		currency = "USD"
	}
	return agent.Money{Minor: hundredths, Currency: strings.ToUpper(currency)}
}
