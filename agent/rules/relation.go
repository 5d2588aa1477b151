package rules

import (
	"slices"
	"strings"
)

// enRelations maps what a writer calls the borrower's relation to them
// ("his wife") onto the writer's relation to the borrower.
var enRelations = map[string]string{
	"wife": "spouse", "husband": "spouse", "spouse": "spouse", "partner": "partner", "boyfriend": "partner",
	"girlfriend": "partner", "fiance": "partner", "fiancee": "partner", "mother": "parent", "mom": "parent",
	"mum": "parent", "mommy": "parent", "father": "parent", "dad": "parent", "daddy": "parent", "parent": "parent",
	// the names a mother, a father or a husband goes by at home
	"mam": "parent", "mammy": "parent", "mama": "parent", "mamma": "parent", "momma": "parent", "mummy": "parent",
	"papa": "parent", "pops": "parent", "stepmother": "parent", "stepmom": "parent", "stepmum": "parent",
	"stepfather": "parent", "stepdad": "parent", "nan": "grandparent", "nana": "grandparent", "nanna": "grandparent",
	"gran": "grandparent", "granny": "grandparent", "grandad": "grandparent", "granddad": "grandparent",
	"missus": "spouse", "missis": "spouse", "hubby": "spouse", "wifey": "spouse",
	"son": "child", "daughter": "child", "child": "child", "kid": "child", "brother": "sibling", "sister": "sibling",
	"sibling": "sibling", "bhai": "sibling", "behen": "sibling", "behan": "sibling", "beta": "child", "beti": "child",
	"pati": "spouse", "patni": "spouse", "biwi": "spouse", "grandmother": "grandparent", "grandfather": "grandparent", "grandma": "grandparent",
	"grandpa": "grandparent", "grandson": "grandchild", "granddaughter": "grandchild", "aunt": "relative",
	"uncle": "relative", "cousin": "relative", "niece": "relative", "nephew": "relative", "friend": "friend",
	"roommate": "roommate", "flatmate": "roommate", "housemate": "roommate", "neighbor": "neighbor",
	"neighbour": "neighbor", "colleague": "colleague", "coworker": "colleague", "boss": "employer",
	"employer": "employer", "caregiver": "caregiver", "carer": "caregiver", "relative": "relative",
	"assistant": "other", "secretary": "other", "executor": "executor", "executrix": "executor",
	// a support, care or social worker ("worker" after its kind, see
	// relationAdjectives)
	"worker": "caregiver", "aide": "caregiver",
	// in-laws and relatives in Hindi in Latin letters: "main Ravi ka jija
	// hoon" (brother-in-law), bhabhi, saala, devar, nanad, chacha, mausi
	"jija": "relative", "jijaji": "relative", "jeeja": "relative", "jeju": "relative", "saala": "relative", "sala": "relative",
	"saali": "relative", "sali": "relative", "bhabhi": "relative", "bhabi": "relative", "devar": "relative", "nanad": "relative",
	"jethani": "relative", "devrani": "relative", "sasur": "relative", "saas": "relative", "chacha": "relative", "chachi": "relative",
	"chachu": "relative", "mami": "relative", "mausa": "relative", "mausi": "relative", "bua": "relative", "phupha": "relative",
	"tauji": "relative", "taiji": "relative", "bhatija": "relative", "bhatiji": "relative", "bhanja": "relative", "bhanji": "relative",
	"damaad": "relative", "damad": "relative", "bahu": "relative", "dadi": "grandparent", "nani": "grandparent",
	"dost": "friend", "padosi": "neighbor",
	// in Devanagari (nukta dropped, chandrabindu read as anusvara): "मैं
	// विक्रम का भाई हूं"
	"भाई": "sibling", "बहन": "sibling", "दीदी": "sibling", "भैया": "sibling", "पत्नी": "spouse", "पति": "spouse",
	"बीवी": "spouse", "घरवाली": "spouse", "बेटा": "child", "बेटी": "child", "मां": "parent", "माता": "parent",
	"पिता": "parent", "पिताजी": "parent", "मम्मी": "parent", "पापा": "parent", "दादी": "grandparent", "दादा": "grandparent",
	"नानी": "grandparent", "नाना": "grandparent", "दोस्त": "friend", "मित्र": "friend", "पडोसी": "neighbor",
	"भाभी": "relative", "चाचा": "relative", "चाची": "relative", "मामा": "relative", "मामी": "relative", "मौसी": "relative",
	"बुआ": "relative", "जीजा": "relative", "साला": "relative", "दामाद": "relative", "बहू": "relative", "भतीजा": "relative",
	"भतीजी": "relative", "भांजा": "relative", "भांजी": "relative", "ससुर": "relative", "सास": "relative",
}

// esRelations are the relations a writer names themselves with in
// Spanish after "soy" ("soy su mamá", "soy la hermana de Lucía").
var esRelations = map[string]string{
	"mamá": "parent", "mama": "parent", "madre": "parent", "papá": "parent", "papa": "parent", "padre": "parent",
	"esposa": "spouse", "esposo": "spouse", "marido": "spouse", "mujer": "spouse", "pareja": "partner", "novia": "partner",
	"novio": "partner", "hermana": "sibling", "hermano": "sibling", "hija": "child", "hijo": "child", "abuela": "grandparent",
	"abuelo": "grandparent", "tía": "relative", "tío": "relative", "tia": "relative", "tio": "relative", "prima": "relative",
	"primo": "relative", "suegra": "relative", "suegro": "relative", "cuñada": "relative", "cuñado": "relative",
	"amiga": "friend", "amigo": "friend", "vecina": "neighbor", "vecino": "neighbor", "compañera": "roommate", "compañero": "roommate",
}

// hindiSelf are the words a writer names themselves with in Hindi in
// Latin letters ("main", "hum"), and hindiAm those that end the sentence
// "main Ravi ka jija hoon".
var (
	hindiSelf = map[string]bool{"main": true, "mai": true, "mein": true, "hum": true, "ham": true, "मैं": true, "मै": true, "हम": true}
	hindiAm   = map[string]bool{"hoon": true, "hu": true, "hun": true, "hoo": true, "hain": true, "bol": true, "baat": true,
		"हूं": true, "हू": true, "हुं": true, "हैं": true, "बोल": true}
)

// inverse turns the borrower's relation to the writer ("my mother") into
// the writer's relation to the borrower (child).
var inverse = map[string]string{"parent": "child", "child": "parent", "grandparent": "grandchild", "grandchild": "grandparent", "employer": "other"}

var zhRelations = []struct{ word, rel string }{
	{"老婆", "spouse"}, {"妻子", "spouse"}, {"爱人", "spouse"}, {"老公", "spouse"}, {"丈夫", "spouse"}, {"媳妇", "spouse"},
	{"太太", "spouse"}, {"先生", "spouse"}, {"男朋友", "partner"}, {"女朋友", "partner"}, {"对象", "partner"},
	{"妈妈", "parent"}, {"母亲", "parent"}, {"妈", "parent"}, {"爸爸", "parent"}, {"父亲", "parent"}, {"爸", "parent"},
	{"儿子", "child"}, {"女儿", "child"}, {"孩子", "child"}, {"哥哥", "sibling"}, {"姐姐", "sibling"}, {"弟弟", "sibling"},
	{"妹妹", "sibling"}, {"哥", "sibling"}, {"姐", "sibling"}, {"奶奶", "grandparent"}, {"爷爷", "grandparent"},
	{"外婆", "grandparent"}, {"姥姥", "grandparent"}, {"孙子", "grandchild"}, {"孙女", "grandchild"},
	{"朋友", "friend"}, {"同事", "colleague"}, {"室友", "roommate"}, {"邻居", "neighbor"}, {"亲戚", "relative"},
	{"家人", "relative"}, {"老板", "employer"}, {"秘书", "other"},
}

// relationAdjectives may stand between a possessive and a relation.
var relationAdjectives = map[string]bool{"elder": true, "older": true, "younger": true, "eldest": true, "oldest": true,
	"youngest": true, "big": true, "little": true, "baby": true, "twin": true, "step": true, "half": true, "only": true,
	"support": true, "care": true, "social": true, "key": true, "case": true}

// thirdPartyRelation finds a writer who says they are someone other than
// the borrower: "this is his wife", "I'm Maria's husband", "calling on
// behalf of my mother", "我是他老婆". It returns the writer's relation and ok.
func thirdPartyRelation(a *analysis) (string, bool) {
	seq := a.seq
	for i, t := range seq {
		rel, ok := enRelations[t.text]
		if !ok {
			continue
		}
		// "Tom's younger sister", "her eldest son": one word of age or
		// kind between is no other relation.
		at := i
		if relationAdjectives[tokText(seq, i-1)] {
			at = i - 1
		}
		p1 := tokText(seq, at-1)
		if possessiveName(seq, at-1) {
			p1 = "'s" // "im kevins wife": a name's possessive without its apostrophe
		}
		if p1 == "am" || p1 == "im" || (p1 == "the" && selfIntro(seq, at-2)) {
			// "I am brother of Anil", "this is the wife of Mr. Okafor":
			// a relation of someone named, not of the writer's own
			// children ("mother of two", "father of a newborn").
			if tokText(seq, i+1) == "of" && namedAfterOf(seq, i+2) {
				return rel, true
			}
		}
		if (p1 == "his" || p1 == "her") && (tokText(seq, at-2) == "main" || tokText(seq, at-2) == "mai") {
			// "main uska bhai hoon": I am his brother, in Hindi order.
			return rel, true
		}
		if p1 == "ka" || p1 == "ki" || p1 == "ke" || p1 == "का" || p1 == "की" || p1 == "के" {
			// "main Ravi ka jija hoon", "Ravi ka saala bol raha hoon": a
			// relation of someone named, said by the writer in Hindi order.
			self := hindiAm[tokText(seq, i+1)]
			for k := at - 3; k >= 0 && k >= at-4 && !self; k-- {
				self = hindiSelf[seq[k].text]
			}
			if self {
				return rel, true
			}
		}
		switch p1 {
		case "his", "her", "their", "'s", "the":
			// "I am his wife", "this is her husband", "I'm Maria's husband"
			for k := at - 2; k >= 0 && k >= at-4; k-- {
				w := seq[k].text
				if w == boundary || w == "my" {
					break
				}
				if selfIntro(seq, k) {
					return rel, true
				}
			}
		case "my":
			// "Anna's my flatmate", "Raj is my husband": someone named, at
			// the start of a sentence, is the writer's relation.
			if be := tokText(seq, at-2); (be == "is" || be == "'s" || be == "s") && namedSubject(seq, at-3) && speaksOfSomeone(seq, true) {
				if inv, ok := inverse[rel]; ok {
					return inv, true
				}
				return rel, true
			}
			// "calling on behalf of my mother", "calling for my husband"
			for k := at - 2; k >= 0 && k >= at-5; k-- {
				w := seq[k].text
				if w == boundary {
					break
				}
				if w == "behalf" || ((w == "for" || w == "about") && isContactVerb(tokText(seq, k-1))) {
					if inv, ok := inverse[rel]; ok {
						return inv, true
					}
					return rel, true
				}
			}
		}
	}
	if livesWith(seq) {
		return "roommate", true
	}
	if usesTheirPhone(seq) || answersTheirPhone(seq) || takesMessage(seq) {
		return "other", true
	}
	if rel, ok := spanishRelation(seq); ok {
		return rel, true
	}
	s := a.norm
	for _, lead := range [...]string{"我是他", "我是她", "我是他们", "我是它"} {
		i := strings.Index(s, lead)
		if i < 0 {
			continue
		}
		rest := strings.TrimPrefix(s[i+len(lead):], "的")
		for _, r := range zhRelations {
			if strings.HasPrefix(rest, r.word) {
				return r.rel, true
			}
		}
	}
	if i := strings.Index(s, "我是"); i >= 0 {
		// 我是王明的妻子
		rest := s[i+len("我是"):]
		if j := strings.Index(rest, "的"); j > 0 && j <= 12 {
			after := rest[j+len("的"):]
			for _, r := range zhRelations {
				if strings.HasPrefix(after, r.word) {
					return r.rel, true
				}
			}
		}
	}
	for _, lead := range [...]string{"替我", "帮我", "代我"} {
		i := strings.Index(s, lead)
		if i < 0 {
			continue
		}
		rest := s[i+len(lead):]
		for _, r := range zhRelations {
			if strings.HasPrefix(rest, r.word) {
				if inv, ok := inverse[r.rel]; ok {
					return inv, true
				}
				return r.rel, true
			}
		}
	}
	return "", false
}

func isContactVerb(w string) bool {
	switch w {
	case "calling", "texting", "writing", "messaging", "speaking", "asking", "call", "text", "write", "ask":
		return true
	}
	return false
}

// selfIntro reports whether seq[k] ends a writer's introduction of
// themselves: "I am", "im", "this is", "it's", "speaking".
func selfIntro(seq []token, k int) bool {
	if k < 0 || k >= len(seq) {
		return false
	}
	switch w := seq[k].text; w {
	case "am", "im", "speaking":
		return true
	case "is", "'s":
		p := tokText(seq, k-1)
		return p == "this" || p == "it"
	case "its":
		return true
	}
	return false
}

// namedSubject reports whether seq[k] is a name that starts its sentence:
// a word that is no pronoun or determiner, with nothing before it.
func namedSubject(seq []token, k int) bool {
	if k < 0 || seq[k].kind != tWord || (k > 0 && seq[k-1].text != boundary) {
		return false
	}
	switch seq[k].text {
	case "he", "she", "it", "this", "that", "there", "who", "what", "which", "here", "everyone", "nobody", "someone", "one", "mine", "life", "money", "work", "family":
		return false
	}
	return !namedAfterOfStop[seq[k].text]
}

// possessiveName reports whether seq[i] is a name's possessive written
// without an apostrophe ("kevins", "danas") right after a writer's
// introduction of themselves ("im kevins wife"): a word ending in s that
// is not a word the lexicon knows.
func possessiveName(seq []token, i int) bool {
	if i < 1 || seq[i].kind != tWord || !selfIntro(seq, i-1) {
		return false
	}
	w := seq[i].text
	if len(w) < 4 || !strings.HasSuffix(w, "s") || strings.HasSuffix(w, "ss") {
		return false
	}
	switch w {
	case "his", "hers", "theirs", "yours", "always", "just", "was", "has", "does", "is", "this", "its", "thanks", "parents", "friends", "sons":
		return false
	}
	return true
}

// thirdPersons are the pronouns a message speaks of someone else with: he
// and she as subjects, him and her as objects.
var thirdPersons = map[string]bool{"she": true, "he": true, "she's": true, "he's": true, "shes": true, "hes": true, "him": false, "her": false}

// speaksOfSomeone reports whether the message speaks of someone as he or
// she, or, when objects is set, also as him or her.
func speaksOfSomeone(seq []token, objects bool) bool {
	return slices.ContainsFunc(seq, func(t token) bool {
		subject, ok := thirdPersons[t.text]
		return ok && (subject || objects)
	})
}

// livesWith finds a writer who says they live with the borrower ("I live
// with her", "I share a flat with him", "I live with Carla, she is out"):
// "with" followed by him, her or them, or by a name when the message
// speaks of the borrower as he or she. "with my parents" and "with
// chronic pain" are the borrower's own life.
func livesWith(seq []token) bool {
	third := speaksOfSomeone(seq, false)
	for i, t := range seq {
		switch t.text {
		case "live", "living", "lives", "stay", "staying", "share", "sharing", "rent", "renting":
		default:
			continue
		}
		for k := i + 1; k < len(seq) && k <= i+4; k++ {
			if seq[k].text == boundary {
				break
			}
			if seq[k].text != "with" {
				continue
			}
			switch n := tokText(seq, k+1); n {
			case "him", "her", "them":
				return true
			case "my", "a", "an", "the", "it", "this", "that", "chronic", "constant", "pain", "no", "nobody", "family", "kids", "children", "parents", "roommates", "friends":
				return false
			default:
				return third && seq[k+1].kind == tWord
			}
		}
	}
	return false
}

// namedAfterOf reports whether seq[k] starts a person's name or title
// after "of": a word that is not a number, an article or a kind of person.
func namedAfterOf(seq []token, k int) bool {
	if k >= len(seq) || seq[k].kind != tWord {
		return false
	}
	return !namedAfterOfStop[seq[k].text]
}

// namedAfterOfStop are words that begin no name.
var namedAfterOfStop = map[string]bool{
	"a": true, "an": true, "the": true, "my": true, "our": true, "two": true, "three": true, "four": true, "five": true,
	"six": true, "many": true, "several": true, "some": true, "kids": true, "children": true, "twins": true, "boys": true,
	"girls": true, "one": true, "young": true, "small": true, "little": true, "this": true, "that": true, "these": true, "those": true,
}

// usesTheirPhone finds a writer holding the borrower's phone: "he gave me
// his phone", "she handed me her phone".
func usesTheirPhone(seq []token) bool {
	for i, t := range seq {
		switch t.text {
		case "gave", "give", "lent", "lend", "handed", "passed", "left":
		default:
			continue
		}
		if tokText(seq, i+1) != "me" {
			continue
		}
		switch tokText(seq, i+2) {
		case "his", "her", "their":
			if p := tokText(seq, i+3); p == "phone" || p == "mobile" || p == "cell" {
				return true
			}
		}
	}
	return false
}

// answersTheirPhone finds a writer who answers the borrower's phone or
// line: "this is Brandon's phone", "it's her cell", "you've reached
// Carla's mobile".
func answersTheirPhone(seq []token) bool {
	for i, t := range seq {
		switch t.text {
		case "phone", "cell", "cellphone", "mobile", "line", "landline", "number", "voicemail":
		default:
			continue
		}
		j := i - 1
		switch p := tokText(seq, j); {
		case p == "'s" && j > 0 && seq[j-1].kind == tWord:
			j -= 2
		case p == "his" || p == "her" || p == "their":
			j--
		case possessiveName(seq, j):
			j--
		default:
			continue
		}
		if selfIntro(seq, j) || tokText(seq, j) == "reached" {
			return true
		}
	}
	return false
}

// takesMessage finds a writer who offers to pass a message on to someone
// who is away: "he isn't home, I'll let him know", "she stepped out, want
// me to give her a message?". Both are needed: a borrower who will "tell
// her" (their wife) about the options is not away from the phone.
func takesMessage(seq []token) bool {
	offer := false
	for i, t := range seq {
		switch t.text {
		case "let":
			offer = offer || (isHimHer(tokText(seq, i+1)) && tokText(seq, i+2) == "know")
		case "tell", "give", "pass", "relay":
			offer = offer || isHimHer(tokText(seq, i+1)) || (tokText(seq, i+1) == "it" && tokText(seq, i+2) == "on")
		case "message":
			offer = offer || (tokText(seq, i-1) == "a" && (tokText(seq, i-2) == "take" || isHimHer(tokText(seq, i-2))))
		}
	}
	return offer && awayFromPhone(seq)
}

func isHimHer(w string) bool { return w == "him" || w == "her" || w == "them" }

// awayFromPhone reports whether the message says that he or she is away:
// not here, not home, out, at work, driving, asleep.
func awayFromPhone(seq []token) bool {
	for i, t := range seq {
		subject, ok := thirdPersons[t.text]
		if !ok || !subject {
			continue
		}
		for k := i + 1; k < len(seq) && k <= i+4; k++ {
			switch w := seq[k].text; w {
			case boundary:
				k = len(seq)
			case "home", "available", "around", "stepped", "popped", "driving", "asleep", "sleeping", "busy", "shower", "away", "out", "work", "under":
				return true
			case "here", "in", "back":
				if slices.Contains([]string{"not", "isnt", "isn't"}, tokText(seq, k-1)) {
					return true
				}
			}
		}
	}
	return false
}

// spanishRelation finds a writer who names themselves in Spanish as the
// borrower's relative: "soy su mamá", "soy la hermana de Lucía".
func spanishRelation(seq []token) (string, bool) {
	for i, t := range seq {
		if t.text != "soy" {
			continue
		}
		k := i + 1
		switch tokText(seq, k) {
		case "su", "la", "el":
			k++
		}
		if rel, ok := esRelations[tokText(seq, k)]; ok {
			return rel, true
		}
	}
	return "", false
}
