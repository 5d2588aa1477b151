package rules

import (
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/parley-collections/parley/agent"
	"github.com/parley-collections/parley/policies"
)

// Contact restrictions: when, where or how the borrower may be contacted.
// "don't call me at work", "not on the house phone", "not before noon", "only text me after 6pm",
// "only by email", "not on weekends", 不要打我单位电话, 晚上九点以后别联系我,
// 只能发短信. A restriction is read sentence by sentence; a sentence that
// names the moment ("right now", "today") limits only the current contact
// and is no restriction. The words a restriction was read from are taken
// away from the rest of the reading, so "don't call me at work" is not
// also an opt-out of calls.

const (
	enNeg     = `(?:do not|don't|dont|never|no|not|can't|cant|cannot|can not|won't|doesn't|does not|nothing|avoid|stop|quit)`
	enContact = `\b(?:call|calls|calling|ring|phone|phoning|text|texts|texting|txt|message|messages|messaging|msg|contact|contacting|email|emails|emailing|reach|bother|talk|speak|voicemail|visit|hear from|pick up|picking up)\b`
	enTime    = `(noon|midday|midnight|(\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)(?::(\d{2}))?(?:\s*(am|pm|a\.m\.|p\.m\.|o'?clock))?(?:\s*(at night|in the evening|in the morning|in the afternoon))?)\b`
	zhNeg     = `(?:不要|别|不能|请勿|不准|不许|不方便|勿)`
	// enWork names a workplace: the words for work, the places a job is
	// done ("the warehouse", "my shift") and its hours ("working hours").
	enWork = `work|job|office|workplace|place of work|employer|shift|factory|warehouse|store|shop|site|plant|restaurant|hospital|clinic|school|working hours|business hours|working day`
	// mixNeg is a negation a Chinese sentence may borrow from English
	// ("上班的时候 don't call me").
	mixNeg = `(?:` + zhNeg + `|(?:please\s+)?(?:don't|dont|do not|never|no)\b)`
	// afterNeg is a negation said after what it forbids, in Chinese
	// ("weekend 别 call 我") or in Hindi in Latin letters ("office pe
	// call mat karna", "phone nahi karna").
	afterNeg = `(?:` + zhNeg + `|\b(?:mat|nahi|nahin|na)\b)`
	// hiWork names a workplace in Hindi in Latin letters.
	hiWork = `kaam|dukaan|dukan|duty|daftar`
	zhTime = `(早上|上午|中午|下午|傍晚|晚上|夜里|凌晨)?\s*(\d{1,2}|[零一二两三四五六七八九十]{1,3})\s*(?:点|时|:00)(半)?`
	zhDays = `(?:周末|星期六|星期天|星期日|周六|周日|礼拜六|礼拜天|礼拜日)`
)

var (
	reSentence  = regexp.MustCompile(`[^.!?。！？\n]+`)
	reContactEN = regexp.MustCompile(enContact)
	reContactZH = regexp.MustCompile(`联系|打|电话|短信|发|找|打扰|催|消息`)
	reMoment    = regexp.MustCompile(`\b(right now|now|at the moment|currently|today|tonight|this (morning|afternoon|evening)|later)\b`)
	reLasting   = regexp.MustCompile(`\b(ever|never|from now on|anymore|any more|again|in future|in the future|going forward|always)\b`)
	reOnlyTime  = regexp.MustCompile(`\bonly (?:after|before)\b`)
	rePayment   = regexp.MustCompile(`\b(pay|paid|paying|payment|payments|salary|paycheck|payday)\b`)

	rePlaceEN = negThenPlace(`at|to|on|during|my|in|from`, `my\s+|the\s+`, enWork, "")
	rePlaceZH = []*regexp.Regexp{
		regexp.MustCompile(zhNeg + `[^，,。！？]{0,6}?(?:单位|公司|办公室|工作的地方|上班的地方)`),
		regexp.MustCompile(`(?:上班|在单位|在公司|在办公室)(?:的)?(?:时候|时间|期间)?\s*[^，,。！？]{0,4}?` + mixNeg + `[^，,。！？]{0,4}`),
	}

	// A workplace or days named first and the negation after them, in
	// Chinese or Hindi word order: "office 别 call 我", "kaam pe message
	// mat bhejo", "weekend pe call mat karna", "saturday 和 sunday 别 call 我".
	rePlaceNegAfter = placeThenNegation(enWork + `|` + hiWork)
	reDaysNegAfter  = regexp.MustCompile(`\b(?:weekends?|saturdays?|sundays?)\b(?:\s*(?:or|and|&|/|和|或|、)?\s*(?:saturdays?|sundays?)\b)?[^,.!?\n，。！？]{0,30}?` + afterNeg)

	// A time of day in Hindi in Latin letters, then after (baad) or before
	// (pehle) it, contact and the negation: "raat 9 baje ke baad phone mat
	// karna", "subah 11 baje se pehle call mat karo".
	reTimeHI = regexp.MustCompile(`\b(?:(subah|savere|dopahar|shaam|sham|raat|rat)\s+)?(\d{1,2})(?::(\d{2}))?\s*(?:baje|bje)?\s*(?:ke|se|k)?\s*(baad|bad|pehle|pahle|phle)\b([^.!?\n]{0,25}?)\b(?:mat|nahi|nahin|na)\b`)
	// Only one channel in Hindi in Latin letters or Devanagari: "sirf
	// email pe", "kewal sms", "केवल ईमेल", "सिर्फ़ SMS".
	reChannelHI = regexp.MustCompile(`(?:\b(?:sirf|keval|kewal)|सिर्फ\x{093C}?|सिर्\x{095E}|केवल)\s+(e-?mail\b|mail\b|sms\b|text\b|messages?\b|ईमेल|ई-मेल|मेल|एसएमएस|मैसेज)`)

	// Contact refused between two times: "don't call between 9 and 5",
	// "no calls from 10am to 4pm"; in Hindi in Latin letters, "10 se 5 ke
	// beech call mat karna", "11 se 4 baje tak phone nahi".
	reNegBetweenEN = regexp.MustCompile(enNeg + `\b[^.!?\n]{0,40}?\b(?:between|from)\s+` + enTime + `\s*(?:and|to|till|until|-)\s*` + enTime)
	reNegBetweenHI = regexp.MustCompile(`\b(\d{1,2})(?::(\d{2}))?\s*(?:baje|bje)?\s+se\s+(\d{1,2})(?::(\d{2}))?\s*(?:baje|bje)?\s*(?:ke|k)?\s*(?:beech|bich|beech mein|bich me|tak)\b([^.!?\n]{0,25}?)\b(?:mat|nahi|nahin|na)\b`)
	reNegBeforeEN  = regexp.MustCompile(enNeg + `\b[^.!?\n]{0,40}?\bbefore\s+` + enTime)
	reNegAfterEN   = regexp.MustCompile(enNeg + `\b[^.!?\n]{0,40}?\bafter\s+` + enTime)
	reOnlyAfterEN  = regexp.MustCompile(`\b(?:only|just|(?:call|text|contact|message|email|reach|ring) me)\b[^.!?\n]{0,30}?\bafter\s+` + enTime)
	reOnlyBeforeEN = regexp.MustCompile(`\bonly\b[^.!?\n]{0,30}?\bbefore\s+` + enTime)

	reDaysEN = regexp.MustCompile(enNeg + `\b[^.!?\n]{0,40}?\b(?:on|at|during|over|in)?\s*(?:the\s+)?(weekends?|saturdays?|sundays?)\b(?:\s*(?:or|and|&|/)\s*(saturdays?|sundays?))?`)
	reDaysZH = []*regexp.Regexp{
		regexp.MustCompile(`(?:` + zhDays + `[、和或/ ]*)+[^，,。！？]{0,4}` + zhNeg + `[^，,。！？]{0,4}`),
		regexp.MustCompile(zhNeg + `[^，,。！？]{0,3}` + zhDays + `(?:[、和或/ ]*` + zhDays + `)*`),
	}

	reChannelEN = []*regexp.Regexp{
		regexp.MustCompile(`\b(?:only|just)\s+(?:want to\s+|wanna\s+)?(?:be\s+)?(?:contact|reach|message|write to|get in touch with|hear from you|contacted|reached)(?:\s+me)?\s+(?:by|via|through|over|on|with)\s+(e-?mail|mail|text messages?|texts?|sms|phone|calls?|chat)\b`),
		regexp.MustCompile(`\b(?:only|just)\s+(e-?mail|text|sms|message)\s+me\b(?:\s+(?:from now on|please))?`),
		regexp.MustCompile(`\b(e-?mail|texts?|sms)\s+only\b`),
		regexp.MustCompile(`\b(e-?mail|text|sms|message)\s+me\s+only\b`),
		regexp.MustCompile(`\bonly\b[^.!?\n]{0,25}?\b(?:by|via|through)\s+(e-?mail|mail|text messages?|texts?|sms|phone|chat)\b`),
		regexp.MustCompile(`\bin writing\b[^.!?\n]{0,10}?\b(?:by|via|through|to)\s+(?:my\s+)?(e-?mail)\b`),
		regexp.MustCompile(`\b(e-?mail|texts?|text messages|sms)\b[^.!?\n]{0,25}?\bonly way\b`),
		regexp.MustCompile(`\bonly way\b[^.!?\n]{0,30}?\b(?:by|via|through|is)\s+(e-?mail|texts?|text messages|sms)\b`),
	}
	reChannelZH = regexp.MustCompile(`只\s*(?:能|用|发|通过|接受|要|想)?\s*(?:用|发|通过|接)?\s*(短信|电子邮件|邮件|邮箱|电话|e-?mail|sms|text)(?:联系我)?`)

	// A workplace declared off limits, contact kept away from it or kept
	// to one channel or to weekdays: restrictions said without a negation.
	reOffLimitsEN = regexp.MustCompile(`\b(?:work|job|office|workplace|place of work|employer|work number|office line)\b[^.!?\n]{0,25}?\b(?:off[- ]limits|out of bounds|a no[- ]go)\b|\bkeep\b[^.!?\n]{0,25}?\b(?:away from|out of|off)\s+(?:my\s+|the\s+)?(?:work|job|office|workplace|employer)\b|\banywhere (?:but|except|other than)\s+(?:at\s+)?(?:my\s+|the\s+)?(?:work|job|office|workplace)\b`)
	reKeepToEN    = regexp.MustCompile(`\b(?:keep|stick|stay)\b[^.!?\n]{0,25}?\b(?:to|with)\s+(e-?mail|texts?|text messages|sms|chat)\b`)
	reWeekdaysEN  = regexp.MustCompile(`\b(?:(?:keep|stick)\b[^.!?\n]{0,25}?\bto\s+weekdays|weekdays only|only (?:on )?weekdays|only (?:on )?business days|monday to friday only)\b`)
	reWeekdaysZH  = regexp.MustCompile(`只(?:在|能在|有)?工作日`)
	reKeepToZH    = regexp.MustCompile(`(?:以后|今后|往后|从此)都?(?:走|用|通过)(电子邮件|邮件|邮箱|短信)`)

	reTimeZH = regexp.MustCompile(zhTime + `\s*(以后|之后|过后|后|以前|之前|前)`)
	// An hour said in English inside Chinese: "10pm 以后别 call 我".
	reTimeZHAmPm = regexp.MustCompile(`(\d{1,2})(?::(\d{2}))?\s*(am|pm|a\.m\.|p\.m\.)\s*(以后|之后|过后|后|以前|之前|前)`)
	reBareZH     = regexp.MustCompile(`(中午|上午)(?:以前|之前|前)?[^，,。！？]{0,2}` + zhNeg)
	reEveningZH  = regexp.MustCompile(`(?:晚上|夜里)[^，,。！？\d零一二两三四五六七八九十]{0,2}` + zhNeg)
	// 只能晚上联系我, 只在下班后打: contact in the evening only.
	reOnlyEveningZH = regexp.MustCompile(`只(?:能|在|有|可以)?\s*(?:晚上|夜里|夜晚|下班(?:以后|之后|后))`)
	reNegZH         = regexp.MustCompile(zhNeg)

	// "only evenings", "evenings only", "only call me after work": contact
	// in the evening only, as 只能晚上联系我. A job worked then ("I work
	// evenings only") is not one.
	reOnlyEveningEN = regexp.MustCompile(`\b(?:only|just)\b[^.!?,\n]{0,30}?\b(?:in the evenings?|evenings?|at night|after work|after hours)\b|\b(?:evenings?|after work|after hours)\s+only\b`)

	// "nothing before 7pm": a time refused with no word for contact.
	reNothingTime = regexp.MustCompile(`\bnothing (?:at all )?(?:before|after)\b`)
	// E-mail asked for ("email me instead", "use email", "email would be
	// better", 发邮件到我邮箱) and calls or texts refused in the same
	// message ("stop phoning", "no calls or texts", 不要打电话): contact
	// by e-mail only, over one sentence or two.
	rePreferEmail = regexp.MustCompile(`\b(?:e-?mail me|use (?:my )?e-?mail|(?:by|via|through) e-?mail instead|e-?mail (?:is|would be|will be|works) (?:fine|ok|okay|better|best|easier|good)|write to me by e-?mail)\b|(?:发|寄)(?:个)?(?:邮件|电子邮件|email|e-?mail)(?:给我|到)|(?:用|通过)(?:邮件|电子邮件|邮箱)(?:联系|找)`)
	reRefuseVoice = regexp.MustCompile(`\b(?:stop|quit|no|don't|dont|do not|never|without)\b[^.!?\n]{0,20}?\b(?:call|calls|calling|ring|ringing|phone|phoning|phone calls|texts?|texting)\b|(?:不要|别|请勿|勿|不用)再?(?:打|来)?(?:电话|来电|短信|发短信|打给我)`)
	reZHAfterThen = regexp.MustCompile(`^\s*再`)
)

// onlyWords reports whether s holds a word every pattern of reChannelEN
// needs ("only", "just" or "in writing"); without one, none can match.
func onlyWords(s string) bool {
	return strings.Contains(s, "only") || strings.Contains(s, "just") || strings.Contains(s, "in writing")
}

// nonASCII reports whether s holds a character outside ASCII; without
// one, no Chinese pattern can match.
func nonASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return true
		}
	}
	return false
}

// The words without one of which a pattern cannot match, looked for
// before it: most sentences hold none.
var (
	placeWords        = strings.Split(enWork, "|")                                         // rePlaceEN
	placeAfterWords   = strings.Split(enWork+"|"+hiWork, "|")                              // rePlaceNegAfter
	dayWords          = []string{"weekend", "saturday", "sunday"}                          // reDaysNegAfter
	hiTimeWords       = []string{"baad", "bad", "pehle", "pahle", "phle"}                  // reTimeHI
	hiOnlyWords       = []string{"sirf", "keval", "kewal", "सिर्", "केवल"}                 // reChannelHI
	offLimitsWords    = []string{"limits", "bounds", "no-go", "no go", "keep", "anywhere"} // reOffLimitsEN
	keepToWords       = []string{"keep", "stick", "stay"}                                  // reKeepToEN
	weekdaysOnlyWords = []string{"weekdays", "business days", "monday"}                    // reWeekdaysEN
	eveningWords      = []string{"evening", "night", "after work", "after hours"}          // reOnlyEveningEN
	preferEmailWords  = []string{"mail", "邮"}                                              // rePreferEmail
)

// The patterns readRestrictions runs on every sentence, each with the
// words one of which every match holds (gate), looked for first.
var (
	contactGate     = gate(reContactEN)
	momentGate      = gate(reMoment)
	lastingGate     = gate(reLasting)
	paymentGate     = gate(rePayment)
	onlyTimeGate    = gate(reOnlyTime)
	nothingTimeGate = gate(reNothingTime)

	restrictionGates = []gatedRE{contactGate, momentGate, lastingGate, paymentGate, onlyTimeGate, nothingTimeGate}
)

// hasAny reports whether s holds one of words.
func hasAny(s string, words []string) bool {
	return slices.ContainsFunc(words, func(w string) bool { return strings.Contains(s, w) })
}

// span is a part of the text a restriction was read from.
type span struct{ start, end int }

// readRestrictions finds the contact restrictions in a normalized message
// and returns them with the text they were read from blanked out.
func readRestrictions(norm string) ([]agent.ContactRestriction, string) {
	var out []agent.ContactRestriction
	var used []span
	add := func(r agent.ContactRestriction, s span) {
		used = append(used, s)
		for _, o := range out {
			if o.Kind == r.Kind && o.Place == r.Place && slices.Equal(o.Channels, r.Channels) && slices.Equal(o.Days, r.Days) &&
				o.NotBefore == r.NotBefore && o.NotAfter == r.NotAfter {
				return
			}
		}
		out = append(out, r)
	}
	for _, sb := range reSentence.FindAllStringIndex(norm, -1) {
		s := norm[sb[0]:sb[1]]
		if momentGate.MatchString(s) && !lastingGate.MatchString(s) {
			continue // "I'm busy right now": this contact only
		}
		at := func(m []int) span { return span{sb[0] + m[0], sb[0] + m[1]} }
		// The Chinese patterns need a character outside ASCII, and the
		// English time patterns "before" or "after"; most sentences have
		// neither.
		zh := nonASCII(s)
		contact := contactGate.MatchString(s) || (zh && reContactZH.MatchString(s))
		// Where. A place declared off limits takes the whole sentence: "my
		// office is off limits, never ring me there" is no opt-out of
		// calls. (The home's declaration is read with the home, before the
		// workplace's, as the order of the restrictions has always been.)
		addAt := func(r agent.ContactRestriction, m []int) { add(r, at(m)) }
		workPlace.read(s, zh, contact, addAt)
		homePlace.read(s, zh, contact, addAt)
		homePlace.offLimitsIn(s, addAt)
		workPlace.offLimitsIn(s, addAt)
		// How.
		var keepTo [][]int
		if hasAny(s, keepToWords) {
			keepTo = reKeepToEN.FindAllStringSubmatchIndex(s, -1)
		}
		if zh {
			keepTo = append(keepTo, reKeepToZH.FindAllStringSubmatchIndex(s, -1)...)
		}
		for _, m := range keepTo {
			if ch := channelWord(s[m[2]:m[3]]); ch != "" {
				add(agent.ContactRestriction{Kind: policies.RestrictChannel, Channels: []string{ch}}, at(m))
			}
		}
		if contact {
			var weekdays [][]int
			if hasAny(s, weekdaysOnlyWords) {
				weekdays = reWeekdaysEN.FindAllStringIndex(s, -1)
			}
			if zh {
				weekdays = append(weekdays, reWeekdaysZH.FindAllStringIndex(s, -1)...)
			}
			for _, m := range weekdays {
				add(agent.ContactRestriction{Kind: policies.RestrictDays, Days: []time.Weekday{time.Saturday, time.Sunday}}, at(m))
			}
		}
		for _, re := range reChannelEN {
			if !onlyWords(s) {
				break
			}
			for _, m := range re.FindAllStringSubmatchIndex(s, -1) {
				if ch := channelWord(s[m[2]:m[3]]); ch != "" {
					add(agent.ContactRestriction{Kind: policies.RestrictChannel, Channels: []string{ch}}, at(m))
				}
			}
		}
		var channelZH [][]int
		if zh {
			channelZH = reChannelZH.FindAllStringSubmatchIndex(s, -1)
		}
		for _, m := range channelZH {
			if ch := channelWord(s[m[2]:m[3]]); ch != "" {
				add(agent.ContactRestriction{Kind: policies.RestrictChannel, Channels: []string{ch}}, at(m))
			}
		}
		var channelHI [][]int
		if hasAny(s, hiOnlyWords) {
			channelHI = reChannelHI.FindAllStringSubmatchIndex(s, -1)
		}
		for _, m := range channelHI {
			if ch := channelWord(s[m[2]:m[3]]); ch != "" {
				add(agent.ContactRestriction{Kind: policies.RestrictChannel, Channels: []string{ch}}, at(m))
			}
		}
		// When.
		if hasAny(s, hiTimeWords) {
			readTimesHI(s, func(r agent.ContactRestriction, m []int) { add(r, at(m)) })
		}
		timeOK := contact || (!paymentGate.MatchString(s) && (len(strings.Fields(s)) <= 6 || onlyTimeGate.MatchString(s) || nothingTimeGate.MatchString(s)))
		if timeOK {
			if strings.Contains(s, "before") || strings.Contains(s, "after") {
				readTimesEN(s, func(r agent.ContactRestriction, m []int) { add(r, at(m)) })
			}
			if zh {
				readTimesZH(s, func(r agent.ContactRestriction, m []int) { add(r, at(m)) })
			}
		}
		if contact && (strings.Contains(s, "between") || strings.Contains(s, "from")) {
			readWindowEN(s, func(r agent.ContactRestriction, m []int) { add(r, at(m)) })
		}
		if strings.Contains(s, " se ") {
			readWindowHI(s, func(r agent.ContactRestriction, m []int) { add(r, at(m)) })
		}
		if hasAny(s, eveningWords) && !paymentGate.MatchString(s) {
			for _, m := range reOnlyEveningEN.FindAllStringIndex(s, -1) {
				if eveningOnly(s, m, contact) {
					add(agent.ContactRestriction{Kind: policies.RestrictTime, NotBefore: 18 * 60}, at(m))
				}
			}
		}
		if contact {
			for _, m := range reDaysEN.FindAllStringSubmatchIndex(s, -1) {
				if days := daysIn(s[m[0]:m[1]]); len(days) > 0 {
					add(agent.ContactRestriction{Kind: policies.RestrictDays, Days: days}, at(m))
				}
			}
			var daysAfter [][]int
			if hasAny(s, dayWords) {
				daysAfter = reDaysNegAfter.FindAllStringIndex(s, -1)
			}
			for _, m := range daysAfter {
				if days := daysIn(s[m[0]:m[1]]); len(days) > 0 {
					add(agent.ContactRestriction{Kind: policies.RestrictDays, Days: days}, at(m))
				}
			}
			for _, re := range reDaysZH {
				if !zh {
					break
				}
				for _, m := range re.FindAllStringIndex(s, -1) {
					if days := daysIn(s[m[0]:m[1]]); len(days) > 0 {
						add(agent.ContactRestriction{Kind: policies.RestrictDays, Days: days}, at(m))
					}
				}
			}
		}
	}
	if p, r := emailPreferred(norm); p != nil {
		add(agent.ContactRestriction{Kind: policies.RestrictChannel, Channels: []string{"email"}}, span{p[0], p[1]})
		used = append(used, span{r[0], r[1]})
	}
	if len(out) == 0 {
		return nil, norm
	}
	b := []byte(norm)
	for _, u := range used {
		for i := u.start; i < u.end; i++ {
			b[i] = ' '
		}
		b[u.start] = ','
	}
	return mergeTimes(out), string(b)
}

// eveningOnly reports whether a match m of reOnlyEveningEN in the sentence
// s keeps contact to the evening: the sentence names contact, or the
// match opens it or it is short ("evenings only please"), and the words
// before it are not a job worked then ("I work evenings only").
func eveningOnly(s string, m []int, contact bool) bool {
	before := strings.Fields(s[:m[0]])
	if len(before) > 0 {
		switch before[len(before)-1] {
		case "work", "works", "working", "worked", "shift", "shifts":
			return false
		}
	}
	return contact || len(before) == 0 || len(strings.Fields(s)) <= 6
}

// emailPreferred finds e-mail asked for (rePreferEmail) and calls or texts
// refused (reRefuseVoice) anywhere in one message, and returns where each
// is; nil when either is missing. Most messages name no e-mail, and are
// not searched.
func emailPreferred(norm string) (prefer, refuse []int) {
	if !hasAny(norm, preferEmailWords) {
		return nil, nil
	}
	prefer = rePreferEmail.FindStringIndex(norm)
	if prefer == nil {
		return nil, nil
	}
	refuse = reRefuseVoice.FindStringIndex(norm)
	if refuse == nil {
		return nil, nil
	}
	return prefer, refuse
}

// mergeTimes makes one time restriction of a "not before" and a "not
// after" read from one message ("only between 10 and 6").
func mergeTimes(rs []agent.ContactRestriction) []agent.ContactRestriction {
	var out []agent.ContactRestriction
	t := -1
	for _, r := range rs {
		if r.Kind != policies.RestrictTime {
			out = append(out, r)
			continue
		}
		if t < 0 {
			t = len(out)
			out = append(out, r)
			continue
		}
		if r.NotBefore > out[t].NotBefore {
			out[t].NotBefore = r.NotBefore
		}
		if r.NotAfter > 0 && (out[t].NotAfter == 0 || r.NotAfter < out[t].NotAfter) {
			out[t].NotAfter = r.NotAfter
		}
	}
	return out
}

// readTimesEN reads "not before noon", "don't call after 9pm", "only
// after 6pm".
func readTimesEN(s string, add func(agent.ContactRestriction, []int)) {
	for _, x := range []struct {
		re    *regexp.Regexp
		after bool // the time is the first allowed one
	}{{reNegBeforeEN, true}, {reNegAfterEN, false}, {reOnlyAfterEN, true}, {reOnlyBeforeEN, false}} {
		for _, m := range x.re.FindAllStringSubmatchIndex(s, -1) {
			if (x.re == reOnlyAfterEN || x.re == reOnlyBeforeEN) && overlapsNeg(s, m) {
				continue // "don't call me after 9pm" is read by the negative patterns
			}
			min, ok := clockEN(s, m)
			if !ok {
				continue
			}
			if x.re == reNegAfterEN && m[8] < 0 && m[10] < 0 && min >= 8*60 && min < 12*60 {
				// "don't call after 10", with no am or pm: the evening, as
				// "after 6" is; contact refused from 10am on is not meant.
				min += 12 * 60
			}
			r := agent.ContactRestriction{Kind: policies.RestrictTime}
			if x.after {
				r.NotBefore = min
			} else {
				r.NotAfter = min
			}
			add(r, m)
		}
	}
}

// readWindowEN reads contact refused between two times of day
// (reNegBetweenEN): "don't call me between 9 and 5".
func readWindowEN(s string, add func(agent.ContactRestriction, []int)) {
	for _, m := range reNegBetweenEN.FindAllStringSubmatchIndex(s, -1) {
		if !reContactEN.MatchString(s[m[0]:m[2]]) {
			continue
		}
		from, ok1 := clockEN(s, append([]int{m[0], m[3]}, m[2:12]...))
		to, ok2 := clockEN(s, append([]int{m[12], m[13]}, m[12:22]...))
		if r, ok := refusedWindow(from, to); ok1 && ok2 && ok {
			add(r, m[:2])
		}
	}
}

// readWindowHI reads contact refused between two times of day in Hindi in
// Latin letters (reNegBetweenHI): "10 se 5 ke beech call mat karna". An
// hour from 1 to 7 is the afternoon or the evening, as in English.
func readWindowHI(s string, add func(agent.ContactRestriction, []int)) {
	for _, m := range reNegBetweenHI.FindAllStringSubmatchIndex(s, -1) {
		if !reContactEN.MatchString(s[m[10]:m[11]]) {
			continue
		}
		clock := func(h, mm int) int {
			hour, err := strconv.Atoi(s[m[h]:m[h+1]])
			if err != nil || hour > 23 {
				return -1
			}
			minute := 0
			if m[mm] >= 0 {
				minute, _ = strconv.Atoi(s[m[mm]:m[mm+1]])
			}
			if hour >= 1 && hour <= 7 {
				hour += 12
			}
			return hour*60 + minute
		}
		from, to := clock(2, 4), clock(6, 8)
		if r, ok := refusedWindow(from, to); from >= 0 && to >= 0 && ok {
			add(r, m[:2])
		}
	}
}

// refusedWindow is the time restriction for contact refused from one
// minute of the day to another. A restriction keeps contact inside one
// window of the day, so it keeps it to the longer side of the refused
// window, from 8am to 9pm: after it when more of the day is left after it
// ("not between 9 and 5" is "not before 5pm"), else before it. Either way
// no contact falls inside the refused window.
func refusedWindow(from, to int) (agent.ContactRestriction, bool) {
	if from < 0 || to <= from {
		return agent.ContactRestriction{}, false
	}
	r := agent.ContactRestriction{Kind: policies.RestrictTime}
	if 21*60-to >= from-8*60 {
		r.NotBefore = to
	} else {
		r.NotAfter = from
	}
	return r, true
}

// readTimesHI reads a time of day said in Hindi in Latin letters (reTimeHI):
// contact after it refused is "not after", before it "not before". An
// hour with no part of the day is the evening when contact after it is
// refused ("9 baje ke baad"), as after 1 to 7 it is any time.
func readTimesHI(s string, add func(agent.ContactRestriction, []int)) {
	for _, m := range reTimeHI.FindAllStringSubmatchIndex(s, -1) {
		if !reContactEN.MatchString(s[m[10]:m[11]]) {
			continue
		}
		h, err := strconv.Atoi(s[m[4]:m[5]])
		if err != nil || h > 23 {
			continue
		}
		mm := 0
		if m[6] >= 0 {
			mm, _ = strconv.Atoi(s[m[6]:m[7]])
		}
		part := ""
		if m[2] >= 0 {
			part = s[m[2]:m[3]]
		}
		after := strings.HasPrefix(s[m[8]:m[9]], "b")
		switch part {
		case "subah", "savere":
			if h == 12 {
				h = 0
			}
		case "dopahar", "shaam", "sham":
			if h < 12 {
				h += 12
			}
		case "raat", "rat":
			if h >= 6 && h < 12 {
				h += 12
			}
		default:
			if h >= 1 && (h <= 7 || (after && h < 12)) {
				h += 12
			}
		}
		r := agent.ContactRestriction{Kind: policies.RestrictTime}
		if after {
			r.NotAfter = h*60 + mm
		} else {
			r.NotBefore = h*60 + mm
		}
		add(r, m[:2])
	}
}

// overlapsNeg reports whether a negative time pattern matches s where m does.
func overlapsNeg(s string, m []int) bool {
	for _, re := range []*regexp.Regexp{reNegAfterEN, reNegBeforeEN} {
		for _, n := range re.FindAllStringIndex(s, -1) {
			if n[0] < m[1] && m[0] < n[1] {
				return true
			}
		}
	}
	return false
}

// clockEN reads the time of enTime's groups in a match of a pattern that
// ends with it: minutes after midnight.
func clockEN(s string, m []int) (int, bool) {
	g := func(i int) string {
		if m[2*i] < 0 {
			return ""
		}
		return s[m[2*i]:m[2*i+1]]
	}
	switch g(1) {
	case "noon", "midday":
		return 12 * 60, true
	case "midnight":
		return 0, false
	}
	// A number not followed by a date's or an amount's letters or digits.
	if end := m[1]; end < len(s) && strings.ContainsAny(s[end:end+1], "0123456789/%$") {
		return 0, false
	}
	h, err := strconv.Atoi(g(2))
	if n, ok := hourWords[g(2)]; ok {
		h, err = n, nil
	}
	if err != nil || h > 23 {
		return 0, false
	}
	mm := 0
	if v := g(3); v != "" {
		mm, _ = strconv.Atoi(v)
		if mm > 59 {
			return 0, false
		}
	}
	suffix, part := strings.ReplaceAll(g(4), ".", ""), g(5)
	switch {
	case h > 12:
	case suffix == "pm" || part == "at night" || part == "in the evening" || part == "in the afternoon":
		if h < 12 {
			h += 12
		}
	case suffix == "am" || part == "in the morning":
		if h == 12 {
			h = 0
		}
	case h >= 1 && h <= 7:
		h += 12 // "after 6": people mean the evening
	}
	return h*60 + mm, true
}

// hourWords are the hours said in words: "no calls after seven".
var hourWords = map[string]int{"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
	"nine": 9, "ten": 10, "eleven": 11, "twelve": 12}

// readTimesZH reads 晚上九点以后别联系我, 中午12点之前别联系我, 上午别打电话,
// 晚上6点以后再联系我.
func readTimesZH(s string, add func(agent.ContactRestriction, []int)) {
	for _, m := range reTimeZH.FindAllStringSubmatchIndex(s, -1) {
		min, ok := clockZH(s[idx(m, 1):idxEnd(m, 1)], s[m[4]:m[5]], m[6] >= 0)
		if !ok {
			continue
		}
		rest := s[m[1]:]
		rel := s[m[8]:m[9]]
		later := strings.HasSuffix(rel, "后")
		neg := reNegZH.FindStringIndex(rest)
		r := agent.ContactRestriction{Kind: policies.RestrictTime}
		switch {
		case neg != nil && neg[0] <= 12 && later: // 九点以后别联系我
			r.NotAfter = min
		case neg != nil && neg[0] <= 12: // 十二点之前别联系我
			r.NotBefore = min
		case later && (reZHAfterThen.MatchString(rest) || strings.Contains(s[:m[0]], "只")): // 六点以后再联系我
			r.NotBefore = min
		default:
			continue
		}
		end := m[1]
		if neg != nil && neg[0] <= 12 {
			end = m[1] + neg[1]
		}
		add(r, []int{m[0], end})
	}
	for _, m := range reTimeZHAmPm.FindAllStringSubmatchIndex(s, -1) {
		h, _ := strconv.Atoi(s[m[2]:m[3]])
		mm := 0
		if m[4] >= 0 {
			mm, _ = strconv.Atoi(s[m[4]:m[5]])
		}
		if h < 1 || h > 12 || mm > 59 {
			continue
		}
		h %= 12
		if strings.HasPrefix(s[m[6]:m[7]], "p") {
			h += 12
		}
		neg := reNegZH.FindStringIndex(s[m[1]:])
		if neg == nil || neg[0] > 12 {
			continue
		}
		r := agent.ContactRestriction{Kind: policies.RestrictTime}
		if strings.HasSuffix(s[m[8]:m[9]], "后") {
			r.NotAfter = h*60 + mm // 10pm 以后别联系我
		} else {
			r.NotBefore = h*60 + mm // 9am 之前别打
		}
		add(r, []int{m[0], m[1] + neg[1]})
	}
	for _, m := range reBareZH.FindAllStringSubmatchIndex(s, -1) {
		if reTimeZH.MatchString(s[m[0]:m[1]]) {
			continue
		}
		add(agent.ContactRestriction{Kind: policies.RestrictTime, NotBefore: 12 * 60}, m)
	}
	for _, m := range reEveningZH.FindAllStringIndex(s, -1) {
		add(agent.ContactRestriction{Kind: policies.RestrictTime, NotAfter: 18 * 60}, m)
	}
	for _, m := range reOnlyEveningZH.FindAllStringIndex(s, -1) {
		add(agent.ContactRestriction{Kind: policies.RestrictTime, NotBefore: 18 * 60}, m)
	}
}

func idx(m []int, g int) int {
	if m[2*g] < 0 {
		return 0
	}
	return m[2*g]
}

func idxEnd(m []int, g int) int {
	if m[2*g] < 0 {
		return 0
	}
	return m[2*g+1]
}

// clockZH reads a Chinese time of day: the part of the day, the hour in
// digits or numerals, and 半.
func clockZH(part, hour string, half bool) (int, bool) {
	h, err := strconv.Atoi(hour)
	if err != nil {
		h = zhNumeral(hour)
	}
	if h < 0 || h > 24 {
		return 0, false
	}
	switch part {
	case "下午", "傍晚", "晚上", "夜里":
		if h < 12 {
			h += 12
		}
	case "中午":
		if h < 6 {
			h += 12
		}
	case "":
		if h >= 1 && h <= 6 {
			h += 12
		}
	}
	m := h * 60
	if half {
		m += 30
	}
	return m % (24 * 60), true
}

// zhNumeral reads 一 to 二十四; -1 when it is not one.
func zhNumeral(s string) int {
	digits := map[rune]int{'零': 0, '一': 1, '二': 2, '两': 2, '三': 3, '四': 4, '五': 5, '六': 6, '七': 7, '八': 8, '九': 9}
	rs := []rune(s)
	switch {
	case len(rs) == 1 && rs[0] == '十':
		return 10
	case len(rs) == 1:
		if d, ok := digits[rs[0]]; ok {
			return d
		}
	case len(rs) == 2 && rs[0] == '十':
		if d, ok := digits[rs[1]]; ok {
			return 10 + d
		}
	case len(rs) == 2 && rs[1] == '十':
		if d, ok := digits[rs[0]]; ok {
			return d * 10
		}
	case len(rs) == 3 && rs[1] == '十':
		a, ok1 := digits[rs[0]]
		b, ok2 := digits[rs[2]]
		if ok1 && ok2 {
			return a*10 + b
		}
	}
	return -1
}

// channelWord names the channel a word means, "" for none.
func channelWord(w string) string {
	switch {
	case strings.Contains(w, "mail"), strings.Contains(w, "邮件"), strings.Contains(w, "邮箱"), strings.Contains(w, "मेल"):
		return string(agent.ChannelEmail)
	case strings.HasPrefix(w, "text"), w == "sms", strings.HasPrefix(w, "message"), w == "短信", w == "एसएमएस", w == "मैसेज":
		return string(agent.ChannelSMS)
	case strings.HasPrefix(w, "phone"), strings.HasPrefix(w, "call"), w == "电话":
		return string(agent.ChannelVoice)
	case w == "chat":
		return string(agent.ChannelChat)
	}
	return ""
}

// daysIn lists the days a restriction's words name, in week order.
func daysIn(s string) []time.Weekday {
	var out []time.Weekday
	if strings.Contains(s, "weekend") || strings.Contains(s, "周末") {
		return []time.Weekday{time.Saturday, time.Sunday}
	}
	if strings.Contains(s, "saturday") || strings.Contains(s, "六") {
		out = append(out, time.Saturday)
	}
	if strings.Contains(s, "sunday") || strings.Contains(s, "周日") || strings.Contains(s, "天") || strings.Contains(s, "星期日") || strings.Contains(s, "礼拜日") {
		out = append(out, time.Sunday)
	}
	slices.Sort(out)
	return out
}
