package policies

import "bytes"

// reporters are the phrases that report what someone other than the sender
// said or wrote: a quotation after one of them in its sentence is that
// person's words, not the message's own statement ("You wrote "…"",
// 您提到“…”, 有人自称「…」). A reporter names its speaker (you, someone, a
// caller, a letter); "we said" and a bare "said" do not, so the sender's
// own quoted words still count.
var reporters = [][]byte{
	[]byte("you said"), []byte("you say"), []byte("you wrote"), []byte("you write"), []byte("you mentioned"),
	[]byte("you asked"), []byte("you told us"), []byte("you described"), []byte("you quoted"), []byte("you've said"),
	[]byte("you have said"), []byte("you received"), []byte("you got"), []byte("you were told"), []byte("you heard"),
	[]byte("you called it"), []byte("your message"), []byte("your words"), []byte("who said"), []byte("someone said"),
	[]byte("someone told you"), []byte("a caller"), []byte("letter saying"), []byte("message saying"), []byte("text saying"),
	[]byte("claiming"), []byte("claims to be"), []byte("calling themselves"),
	[]byte("您说"), []byte("你说"), []byte("您刚才说"), []byte("你刚才说"), []byte("您刚说"), []byte("你刚说"), []byte("您提到"), []byte("你提到"), []byte("您问"), []byte("你问"), []byte("您收到"),
	[]byte("你收到"), []byte("您所说"), []byte("你所说"), []byte("有人说"), []byte("有人自称"), []byte("自称"),
	[]byte("您反映"), []byte("您称"), []byte("您写道"), []byte("您留言"), []byte("所谓"),
	[]byte("you told me"), []byte("you replied"), []byte("您回复"), []byte("你回复"), []byte("您之前回复"), []byte("您之前说"), []byte("you called me"), []byte("you called us"), []byte("letter said"), []byte("您投诉"), []byte("你投诉"),
	// A customer's own words noted (原话), words a note says not to use.
	[]byte("原话"), []byte("不要跟客户说"), []byte("别跟客户说"), []byte("不要对客户说"), []byte("别对客户说"),
	// A colleague's or an agent's words, quoted to apologise for them.
	[]byte("同事说"), []byte("同事讲"), []byte("同事用了"), []byte("员工说"), []byte("催收员说"), []byte("用了"),
	[]byte("agent said"), []byte("the word"), []byte("the words"), []byte("the term"),
	// A collector's or an agent's text the borrower complained of.
	[]byte("agent texted"), []byte("collector texted"), []byte("agent wrote"), []byte("collector wrote"), []byte("collector said"),
	[]byte("agent told you"), []byte("collector told you"), []byte("caller told you"), []byte("agency told you"),
	[]byte("he told you"), []byte("she told you"), []byte("they told you"),
	[]byte("you complained that"), []byte("you reported that"),
	// What someone called or described the borrower as, quoted.
	[]byte("called you"), []byte("call you"), []byte("calling you"), []byte("described you as"), []byte("suggested you were"),
	[]byte("称您为"), []byte("称你为"), []byte("称您"), []byte("称你"), []byte("笑你"), []byte("骂你"), []byte("骂您"), []byte("叫你"),
	[]byte("叫您"), []byte("还说"), []byte("bola gaya"), []byte("kaha gaya"),
	// What the borrower called themselves.
	[]byte("you called yourself"), []byte("you described yourself"), []byte("you call yourself"),
	// Hindi in Latin letters: you said, you wrote.
	[]byte("aapne kaha"), []byte("aap ne kaha"), []byte("aapne bola"), []byte("aapne likha"), []byte("tumne kaha"),
	[]byte("tumne bola"), []byte("tumne likha"),
}

// Quotation marks the folded text keeps: curly and straight double quotes
// fold to '"'; corner brackets stay.
var (
	cornerOpen   = []byte("「")
	cornerClose  = []byte("」")
	wCornerOpen  = []byte("『")
	wCornerClose = []byte("』")
)

// cornerLead is the first byte of both opening corner brackets (「 and 『,
// U+300C and U+300E).
const cornerLead = 0xE3

// maxReportGap is the farthest, in bytes, a reporter may end before the
// quotation it introduces.
const maxReportGap = 48

// reportedSpans appends to out the spans of the folded text that quote
// someone else: a quotation, closed in the text, whose sentence holds a
// reporter ending at most maxReportGap bytes before its opening mark. An
// unclosed quotation is no quotation (the guard reads its words).
func reportedSpans(norm []byte, out [][2]int32) [][2]int32 {
	if bytes.IndexByte(norm, '"') < 0 && bytes.IndexByte(norm, '\'') < 0 && !bytes.Contains(norm, cornerOpen) &&
		!bytes.Contains(norm, wCornerOpen) {
		return out
	}
	for i := 0; i < len(norm); {
		if c := norm[i]; c != '"' && c != '\'' && c != cornerLead {
			i++ // opens no quotation: passed without a look at the marks
			continue
		}
		open, body, end := -1, -1, -1
		switch {
		case norm[i] == '"':
			if j := bytes.IndexByte(norm[i+1:], '"'); j >= 0 {
				open, body, end = i, i+1, i+1+j
			}
		case norm[i] == '\'' && opensSingle(norm, i):
			if j := closeSingle(norm, i+1); j >= 0 {
				open, body, end = i, i+1, j
			}
		case bytes.HasPrefix(norm[i:], cornerOpen):
			if j := bytes.Index(norm[i+3:], cornerClose); j >= 0 {
				open, body, end = i, i+3, i+3+j
			}
		case bytes.HasPrefix(norm[i:], wCornerOpen):
			if j := bytes.Index(norm[i+3:], wCornerClose); j >= 0 {
				open, body, end = i, i+3, i+3+j
			}
		}
		if open < 0 {
			i++
			continue
		}
		if reportedBefore(norm, open) || disowned(norm, open, end) {
			out = append(out, [2]int32{int32(body), int32(end)})
		}
		i = end + 1
	}
	return out
}

// disowners are words that disown a quotation in its sentence or the
// next: an apology for it, a warning that it is a scam, a statement that
// the sender did not send it ("对于同事说“…”，我们深表歉意", "收到“…”的短信？
// 那是诈骗").
var disowners = [][]byte{[]byte("sorry"), []byte("apolog"), []byte("道歉"), []byte("抱歉"), []byte("歉意"), []byte("对不起"),
	[]byte("maafi"), []byte("scam"), []byte("fraud"), []byte("诈骗"), []byte("骗局"), []byte("not sent by us"), []byte("didn't send"),
	[]byte("did not send"), []byte("不是我们发"), []byte("不是我司"), []byte("并非我们"), []byte("唔系我哋"),
	// Sent in error, against the sender's practice.
	[]byte("in error"), []byte("by mistake"), []byte("should never have been sent"), []byte("shouldn't have been sent"),
	[]byte("should not have been sent"), []byte("not something we do"), []byte("not our policy"), []byte("not our practice"),
	[]byte("not how we"), []byte("不是我们的做法"), []byte("发错"), []byte("搞错"), []byte("不应该发"), []byte("不该发"),
	// Not the sender at all; the one who wrote it warned or disciplined.
	[]byte("not us"), []byte("isn't us"), []byte("wasn't us"), []byte("weren't us"), []byte("formal warning"), []byte("disciplin"),
	[]byte("been warned"), []byte("已处理该"), []byte("严肃处理"),
	// Fake, in Hindi in Latin letters (woh fake hai, farzi).
	[]byte("fake hai"), []byte("farzi"), []byte("fake message"), []byte("fake sms")}

// disowned reports whether the quotation from open to end stands in a
// sentence that, with the one after it, holds one of disowners.
func disowned(norm []byte, open, end int) bool {
	from := sentenceFrom(norm, open)
	to, ends := end+1, 0
	for to < len(norm) && ends < 2 {
		if sentenceEnd(norm, to) {
			ends++
		}
		to++
	}
	for _, d := range disowners {
		if bytes.Contains(norm[from:to], d) {
			return true
		}
	}
	return false
}

// maxSingleQuote is the longest quotation in single quotation marks, in
// bytes: an apostrophe far after an opening mark closes nothing.
const maxSingleQuote = 240

// opensSingle reports whether the single quotation mark at i opens a
// quotation: it starts a word (after the start, a space or an opening
// punctuation) and a letter or digit follows it, so the apostrophe inside
// a word (don't, borrower's) opens none.
func opensSingle(norm []byte, i int) bool {
	if i+1 >= len(norm) || !isWordByte(norm[i+1]) && norm[i+1] < 0x80 {
		return false
	}
	if i == 0 || norm[i-1] >= 0x80 {
		return true // Chinese writes no apostrophes: a mark after or before a character quotes
	}
	switch norm[i-1] {
	case ' ', '(', '[', ':', ',', '\n', '\t':
		return true
	}
	return false
}

// closeSingle finds the mark closing a single quotation whose words start
// at from: a mark after a word that no letter follows (so not the
// apostrophe of we'll or it's), within maxSingleQuote bytes; -1 when none.
func closeSingle(norm []byte, from int) int {
	for j := from; j < len(norm) && j-from <= maxSingleQuote; j++ {
		if norm[j] != '\'' || j == from || norm[j-1] == ' ' {
			continue
		}
		if j+1 == len(norm) || !isWordByte(norm[j+1]) {
			return j
		}
	}
	return -1
}

// reportedBefore reports whether a reporter ends in the sentence before
// the quotation opening at open, at most maxReportGap bytes before it.
func reportedBefore(norm []byte, open int) bool {
	start := open
	for start > 0 && open-start < maxReportGap+32 {
		switch norm[start-1] {
		case '.', '!', '?', ';', '\n':
			goto found
		}
		start--
	}
found:
	before := norm[start:open]
	for _, r := range reporters {
		if k := bytes.LastIndex(before, r); k >= 0 && len(before)-(k+len(r)) <= maxReportGap {
			return true
		}
	}
	return false
}

// inSpans reports whether [start, end) lies inside one of the spans.
func inSpans(spans [][2]int32, start, end int32) bool {
	for _, sp := range spans {
		if start >= sp[0] && end <= sp[1] {
			return true
		}
	}
	return false
}

// askers report a question the borrower asked, in indirect speech: what
// follows "whether" or "if" up to the sentence's end is what they asked,
// not what the sender states ("You asked whether you'll be arrested. No:
// …"). The answer after it is read on its own.
var askers = [][]byte{
	[]byte("you asked"), []byte("you were asking"), []byte("you've asked"), []byte("you have asked"), []byte("you wanted to know"),
	[]byte("you want to know"), []byte("you'd like to know"), []byte("you wondered"), []byte("you were wondering"),
}

// hearsay report, in indirect speech, what someone else may have told the
// borrower: what follows up to the sentence's end is that claim, not the
// sender's ("Another agency may have told you you'd be arrested; that is
// false").
var hearsay = [][]byte{
	[]byte("may have told you"), []byte("might have told you"), []byte("may have said"), []byte("might have said"),
	[]byte("may have been told"), []byte("might have been told"), []byte("you may have heard"), []byte("you might have heard"),
	[]byte("may have claimed"), []byte("might have claimed"),
}

// hiAskers report in Hindi in Latin letters a question the borrower asked
// (aapne pucha ki …): what follows up to the sentence's end is it.
var hiAskers = [][]byte{
	[]byte("aapne pucha ki"), []byte("aapne poocha ki"), []byte("aapne puchha ki"), []byte("aap ne pucha ki"), []byte("aap ne poocha ki"),
	[]byte("aapne pucha tha ki"), []byte("aapne poocha tha ki"), []byte("aap ne pucha tha ki"), []byte("tumne pucha ki"),
	[]byte("tumne poocha ki"),
}

// toldSpans appends to out the spans of what the borrower said, reported
// without quotation marks: per hit of a teller (lexicon.yaml, tellers:
// "you mentioned", 您提到, "aapne bataya ki"), from the word after it to the
// next break of a clause, a comma too ("You mentioned your cousin could
// lend you the money", 您提到您表哥愿意借钱给您，…), or to a word with
// which the sender goes on in a statement of its own (toldEnds). What the
// message says after it is read.
func (c *checker) toldSpans(out [][2]int32) [][2]int32 {
	return c.spansAfter(useTeller, func(int) (int, bool) { return 0, true }, toldEnds, out)
}

// toldEnds reports whether norm[i] ends what the borrower said: a break
// of a clause, or a word with which the sender goes on in a statement of
// its own ("You told us you cannot pay so our agents will…", 你说你没钱
// 那我们…).
func toldEnds(norm []byte, i int) bool {
	if breaksAt(norm, i) {
		return true
	}
	if i > 0 && norm[i-1] == ' ' {
		for _, w := range toldConnectives {
			if bytes.HasPrefix(norm[i:], w) && (i+len(w) == len(norm) || !isWordByte(norm[i+len(w)])) {
				return true
			}
		}
	}
	for _, w := range toldConnectivesZh {
		if bytes.HasPrefix(norm[i:], w) {
			return true
		}
	}
	return false
}

// toldConnectives and toldConnectivesZh open the sender's own statement
// after reported words.
var (
	toldConnectives   = [][]byte{[]byte("so"), []byte("then"), []byte("therefore"), []byte("which means"), []byte("and now"), []byte("hence"), []byte("meaning")}
	toldConnectivesZh = [][]byte{[]byte("那我们"), []byte("那我"), []byte("所以"), []byte("那么"), []byte("因此"), []byte("我们就"), []byte("我们会"), []byte("我们只能"), []byte("那就")}
)

// spansAfter appends, per hit of a term of the kind, the span from where
// at puts its start (an offset after the hit's end; ok false skips the
// hit) to the first byte at which ends is true (breaksAt: the next break
// of a clause).
func (c *checker) spansAfter(kind uint8, at func(end int) (int, bool), ends func(norm []byte, i int) bool, out [][2]int32) [][2]int32 {
	norm := c.s.norm
	for _, h := range c.s.hits {
		if !c.g.lx.m.terms[h.term].has(kind) {
			continue
		}
		d, ok := at(int(h.end))
		if !ok {
			continue
		}
		start := int(h.end) + d
		end := start
		for end < len(norm) && !ends(norm, end) {
			end++
		}
		out = append(out, [2]int32{int32(start), int32(end)})
	}
	return out
}

// breaksAt reports whether norm[i] starts a mark that ends a clause
// (retractionBreak).
func breaksAt(norm []byte, i int) bool { return retractionBreak(norm, i) > 0 }

// askerWords are words one of which every asker holds, so that a text
// without any is not searched for each asker (TestAskersHoldAskerWords).
var askerWords = [][]byte{[]byte("ask"), []byte("know"), []byte("wonder")}

// askerWord reports whether norm holds one of askerWords.
func askerWord(norm []byte) bool {
	for _, w := range askerWords {
		if bytes.Contains(norm, w) {
			return true
		}
	}
	return false
}

// askedWords may stand between an asker and its question: whom it was
// asked of, and the word that opens it.
var (
	askedOf  = [][]byte{[]byte(" me"), []byte(" us")}
	askedHow = [][]byte{[]byte(" whether "), []byte(" if ")}
)

// zhAskerWhether are the yes-or-no question words after a Chinese asker
// (lexicon.yaml, zh_askers: 您问, 你想了解): what follows, up to the
// clause's end, is the question the borrower asked ("你想了解是不是要坐牢，
// …"), not the sender's statement.
var (
	zhAskedPast    = [][]byte{[]byte("过"), []byte("到")} // 问过, 问到
	zhAskerWhether = [][]byte{[]byte("是否"), []byte("是不是"), []byte("会不会"), []byte("有没有"), []byte("能不能"), []byte("要不要")}
	zhCustomers    = []byte("客户") // the start of every asker of customers' questions (客户问, 客户经常问)
)

// zhTopics are the askers that name a question in quotation marks as the
// topic of an answer (关于“还清后能不能提高信用分”：…).
var zhTopics = [][]byte{[]byte("关于\""), []byte("关于「")}

// zhTopicAt reports whether the asker that ends at end opens a quoted topic.
func zhTopicAt(norm []byte, end int) bool {
	for _, t := range zhTopics {
		if bytes.HasSuffix(norm[:end], t) {
			return true
		}
	}
	return false
}

// zhQuoteEnds reports whether norm[i] ends a quoted topic: its closing mark
// or a break.
func zhQuoteEnds(norm []byte, i int) bool {
	return norm[i] == '"' || bytes.HasPrefix(norm[i:], []byte("」")) || breaksAt(norm, i)
}

// zhTopicQuestion is where the quoted topic that opens at end starts, when
// it holds a yes-or-no question word before its closing mark: the
// borrower's question, which the answer after it takes up, not the
// sender's statement.
func zhTopicQuestion(norm []byte, end int) (int, bool) {
	if !zhTopicAt(norm, end) {
		return 0, false
	}
	for i := end; i < len(norm) && !zhQuoteEnds(norm, i); i++ {
		for _, w := range zhAskerWhether {
			if bytes.HasPrefix(norm[i:], w) {
				return end, true
			}
		}
	}
	return 0, false
}

// zhCustomersAskLen is the length of the longest asker of customers'
// questions (客户经常问).
const zhCustomersAskLen = len("客户经常问")

// zhAskedSpans appends the spans of the questions Chinese askers report,
// from the question word to the next break (retractionBreak): per hit of
// an asker, a question word right after it. Customers' common question
// (客户问, 客户常问) may name its subject first ("客户问还清后能不能再借"):
// its question word may stand anywhere in the clause, and the span starts
// after the asker. The borrower's own askers keep the word right after
// them, since "你问问…是不是" tells the borrower to ask.
func (c *checker) zhAskedSpans(out [][2]int32) [][2]int32 {
	norm := c.s.norm
	out = c.spansAfter(useZhAsker, func(end int) (int, bool) {
		if q, ok := zhTopicQuestion(norm, end); ok {
			return q - end, true
		}
		return 0, false
	}, zhQuoteEnds, out)
	return c.spansAfter(useZhAsker, func(end int) (int, bool) {
		if zhTopicAt(norm, end) {
			return 0, false
		}
		q := end
		if bytes.HasPrefix(norm[q:], zhAskedPast[0]) || bytes.HasPrefix(norm[q:], zhAskedPast[1]) {
			q += len(zhAskedPast[0])
		}
		for _, w := range zhAskerWhether {
			if bytes.HasPrefix(norm[q:], w) {
				return q - end, true
			}
		}
		if !bytes.Contains(norm[max(0, end-zhCustomersAskLen):end], zhCustomers) {
			return 0, false
		}
		for i := q; i < len(norm) && !breaksAt(norm, i); i++ {
			for _, w := range zhAskerWhether {
				if bytes.HasPrefix(norm[i:], w) {
					return q - end, true
				}
			}
		}
		return 0, false
	}, breaksAt, out)
}

// askedSpans appends to out the spans of the folded text that report in
// indirect speech what the borrower asked (askers: from the word after
// "whether" or "if") or what someone else may have told them
// (hearsay: from the word after it), each to the end of its sentence.
func askedSpans(norm []byte, out [][2]int32) [][2]int32 {
	if (bytes.Contains(norm, askedHow[0]) || bytes.Contains(norm, askedHow[1])) && askerWord(norm) {
		out = indirectSpans(norm, askers, true, askedEnds, out)
	}
	if bytes.Contains(norm, []byte("ch")) && bytes.Contains(norm, []byte(" ki")) {
		out = indirectSpans(norm, hiAskers, false, askedEnds, out)
	}
	if bytes.Contains(norm, []byte("ght have")) || bytes.Contains(norm, []byte("may have")) {
		out = indirectSpans(norm, hearsay, false, askedEnds, out)
	}
	return out
}

// indirectSpans appends the spans of indirect speech after each of the
// reporters, which need "whether" or "if" after them when opened is set.
func indirectSpans(norm []byte, reporters [][]byte, opened bool, ends func(norm []byte, i int) bool, out [][2]int32) [][2]int32 {
	for _, a := range reporters {
		for from := 0; ; {
			k := bytes.Index(norm[from:], a)
			if k < 0 {
				break
			}
			start := from + k
			i := start + len(a)
			from = i
			if start > 0 && isWordByte(norm[start-1]) || i < len(norm) && isWordByte(norm[i]) {
				continue
			}
			if opened {
				for _, w := range askedOf {
					if bytes.HasPrefix(norm[i:], w) {
						i += len(w)
						break
					}
				}
				ok := false
				for _, w := range askedHow {
					if bytes.HasPrefix(norm[i:], w) {
						i += len(w)
						ok = true
						break
					}
				}
				if !ok {
					continue
				}
			}
			end := i
			for end < len(norm) && !ends(norm, end) {
				end++
			}
			out = append(out, [2]int32{int32(i), int32(end)})
		}
	}
	return out
}

// askedEnds reports whether norm[i] ends a reported question.
func askedEnds(norm []byte, i int) bool {
	b := norm[i]
	switch b {
	case '.', '?', '!', ';', ':', '\n':
		return true
	}
	return false
}

// retractedSpans appends to out the spans of the folded text that report
// words the next sentence takes back (lexicon.yaml, report_verbs and
// after): per hit of a retraction, a flat denial or an echo denial that
// opens a sentence, the sentence before it, whole, from the end of the one
// before; with a flat or echo denial, the denial too, which says nothing
// of its own ("You aren't.").
func (c *checker) retractedSpans(out [][2]int32) [][2]int32 {
	s, m := c.s, c.g.lx.m
	for _, h := range s.hits {
		for _, u := range m.terms[h.term].uses {
			if u.kind < useRetraction || u.kind > useEchoDenial {
				continue
			}
			q, w := breakBefore(s.norm, int(h.start))
			if w == 0 {
				continue
			}
			from := sentenceStart(s.norm, q)
			if apologyOnly(s.norm[from:q]) {
				// "…said X. I'm sorry, that was wrong.": the apology
				// stands between the report and its retraction.
				if q, w = breakBefore(s.norm, from); w == 0 {
					continue
				}
				from = sentenceStart(s.norm, q)
			}
			end := int(h.end)
			switch u.kind {
			case useRetraction:
				end = q
				if !c.reportIn(from, q) {
					continue
				}
			case useFlatDenial:
				if !c.reportIn(from, q) || !endsThere(s.norm, end) {
					continue
				}
			case useEchoDenial:
				if !shortQuestion(s.norm, from, q) {
					continue
				}
			}
			out = append(out, [2]int32{int32(from), int32(end)})
		}
	}
	return out
}

// onlyRetractionTerms reports whether every term found serves retraction
// alone (a verb of saying, a denial of what was said, an ignore verb).
func (c *checker) onlyRetractionTerms() bool {
	for _, h := range c.s.hits {
		for _, u := range c.g.lx.m.terms[h.term].uses {
			if u.kind < useReport || u.kind > useZhAsker {
				return false
			}
		}
	}
	return true
}

// apologies are the words of an apology alone, which may stand between a
// report and its retraction.
var apologies = [][]byte{[]byte("i'm sorry"), []byte("i am sorry"), []byte("sorry"), []byte("we're sorry"), []byte("we are sorry"),
	[]byte("apologies"), []byte("my apologies"), []byte("our apologies"), []byte("i apologise"), []byte("i apologize"),
	[]byte("we apologise"), []byte("we apologize"), []byte("hum maafi maangte hain"), []byte("对不起"), []byte("抱歉"), []byte("很抱歉"),
	[]byte("不好意思"), []byte("非常抱歉")}

// apologyOnly reports whether seg, spaces aside, is an apology alone.
func apologyOnly(seg []byte) bool {
	seg = bytes.TrimSpace(seg)
	for _, a := range apologies {
		if bytes.Equal(seg, a) {
			return true
		}
	}
	return false
}

// reportIn reports whether a verb of saying stands in norm[from:to].
func (c *checker) reportIn(from, to int) bool {
	for _, h := range c.s.hits {
		if int(h.start) < from || int(h.end) > to {
			continue
		}
		for _, u := range c.g.lx.m.terms[h.term].uses {
			if u.kind == useReport {
				return true
			}
		}
	}
	return false
}

// breakBefore finds the mark that ends a sentence (retractionBreak) right
// before norm[i], spaces aside: its start q and width w, 0 when none.
func breakBefore(norm []byte, i int) (q, w int) {
	for i > 0 && norm[i-1] == ' ' {
		i--
	}
	if i >= 1 {
		if w := retractionBreak(norm, i-1); w == 1 {
			return i - 1, 1
		}
	}
	if i >= 3 {
		if w := retractionBreak(norm, i-3); w == 3 {
			return i - 3, 3
		}
	}
	return 0, 0
}

// sentenceStart is where the sentence that ends at q starts: after the
// mark before it, or 0.
func sentenceStart(norm []byte, q int) int {
	for i := q - 1; i >= 0; i-- {
		if w := retractionBreak(norm, i); w > 0 && i+w <= q {
			return i + w
		}
	}
	return 0
}

// endsThere reports whether the sentence ends at norm[i] (" at all" and
// spaces aside): the text ends or a mark follows.
func endsThere(norm []byte, i int) bool {
	rest := bytes.TrimPrefix(norm[i:], []byte(" at all"))
	rest = bytes.TrimLeft(rest, " ")
	return len(rest) == 0 || retractionBreak(rest, 0) > 0
}

// maxEchoWords and maxEchoHan bound a term echoed as a question, in bytes:
// a few words, or four Chinese characters.
const (
	maxEchoWords = 3
	maxEchoHan   = 12
)

// shortQuestion reports whether norm[from:q] is a short question ended
// by the question mark at q: a term the borrower asked about, echoed.
func shortQuestion(norm []byte, from, q int) bool {
	if norm[q] != '?' && !bytes.HasPrefix(norm[q:], []byte("？")) {
		return false
	}
	echo := bytes.TrimSpace(norm[from:q])
	return len(echo) > 0 && (hasHan(echo) && len(echo) <= maxEchoHan || !hasHan(echo) && wordCount(echo) <= maxEchoWords)
}

// retractionBreak is the width of the mark at norm[i] that ends a reported
// sentence (. ? ! ; and their Chinese forms, and a comma), 0 for none. A
// point inside a number ends nothing.
func retractionBreak(norm []byte, i int) int {
	switch norm[i] {
	case '?', '!', ';', ',', '\n':
		return 1
	case '.':
		if !digitGroup(norm, i) {
			return 1
		}
		return 0
	case 0xE3, 0xEF: // the lead byte of 。 and of ？！；，
	default:
		return 0
	}
	for _, m := range cjkBreaks {
		if bytes.HasPrefix(norm[i:], m) {
			return len(m)
		}
	}
	return 0
}

// cjkBreaks are the Chinese marks that end a reported sentence.
var cjkBreaks = [][]byte{[]byte("。"), []byte("？"), []byte("！"), []byte("；"), []byte("，")}

// Legal process as the condition of a right: a sentence that opens with a
// condition (conditionOpeners) naming legal process, whose next clause
// opens with what the borrower may then do or will be told first
// (rightsAfter: "If a claim is ever issued, you could still ask the court
// for time", 若走到法院这一步，我们会提前书面通知您), states the borrower's
// position, not a threat: the lexicon does not read the condition. A
// condition of non-payment (payDefaults: "if you don't pay", 如果你不还)
// is a threat's condition and stays read, and so does a main clause that
// opens otherwise ("…, the court will take your house").
var (
	conditionOpeners = [][]byte{
		[]byte("if "), []byte("should "), []byte("were "), []byte("in case "), []byte("in the event "), []byte("even if "),
		[]byte("如果"), []byte("若"), []byte("假如"), []byte("倘若"), []byte("万一"), []byte("要是"), []byte("如若"), []byte("即使"),
		[]byte("就算"),
	}
	rightsAfter = [][]byte{
		[]byte("you could still"), []byte("you could ask"), []byte("you could apply"), []byte("you would be able"),
		[]byte("you'd be able"), []byte("you will be able to"), []byte("you'll be able to"), []byte("you can still"),
		[]byte("you can ask"), []byte("you can apply"), []byte("you can defend"), []byte("you can respond"), []byte("you may ask"),
		[]byte("you may apply"), []byte("you may defend"), []byte("you may respond"), []byte("you would receive"),
		[]byte("you'd receive"), []byte("you will receive"), []byte("you'll receive"), []byte("you would have the right"),
		[]byte("you'd have the right"), []byte("you will have the right"), []byte("you have the right"), []byte("you would get the chance"),
		[]byte("we would write"), []byte("we'd write"), []byte("we will write to you"), []byte("we'll write to you"),
		[]byte("we would tell you first"), []byte("we'd tell you first"), []byte("we will tell you first"), []byte("we'll tell you first"),
		[]byte("we would let you know"), []byte("we'd let you know"), []byte("we will let you know"), []byte("we'll let you know"),
		[]byte("we would contact you first"), []byte("we will contact you first"), []byte("we'll contact you first"),
		[]byte("we would notify"), []byte("we'd notify"), []byte("we will notify you"), []byte("we'll notify you"),
		[]byte("they have to give you"), []byte("they must give you"), []byte("they would have to give you"),
		[]byte("they'd have to give you"), []byte("they'll have to give you"),
		[]byte("the court would write"), []byte("the court would send"), []byte("the court would post"), []byte("the court will send you"),
		[]byte("您仍然可以"), []byte("您仍可"), []byte("你仍然可以"), []byte("你仍可"), []byte("您依然可以"), []byte("您也可以"),
		[]byte("您可以向法院"), []byte("你可以向法院"), []byte("您有权"), []byte("你有权"), []byte("我们会提前"), []byte("我们会先"),
		[]byte("我们也会先"), []byte("我们会事先"), []byte("会提前书面通知"), []byte("会提前通知"), []byte("会先书面通知"),
		[]byte("会先通知您"), []byte("法院会先"), []byte("您会先收到"), []byte("你会先收到"), []byte("您会收到法院"), []byte("我哋会提前"),
		[]byte("我哋会先"), []byte("你都可以"),
	}
	payDefaults = [][]byte{
		[]byte("don't"), []byte("do not"), []byte("didn't"), []byte("did not"), []byte("fail"), []byte("ignore"), []byte("refuse"),
		[]byte("won't"), []byte("will not"), []byte("not pay"), []byte("miss"), []byte("keep"), []byte("continue"), []byte("still haven't"),
		[]byte("不还"), []byte("不处理"), []byte("不还钱"), []byte("不还款"), []byte("拒不"), []byte("不配合"), []byte("还不上"), []byte("继续拖"),
		[]byte("再拖"), []byte("再不"), []byte("不理"), []byte("唔还"), []byte("唔理"), []byte("拖欠"),
	}
)

// legalTerms reports whether a term of a family of legal process (gate
// legal) or of officers (government: bailiffs, the police) was found: only
// such terms are read through conditionSpans.
func (c *checker) legalTerms() bool {
	lx := c.g.lx
	for _, h := range c.s.hits {
		for _, u := range lx.m.terms[h.term].uses {
			if u.kind == useFamily && (lx.families[u.family].gate == gateLegal || lx.families[u.family].name == "government") {
				return true
			}
		}
	}
	return false
}

// conditionSpans appends to out the spans of conditions of a right: per
// sentence opening with a condition and holding a clause break, the
// condition up to the break, when the clause after it opens with one of
// rightsAfter and the condition holds none of payDefaults.
func conditionSpans(norm []byte, out [][2]int32) [][2]int32 {
	start := 0
	for start < len(norm) {
		end := start
		for end < len(norm) && !sentenceEnd(norm, end) {
			end++
		}
		out = conditionSpan(norm, start, end, out)
		start = end + 1
		for start < len(norm) && norm[start]&0xC0 == 0x80 {
			start++ // the rest of a mark of several bytes
		}
	}
	return out
}

// conditionSpan is conditionSpans for one sentence, norm[from:to].
func conditionSpan(norm []byte, from, to int, out [][2]int32) [][2]int32 {
	s := skipSpace(norm, from)
	opens := false
	for _, o := range conditionOpeners {
		if bytes.HasPrefix(norm[s:to], o) {
			opens = true
			break
		}
	}
	if !opens {
		return out
	}
	brk := -1
	for i := s; i < to; i++ {
		if norm[i] == ',' || bytes.HasPrefix(norm[i:to], cjkComma) {
			brk = i
			break
		}
	}
	if brk < 0 {
		return out
	}
	for _, d := range payDefaults {
		if bytes.Contains(norm[s:brk], d) {
			return out
		}
	}
	w := 1
	if norm[brk] != ',' {
		w = len(cjkComma)
	}
	main := norm[skipSpace(norm, brk+w):to]
	for _, r := range rightsAfter {
		if bytes.HasPrefix(main, r) {
			return append(out, [2]int32{int32(s), int32(brk)})
		}
	}
	return out
}

// cjkComma is the Chinese comma.
var cjkComma = []byte("，")

// sentenceFrom is where the sentence that holds norm[i] starts: right
// after the mark (sentenceEnd, one byte or a Chinese three) before it, or 0.
func sentenceFrom(norm []byte, i int) int {
	for i > 0 && !sentenceEnd(norm, i-1) && !(i >= 3 && sentenceEnd(norm, i-3)) {
		i--
	}
	return i
}

// sentenceEnd reports whether norm[i] starts a mark that ends a sentence:
// a mark of retractionBreak but a comma.
func sentenceEnd(norm []byte, i int) bool {
	return retractionBreak(norm, i) > 0 && norm[i] != ',' && !bytes.HasPrefix(norm[i:], cjkComma)
}

// wordCount is the number of space-separated words of b.
func wordCount(b []byte) int {
	n, in := 0, false
	for _, c := range b {
		w := c != ' '
		if w && !in {
			n++
		}
		in = w
	}
	return n
}
