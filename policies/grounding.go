package policies

import (
	"bytes"
	"slices"
	"strings"
	"unicode/utf8"
)

// Grounding is what Guard.Grounded found a rewording to add to its draft.
type Grounding struct {
	// Numbers lists the numbers, amounts and dates the rewording states
	// that the draft does not, or states attached to other words.
	Numbers []string
	// Content lists the web addresses, e-mail addresses, telephone
	// numbers, words and Chinese characters the rewording adds, beyond the
	// politeness vocabulary.
	Content []string
}

// OK reports whether the rewording adds nothing.
func (g Grounding) OK() bool { return len(g.Numbers) == 0 && len(g.Content) == 0 }

// Grounded compares a rewording with the draft it was made from (see the
// package documentation, "Grounding"). Both are folded as every detector
// reads text (case, full-width forms, look-alike letters, traditional
// Chinese, digits of any script) before they are compared.
func (g *Guard) Grounded(draft, reworded string) Grounding {
	d := readGround(foldBase(nil, draft))
	r := readGround(foldBase(nil, reworded))
	var out Grounding
	for _, x := range r.contacts {
		if !slices.Contains(d.contacts, x) {
			out.Content = append(out.Content, x)
		}
	}
	for i, x := range r.numbers {
		if !d.attached(x, r.attach[i]) {
			out.Numbers = append(out.Numbers, x)
		}
	}
	for _, x := range r.words {
		if !slices.Contains(d.words, x) && !politeWords[x] {
			out.Content = append(out.Content, x)
		}
	}
	for _, x := range r.han {
		if !strings.ContainsRune(string(d.hanSet), x) && !strings.ContainsRune(politeHan, x) {
			out.Content = append(out.Content, string(x))
		}
	}
	return out
}

// politeWords may appear in a rewording though the draft lacks them.
var politeWords = map[string]bool{
	"hi": true, "hello": true, "hey": true, "dear": true, "there": true, "thanks": true, "thank": true, "you": true,
	"your": true, "please": true, "sure": true, "great": true, "good": true, "news": true, "just": true, "a": true,
	"an": true, "the": true, "and": true, "so": true, "of": true, "to": true, "for": true, "is": true, "are": true,
	"be": true, "it": true, "it's": true, "this": true, "that": true, "if": true, "any": true, "have": true,
	"let": true, "us": true, "know": true, "we": true, "we're": true, "we'll": true, "our": true, "here": true,
	"as": true, "well": true, "also": true, "again": true, "okay": true, "ok": true, "friendly": true,
	"reminder": true, "quick": true, "note": true, "questions": true, "question": true, "happy": true, "glad": true,
	"help": true, "sorry": true, "kind": true, "regards": true, "best": true, "works": true, "fine": true,
	"with": true, "can": true, "i": true, "i'm": true, "me": true, "absolutely": true, "certainly": true,
	"of course": true, "course": true, "now": true, "all": true, "set": true, "welcome": true, "morning": true,
	"afternoon": true, "evening": true, "just to": true, "on": true, "at": true, "in": true, "by": true,
}

// politeHan are the Chinese characters of greetings and thanks.
const politeHan = "您你好谢请感麻烦祝愉快的了吧呢啊哦嗯们我温馨提示亲爱问候欢迎随时是也"

// monthWords name months; a number beside one is a date, compared as one.
var monthWords = map[string]string{
	"january": "1", "jan": "1", "february": "2", "feb": "2", "march": "3", "mar": "3", "april": "4", "apr": "4",
	"may": "5", "june": "6", "jun": "6", "july": "7", "jul": "7", "august": "8", "aug": "8", "september": "9",
	"sep": "9", "sept": "9", "october": "10", "oct": "10", "november": "11", "nov": "11", "december": "12", "dec": "12",
}

// stopWords are passed over when looking for the word a number is
// attached to.
var stopWords = map[string]bool{
	"a": true, "an": true, "the": true, "of": true, "is": true, "are": true, "be": true, "to": true, "for": true,
	"on": true, "at": true, "in": true, "by": true, "and": true, "just": true, "only": true, "your": true,
	"you": true, "it": true, "was": true, "will": true, "would": true, "can": true, "could": true,
}

type groundText struct {
	contacts []string // hosts, e-mail addresses, telephone numbers
	numbers  []string // values, and dates as date:day/month
	attach   []string // per number, the word it is attached to: the content word before it, or after it
	clauses  []string // per number, the content words and Chinese characters of its clause
	words    []string
	han      []rune
	hanSet   []rune
}

// attached reports whether the draft states the number x in a clause that
// holds the word it is attached to in the rewording: "your balance is
// $1,200" may become "$1,200 is your balance", not "you can pay $1,200".
func (g *groundText) attached(x, at string) bool {
	for i, y := range g.numbers {
		if y != x {
			continue
		}
		if at == "" || strings.HasPrefix(x, "date:") || strings.Contains(g.clauses[i], " "+at+" ") {
			return true
		}
	}
	return false
}

// readGround lists what a folded text states.
func readGround(b []byte) groundText {
	var g groundText
	eachLinkHost(b, func(h []byte) bool { g.contacts = append(g.contacts, "link:"+string(h)); return true })
	eachEmail(b, func(e []byte) bool { g.contacts = append(g.contacts, "email:"+string(e)); return true })
	prev := ""    // the last content word of the sentence
	prevHan := "" // the last two Chinese characters of the clause
	pending := -1 // a number waiting for the word after it, when none came before
	for i := 0; i < len(b); {
		c := b[i]
		switch {
		case isDigit(c):
			if r := readDigitRun(b, i); r.n >= 7 && r.ngroups >= 1 && !bytes.ContainsAny(b[i:r.end], ".,") {
				g.contacts = append(g.contacts, "phone:"+string(r.digits[:min(r.n, len(r.digits))]))
				i = r.end
				continue
			}
			j := i
			for j < len(b) && (isDigit(b[j]) || (b[j] == ',' || b[j] == '.') && j+1 < len(b) && isDigit(b[j+1])) {
				j++
			}
			v := canonicalNumber(b[i:j])
			// A month name beside the number makes it a date.
			next := wordAt(b, skipSpace(b, skipOrdinalWord(b, j)))
			clause := clauseText(b, i)
			if m, ok := monthWords[next]; ok {
				g.addNumber("date:"+v+"/"+m, "", clause)
			} else if m, ok := monthWords[prev]; ok && prevIsJust(b, i, prev) {
				g.addNumber("date:"+v+"/"+m, "", clause)
			} else {
				at := prev
				if prevHan != "" && (at == "" || b[max(0, i-1)] >= 0x80) {
					at = prevHan
				}
				g.addNumber(v, at, clause)
				if at == "" {
					pending = len(g.numbers) - 1
				}
			}
			i = j
		case isLetter(c):
			j := i
			for j < len(b) && (isLetter(b[j]) || isDigit(b[j]) || b[j] == '\'' && j+1 < len(b) && isLetter(b[j+1])) {
				j++
			}
			w := string(b[i:j])
			if _, month := monthWords[w]; !month {
				g.words = append(g.words, w)
			}
			if !stopWords[w] && !politeWords[w] {
				if pending >= 0 {
					g.attach[pending] = w
					pending = -1
				}
				prev = w
			} else if _, month := monthWords[w]; month {
				prev = w
			}
			i = j
		case c >= 0x80:
			r, n := utf8.DecodeRune(b[i:])
			if r >= 0x4E00 && r <= 0x9FFF {
				g.han = append(g.han, r)
				g.hanSet = append(g.hanSet, r)
				if k := len(g.han); k >= 2 {
					prevHan = string(g.han[k-2:])
				} else {
					prevHan = string(r)
				}
			}
			i += n
		default:
			switch c {
			case '.', '!', '?', ';', ':', '\n':
				prev, pending = "", -1
				prevHan = ""
			case ',':
				prevHan = ""
			}
			i++
		}
	}
	return g
}

func (g *groundText) addNumber(v, at, clause string) {
	g.numbers = append(g.numbers, v)
	g.attach = append(g.attach, at)
	g.clauses = append(g.clauses, clause)
}

// clauseText returns the clause around b[i] as " word word 欠款 款为 ... ":
// its words, and each pair of Chinese characters, between spaces.
func clauseText(b []byte, i int) string {
	s, e := i, i
	for s > 0 && !isClauseEnd(b, s-1) {
		s--
	}
	for e < len(b) && !isClauseEnd(b, e) {
		e++
	}
	var sb strings.Builder
	sb.WriteByte(' ')
	var last rune
	for k := s; k < e; {
		c := b[k]
		switch {
		case isLetter(c):
			j := k
			for j < len(b) && (isLetter(b[j]) || isDigit(b[j]) || b[j] == '\'') {
				j++
			}
			sb.Write(b[k:j])
			sb.WriteByte(' ')
			k, last = j, 0
		case c >= 0x80:
			r, n := utf8.DecodeRune(b[k:])
			if r >= 0x4E00 && r <= 0x9FFF {
				if last != 0 {
					sb.WriteRune(last)
					sb.WriteRune(r)
					sb.WriteByte(' ')
				}
				last = r
			} else {
				last = 0
			}
			k += n
		default:
			last = 0
			k++
		}
	}
	return sb.String()
}

// isClauseEnd reports whether b[i] ends a clause: punctuation that is not
// inside a number.
func isClauseEnd(b []byte, i int) bool {
	switch b[i] {
	case '!', '?', ';', ':', '\n':
		return true
	case '.', ',':
		return !(i > 0 && isDigit(b[i-1]) && i+1 < len(b) && isDigit(b[i+1]))
	}
	return false
}

// prevIsJust reports whether the word w stands right before b[i] ("April 5").
func prevIsJust(b []byte, i int, w string) bool {
	k := i
	for k > 0 && b[k-1] == ' ' {
		k--
	}
	return k >= len(w) && string(b[k-len(w):k]) == w
}

// wordAt returns the letters at b[i].
func wordAt(b []byte, i int) string {
	j := i
	for j < len(b) && isLetter(b[j]) {
		j++
	}
	return string(b[i:j])
}

// skipOrdinalWord passes over "st", "nd", "rd", "th" and " of" after a day.
func skipOrdinalWord(b []byte, i int) int {
	for _, o := range [...]string{"st", "nd", "rd", "th"} {
		if hasWord(b, i, o) {
			i += 2
			break
		}
	}
	if k := skipSpace(b, i); hasWord(b, k, "of") {
		return k + 2
	}
	return i
}

// canonicalNumber writes a number without grouping commas and without
// trailing zero decimals: "1,200.00" and "1200" are one value.
func canonicalNumber(n []byte) string {
	s := strings.ReplaceAll(string(n), ",", "")
	if k := strings.IndexByte(s, '.'); k >= 0 {
		s = strings.TrimRight(s, "0")
		s = strings.TrimSuffix(s, ".")
	}
	s = strings.TrimLeft(s, "0")
	if s == "" {
		s = "0"
	}
	return s
}
