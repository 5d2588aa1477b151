package agent

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/parley-collections/parley/policies"
)

// AttorneyDetails are what a borrower said of the attorney who represents
// them: a name, a phone number, an e-mail address, each as written. The
// attorney_recorded event carries them (keys attorney_name,
// attorney_phone, attorney_email) for the person who deals with the
// attorney from then on.
type AttorneyDetails struct {
	Name  string
	Phone string
	Email string
}

// Empty reports whether nothing of the attorney was read.
func (d AttorneyDetails) Empty() bool { return d.Name == "" && d.Phone == "" && d.Email == "" }

// data is the event data that records the details.
func (d AttorneyDetails) data(m map[string]string) map[string]string {
	for k, v := range map[string]string{"attorney_name": d.Name, "attorney_phone": d.Phone, "attorney_email": d.Email} {
		if v != "" {
			m[k] = v
		}
	}
	return m
}

var (
	attorneyEmail = regexp.MustCompile(`[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}`)
	// A phone number: seven digits or more, with the separators people
	// type between them.
	attorneyPhone = regexp.MustCompile(`\+?\(?\d[\d\s().-]{5,}\d`)
	// What comes before an attorney's name in English: "his name is",
	// "my lawyer is", "represented by".
	attorneyNameEN = regexp.MustCompile(`(?i)\b(?:name is|name's|named|called|(?:lawyer|attorney|solicitor|counsel|advocate)(?: there| here| now)?(?: is| -|:)|represented by|it's|it is|he's|she's|he is|she is)\s+`)
	// ...or right after "my lawyer", when a capitalised name or a title
	// follows: "My solicitor Ms. Harriet Vane handles it".
	attorneyNameAfterEN = regexp.MustCompile(`(?i)\b(?:my|our|the|mera|meri|hamara|humara)\s+(?:lawyer|attorney|solicitor|counsel|advocate|vakil)\s*,?\s+`)
	// ...and in Chinese: 律师叫张伟, 律师是张伟, 姓名：张伟, 她叫 Grace 李慧敏,
	// lawyer 李志强 (not lawyer 会联系: a verb is no name).
	attorneyNameZH = regexp.MustCompile(`(?:律师叫|律师是|他叫|她叫|律师姓名|叫做|名字叫|名字是|姓名是|姓名[:：]?)\s*((?:[A-Za-z][A-Za-z.'’-]*\s+){0,2}\p{Han}{2,4})|(?i:lawyer|attorney|solicitor)\s*([^会要说已在就将来也都是的了和跟给让请找\P{Han}]\p{Han}{1,2})`)
	// ...or a name set off by punctuation before 律师: "，王建国律师，".
	attorneyNameBeforeZH = regexp.MustCompile(`(?:^|[，,。；;、\s])([^我你您他她它这那请找有是的和跟给让在\P{Han}]\p{Han}{1,2})律师`)
	// ...or after a lawyer's title anywhere, when a capital follows:
	// "ab se Advocate Sunil Kapoor se baat kijiye", "Adv. Farah Khan".
	// attorneyNameHI finds a name after an advocate's title in Devanagari
	// ("वकील एडवोकेट सुनीता वर्मा हैं"): up to three words, the verb and
	// particles after it dropped.
	attorneyNameHI  = regexp.MustCompile(`(?:वकील|एडवोकेट|अधिवक्ता)\s+(?:(?:एडवोकेट|अधिवक्ता|श्री|श्रीमती)\s+)*(\p{Devanagari}+(?:\s+\p{Devanagari}+){0,2})`)
	attorneyTitleEN = regexp.MustCompile(`\b(?:Adv\.?|Advocate|ADV\.?|Atty\.?|Attorney|Barrister|Solicitor)\s+[A-Z]`)
	// A firm after the name: "Dana Whitfield of Whitfield Legal, 617-…".
	attorneyFirm = regexp.MustCompile(`\s(?:at|of|from|with)\s+[A-Z][^,;:.]*$`)
)

// nameStop ends an English name: words that follow a name, never part of it.
var nameStop = map[string]bool{
	"at": true, "and": true, "from": true, "of": true, "with": true, "phone": true, "number": true, "email": true,
	"e-mail": true, "call": true, "his": true, "her": true, "their": true, "please": true, "in": true, "on": true,
	"the": true, "a": true, "my": true, "handling": true, "dealing": true, "representing": true, "who": true,
	"you": true, "can": true, "will": true, "is": true, "tel": true, "mobile": true, "cell": true, "esq": true,
	"an": true, "counsel": true, "attorney": true, "lawyer": true, "solicitor": true, "advocate": true, "not": true,
}

// hindiNameStop ends a name in Devanagari: the verb and the particles that
// follow a name, never part of it.
var hindiNameStop = map[string]bool{
	"है": true, "हैं": true, "जी": true, "का": true, "की": true, "के": true, "से": true, "को": true, "ने": true, "हूं": true, "था": true, "थी": true,
}

// readAttorneyDetails reads an attorney's name, phone and e-mail from a
// message, as written; what it cannot find stays empty. It reads only:
// whether the message was about the attorney is the flows' to know.
func readAttorneyDetails(text string) AttorneyDetails {
	var d AttorneyDetails
	d.Email = attorneyEmail.FindString(text)
	rest := attorneyEmail.ReplaceAllString(text, " ")
	for _, m := range attorneyPhone.FindAllString(rest, -1) {
		if digits := strings.Count(strings.Map(keepDigit, m), ""); digits-1 >= 7 {
			d.Phone = strings.TrimSpace(m)
			break
		}
	}
	// Chinese is read in simplified characters and the name kept as
	// written: folding maps one character to one, so positions carry over.
	folded := []rune(policies.Simplified(rest))
	m := attorneyNameZH.FindStringSubmatchIndex(string(folded))
	if m == nil {
		m = attorneyNameBeforeZH.FindStringSubmatchIndex(string(folded))
	}
	if m != nil {
		if m[2] < 0 {
			m = m[2:] // the name after the English word
		}
		start := utf8.RuneCountInString(string(folded)[:m[2]])
		end := utf8.RuneCountInString(string(folded)[:m[3]])
		d.Name = strings.TrimSuffix(string([]rune(rest)[start:end]), "律师")
		return d
	}
	if m := attorneyNameHI.FindStringSubmatch(rest); m != nil {
		var words []string
		for _, w := range strings.Fields(m[1]) {
			if hindiNameStop[w] {
				break
			}
			words = append(words, w)
		}
		if len(words) > 0 {
			d.Name = strings.Join(words, " ")
			return d
		}
	}
	if loc := attorneyNameEN.FindStringIndex(rest); loc != nil {
		d.Name = nameAt(rest[loc[1]:])
	} else if loc := attorneyNameAfterEN.FindStringIndex(rest); loc != nil {
		if after := rest[loc[1]:]; after != "" && (unicode.IsUpper([]rune(after)[0]) || titled(after)) {
			d.Name = capitalised(nameAt(after))
		}
	}
	if loc := attorneyTitleEN.FindStringIndex(rest); d.Name == "" && loc != nil {
		// the title as written, then the name after it
		title := strings.TrimSpace(rest[loc[0] : loc[1]-1])
		if name := capitalised(nameAt(rest[loc[1]-1:])); name != "" {
			d.Name = title + " " + name
		}
	}
	if d.Name == "" && d.Phone != "" {
		// "I have counsel now. Priya Desai, 312-555-0199": a name set
		// just before the number is whose number it is, or before the
		// firm that comes before it ("Dana Whitfield of Whitfield Legal,
		// 617-…"), which is not a name.
		if i := strings.Index(rest, d.Phone); i > 0 {
			before := strings.TrimRight(rest[:i], " ,:-–(\t")
			before = strings.TrimSuffix(strings.TrimSuffix(before, " on"), " at")
			if f := attorneyFirm.FindStringIndex(before); f != nil {
				before = before[:f[0]]
			}
			d.Name = nameBefore(before)
		}
	}
	return d
}

// nameBefore returns the two to four capitalised words that end s, or "":
// a word that ends a sentence or is no name word ends the name.
func nameBefore(s string) string {
	words := strings.Fields(s)
	k := len(words)
	for k > 0 && len(words)-k < 4 {
		w := words[k-1]
		if strings.HasSuffix(w, ".") && !titles[strings.ToLower(strings.TrimRight(w, "."))] || !unicode.IsUpper([]rune(w)[0]) ||
			nameStop[strings.ToLower(strings.TrimRight(w, "."))] || !isNameWord(strings.TrimRight(w, ".")) {
			break
		}
		k--
	}
	if len(words)-k < 2 {
		return ""
	}
	return strings.Join(words[k:], " ")
}

// capitalised keeps the words of name up to the first that does not start
// with a capital letter: after "my lawyer" a name has nothing else to end it
// ("Ms. Harriet Vane handles it").
func capitalised(name string) string {
	var keep []string
	for _, w := range strings.Fields(name) {
		if !unicode.IsUpper([]rune(w)[0]) {
			break
		}
		keep = append(keep, w)
	}
	return strings.Join(keep, " ")
}

// titles are honorifics a name may start with.
var titles = map[string]bool{"mr": true, "mrs": true, "ms": true, "miss": true, "dr": true, "adv": true, "shri": true, "sri": true, "smt": true}

// titled reports whether s starts with an honorific.
func titled(s string) bool {
	w, _, _ := strings.Cut(s, " ")
	return titles[strings.ToLower(strings.TrimRight(w, "."))]
}

func keepDigit(r rune) rune {
	if r >= '0' && r <= '9' {
		return r
	}
	return -1
}

// nameAt returns the name at the start of s: up to four words of letters
// (with ' . -), ended by punctuation, a digit or a word that never belongs
// to a name.
func nameAt(s string) string {
	if i := strings.IndexAny(s, "，。；：、（"); i >= 0 {
		s = s[:i] // Chinese punctuation ends a name in mixed text
	}
	var words []string
	for _, w := range strings.Fields(s) {
		clean := strings.TrimRight(w, ",;:!?")
		title := titles[strings.ToLower(strings.TrimRight(clean, "."))]
		ended := clean != w || strings.HasSuffix(clean, ".") && len(clean) > 2 && !title
		if !title {
			clean = strings.TrimRight(clean, ".")
		}
		if clean == "" || nameStop[strings.ToLower(clean)] || !isNameWord(clean) {
			break
		}
		words = append(words, clean)
		if ended || len(words) == 4 {
			break
		}
	}
	if len(words) == 0 {
		return ""
	}
	return strings.Join(words, " ")
}

func isNameWord(w string) bool {
	for _, r := range w {
		if !unicode.IsLetter(r) && r != '\'' && r != '-' && r != '.' {
			return false
		}
	}
	return true
}
