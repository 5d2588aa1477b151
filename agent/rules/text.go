package rules

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/parley-collections/parley/policies"
	"github.com/parley-collections/parley/policies/numread"
)

// tokKind classifies a token.
type tokKind uint8

const (
	tWord  tokKind = iota // latin letters, with inner apostrophes
	tNum                  // digits with inner separators: 1,200.50 9/23/79 1979-09-23
	tHan                  // one Han character
	tSym                  // a currency sign or %
	tPunct                // anything else that is not a space
)

// token is one piece of normalized text. start and end are byte offsets
// into the normalized text; words that a contraction expands into share
// the offsets of the original word.
type token struct {
	text       string
	kind       tokKind
	start, end int
	clause     bool // the token follows a comma or colon: a new clause begins
}

// normalize folds full-width forms to ASCII, digits of every script to
// ASCII digits, curly quotes to straight ones, letters to lower case,
// traditional Chinese characters to simplified ones (as the classifier
// reads them) and the Cantonese function words to their Mandarin
// equivalents (cantonese), so that later stages see one spelling: 別再打電話
// reads as 别再打电话, 唔好再搵我 as 不要再找我.
func normalize(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	han := false
	for _, r := range s {
		switch {
		case r >= 0x3400 && isHan(r):
			han = true
			r = policies.SimplifiedRune(r)
		case r >= 0xFF01 && r <= 0xFF5E:
			r -= 0xFEE0
		case r == 0x3000 || r == '\u00a0':
			r = ' '
		case r == '\uffe5':
			r = '¥'
		case r == '\uffe1':
			r = '£'
		case r == '’' || r == '‘' || r == '`' || r == '´':
			r = '\''
		case r == '“' || r == '”':
			r = '"'
		case r == '–' || r == '—':
			r = '-'
		case r == 0x066B: // Arabic decimal separator
			r = '.'
		case r == 0x066C: // Arabic thousands separator
			r = ','
		case r == 0x093C: // the Devanagari nukta: ज़ reads as ज
			continue
		case r >= 0x0958 && r <= 0x095F: // Devanagari letters with a nukta
			r = devanagariBase[r-0x0958]
		case r == 0x0901: // chandrabindu reads as anusvara: हूँ as हूं
			r = 0x0902
		case r >= 0x0660:
			if d := numread.Digit(r); d >= 0 {
				r = '0' + rune(d) // digits of every script read as ASCII
			}
		}
		b.WriteRune(unicode.ToLower(r))
	}
	if han {
		return cantonese.Replace(b.String())
	}
	return b.String()
}

// cantonese rewrites the written Cantonese words that change what a
// Chinese phrase means (negation, pronouns, aspect, the verbs of
// contact) into Mandarin, longest first; 係 is 是 only where it is the
// verb (唔係, 我係), never in 关系. Both sides are simplified, as
// normalize leaves them. 联络 is 联系 in both. 廿 and 卅 are written out
// as 二十 and 三十, in Mandarin too.
var cantonese = strings.NewReplacer(
	"唔系", "不是", "唔好", "不要", "唔想", "不想", "唔使", "不用", "唔该", "唔该", "唔",
	"不", "系咪", "是不是", "我系", "我是", "你系", "你是", "佢系", "他是", "真系", "真是", "就系", "就是", "都系", "都是",
	"佢哋", "他们", "你哋", "你们", "我哋", "我们", "哋", "们", "佢", "他", "嘅", "的", "揾", "找", "咗", "了", "喺度", "在这里", "喺", "在",
	"嚟", "来", "冇", "没有", "畀", "给", "嘢", "东西", "睇", "看", "啱啱", "刚刚", "过咗身", "去世了", "过身", "去世", "联络", "联系",
	// the numerals for twenty and thirty of dates written the old way:
	// 二月廿六 is the 26th of February
	"廿", "二十", "卅", "三十",
	"咪再", "别再", "咪打", "别打", "咪发", "别发", "咪烦", "别烦", "俾", "给", "嗰", "那", "𠮶", "那", "拣", "选",
)

// devanagariBase maps the precomposed Devanagari letters with a nukta
// (U+0958 to U+095F) to their base letters.
var devanagariBase = [...]rune{'क', 'ख', 'ग', 'ज', 'ड', 'ढ', 'फ', 'य'}

func isHan(r rune) bool { return r >= 0x2E80 && unicode.Is(unicode.Han, r) }

func isDigit(r rune) bool { return r >= '0' && r <= '9' }

func isCurrencySign(r rune) bool {
	switch r {
	case '$', '¥', '£', '€', '₹', '%':
		return true
	}
	return false
}

// tokenize splits normalized text into tokens and expands contractions and
// casual spellings ("cant" -> "can not", "u" -> "you").
func tokenize(s string) []token {
	toks := make([]token, 0, len(s)/4+4)
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case unicode.IsSpace(r):
			i += n
		case isDigit(r):
			j := i + n
			for j < len(s) {
				c := s[j]
				if isDigit(rune(c)) {
					j++
					continue
				}
				if (c == ',' || c == '.' || c == '/' || c == '-' || c == ':') && j+1 < len(s) && isDigit(rune(s[j+1])) {
					j++
					continue
				}
				break
			}
			toks = append(toks, token{text: s[i:j], kind: tNum, start: i, end: j})
			i = j
		case unicode.IsLetter(r) && !isHan(r):
			j := i + n
			for j < len(s) {
				r2, n2 := utf8.DecodeRuneInString(s[j:])
				// The vowel signs and viramas of Indic scripts are marks
				// inside their words (आत्महत्या is one word).
				if (unicode.IsLetter(r2) && !isHan(r2)) || unicode.IsMark(r2) {
					j += n2
					continue
				}
				if r2 == '\'' && j+1 < len(s) {
					r3, _ := utf8.DecodeRuneInString(s[j+1:])
					if unicode.IsLetter(r3) && !isHan(r3) {
						j += n2
						continue
					}
				}
				break
			}
			toks = appendWord(toks, token{text: s[i:j], kind: tWord, start: i, end: j})
			i = j
		case isHan(r):
			toks = append(toks, token{text: s[i : i+n], kind: tHan, start: i, end: i + n})
			i += n
		case isCurrencySign(r):
			toks = append(toks, token{text: s[i : i+n], kind: tSym, start: i, end: i + n})
			i += n
		default:
			toks = append(toks, token{text: s[i : i+n], kind: tPunct, start: i, end: i + n})
			i += n
		}
	}
	return toks
}

// appendWord appends a word token, expanded and corrected.
func appendWord(toks []token, t token) []token {
	w := t.text
	if exp, ok := expansions[w]; ok {
		for _, e := range strings.Fields(exp) {
			toks = append(toks, token{text: e, kind: tWord, start: t.start, end: t.end})
		}
		return toks
	}
	if base, ok := strings.CutSuffix(w, "n't"); ok {
		toks = append(toks, token{text: base, kind: tWord, start: t.start, end: t.end}, token{text: "not", kind: tWord, start: t.start, end: t.end})
		return toks
	}
	if base, ok := strings.CutSuffix(w, "'s"); ok {
		toks = append(toks, token{text: base, kind: tWord, start: t.start, end: t.end}, token{text: "'s", kind: tWord, start: t.start, end: t.end})
		return toks
	}
	for _, suf := range [...]struct{ s, w string }{{"'ll", "will"}, {"'re", "are"}, {"'ve", "have"}, {"'d", "would"}, {"'m", "am"}} {
		if base, ok := strings.CutSuffix(w, suf.s); ok {
			toks = append(toks, token{text: base, kind: tWord, start: t.start, end: t.end}, token{text: suf.w, kind: tWord, start: t.start, end: t.end})
			return toks
		}
	}
	t.text = correct(w)
	return append(toks, t)
}

// expansions maps contractions and casual spellings to plain words.
var expansions = map[string]string{
	"can't": "can not", "cant": "can not", "cannot": "can not", "cnt": "can not",
	"won't": "will not", "wont": "will not", "dont": "do not", "don't": "do not",
	"doesnt": "does not", "didnt": "did not", "isnt": "is not", "aint": "is not",
	"wasnt": "was not", "arent": "are not", "havent": "have not", "shouldnt": "should not",
	"couldnt": "could not", "wouldnt": "would not",
	"im": "i am", "i'm": "i am", "ive": "i have", "i'd": "i would",
	"it's": "it is", "its": "it is", "that's": "that is", "thats": "that is",
	"what's": "what is", "whats": "what is", "wats": "what is", "who's": "who is", "whos": "who is",
	"he's": "he is", "she's": "she is", "there's": "there is", "here's": "here is", "let's": "let us", "lets": "let us",
	"gonna": "going to", "wanna": "want to", "gotta": "got to", "lemme": "let me", "gimme": "give me",
	"u": "you", "ya": "you", "r": "are", "ur": "your", "yr": "your", "pls": "please", "plz": "please", "plez": "please",
	"ow": "owe", "owee": "owe", "wat": "what", "wut": "what", "wht": "what", "hw": "how", "hows": "how is",
	"thx": "thanks", "thanx": "thanks", "tks": "thanks", "ty": "thanks", "tnx": "thanks", "thnx": "thanks",
	"txt": "text", "txts": "texts", "txting": "texting", "msg": "message", "msgs": "messages", "msging": "messaging",
	"tmrw": "tomorrow", "tmr": "tomorrow", "tmrow": "tomorrow", "tmw": "tomorrow", "2moro": "tomorrow", "2morrow": "tomorrow",
	"tommorow": "tomorrow", "tommorrow": "tomorrow", "tomorow": "tomorrow", "tmorrow": "tomorrow",
	"bc": "because", "cuz": "because", "coz": "because", "cos": "because", "rn": "right now",
	"okay": "ok", "kk": "ok", "okey": "ok", "okk": "ok",
	"yeah": "yes", "yea": "yes", "yep": "yes", "yup": "yes", "ya'll": "you all", "yes'm": "yes",
	"nope": "no", "nah": "no", "naw": "no",
	"bal": "balance", "amt": "amount", "acct": "account", "mo": "month", "mth": "month", "wk": "week", "wks": "weeks",
	"dr": "doctor", "mnth": "month", "mnthly": "monthly", "wkly": "weekly", "biwkly": "biweekly",
	"emi": "monthly", "emis": "monthly payments", // an equated monthly instalment (India)
	"tenner": "ten", "fiver": "five", // pounds (UK)
	// Hindi in Latin letters: yes, ok and the options by their order ("nahi"
	// stays: the lexicon's Hindi patterns read it).
	"haan": "yes", "haanji": "yes", "theek": "ok", "thik": "ok", "chalega": "ok",
	"pehla": "first", "pehli": "first", "pahla": "first", "pahli": "first", "doosra": "second", "dusra": "second",
	"doosri": "second", "dusri": "second", "teesra": "third", "tisra": "third", "teesri": "third", "tisri": "third",
	"beech": "middle", "bich": "middle", "beechwala": "middle one", "bichwala": "middle one",
	"wala": "one", "wali": "one", "waala": "one", "waali": "one", "aakhri": "last", "akhri": "last", "aakhiri": "last",
	"chalegi": "ok",
	// the options by their order in Devanagari: पहला वाला is "first one"
	"पहला": "first", "पहली": "first", "दूसरा": "second", "दूसरी": "second", "तीसरा": "third", "तीसरी": "third",
	"आखिरी": "last", "आख़िरी": "last", "अंतिम": "last", "वाला": "one", "वाली": "one", "वाले": "one",
	// Paying, when and how often, in Hindi in Latin letters: "2000 de
	// dunga" is "2000 pay will", "har mahine" every month, "agle hafte"
	// next week ("kal" and "parso" are read as dates only before a future).
	"de": "pay", "bhar": "pay", "jama": "pay", "chuka": "pay", "bhej": "send",
	"dunga": "will", "dungi": "will", "doonga": "will", "doongi": "will", "denge": "will", "dunge": "will",
	"karunga": "will", "karungi": "will", "karenge": "will", "karega": "will", "karegi": "will",
	"bhejunga": "will send", "bhejungi": "will send", "bhejenge": "will send",
	"sakta": "can", "sakti": "can", "sakte": "can",
	"uska": "his", "uski": "her", "unka": "his", "unki": "her", "iska": "his", "iski": "her",
	"kisht": "installment", "kishton": "installments", "kishto": "installments", "kiston": "installments", "kisto": "installments",
	"mahine": "month", "mahina": "month", "mahino": "months", "mahinon": "months", "har": "every",
	// every month in Devanagari: "हर महीने 3000 चुका सकता हूँ"
	"हर": "every", "महीने": "month", "महीना": "month", "महीनों": "months",
	"hafte": "week", "hafta": "week", "agle": "next", "agla": "next", "agli": "next", "aaj": "today", "tak": "by",
	"stopp": "stop", "sotp": "stop", "stpo": "stop", "gm": "good morning", "gn": "good night",
	"kms": "kill myself", "passd": "passed", "stp": "stop", "dide": "died", "hes": "he is", "shes": "she is", "ttyl": "talk to you later", "b4": "before", "thru": "through", "tho": "though",
}
