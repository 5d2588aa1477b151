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
	[]byte("您说"), []byte("你说"), []byte("您提到"), []byte("你提到"), []byte("您问"), []byte("你问"), []byte("您收到"),
	[]byte("你收到"), []byte("您所说"), []byte("你所说"), []byte("有人说"), []byte("有人自称"), []byte("自称"),
	[]byte("您反映"), []byte("您称"), []byte("您写道"), []byte("您留言"), []byte("所谓"),
	[]byte("you told me"), []byte("you replied"), []byte("您回复"), []byte("你回复"), []byte("您之前回复"), []byte("您之前说"), []byte("you called me"), []byte("you called us"), []byte("letter said"), []byte("您投诉"), []byte("你投诉"),
	// A customer's own words noted (原话), words a note says not to use.
	[]byte("原话"), []byte("不要跟客户说"), []byte("别跟客户说"), []byte("不要对客户说"), []byte("别对客户说"),
	// A colleague's or an agent's words, quoted to apologise for them.
	[]byte("同事说"), []byte("同事讲"), []byte("同事用了"), []byte("员工说"), []byte("催收员说"), []byte("用了"),
	[]byte("agent said"), []byte("the word"), []byte("the words"), []byte("the term"),
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
		if reportedBefore(norm, open) {
			out = append(out, [2]int32{int32(body), int32(end)})
		}
		i = end + 1
	}
	return out
}

// maxSingleQuote is the longest quotation in single quotation marks, in
// bytes: an apostrophe far after an opening mark closes nothing.
const maxSingleQuote = 240

// opensSingle reports whether the single quotation mark at i opens a
// quotation: it starts a word (after the start, a space or an opening
// punctuation) and a letter or digit follows it, so the apostrophe inside
// a word (don't, borrower's) opens none.
func opensSingle(norm []byte, i int) bool {
	if i+1 >= len(norm) || !isWordByte(norm[i+1]) {
		return false
	}
	if i == 0 {
		return true
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

// askedSpans appends to out the spans of the folded text that report in
// indirect speech what the borrower asked (askers: from the word after
// "whether" or "if") or what someone else may have told them (hearsay:
// from the word after it), each to the end of its sentence.
func askedSpans(norm []byte, out [][2]int32) [][2]int32 {
	if (bytes.Contains(norm, askedHow[0]) || bytes.Contains(norm, askedHow[1])) && askerWord(norm) {
		out = indirectSpans(norm, askers, true, out)
	}
	if bytes.Contains(norm, []byte("ght have")) || bytes.Contains(norm, []byte("may have")) {
		out = indirectSpans(norm, hearsay, false, out)
	}
	return out
}

// indirectSpans appends the spans of indirect speech after each of the
// reporters, which need "whether" or "if" after them when opened is set.
func indirectSpans(norm []byte, reporters [][]byte, opened bool, out [][2]int32) [][2]int32 {
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
			for end < len(norm) && !askedEnds(norm[end]) {
				end++
			}
			out = append(out, [2]int32{int32(i), int32(end)})
		}
	}
	return out
}

// askedEnds reports whether b ends a reported question.
func askedEnds(b byte) bool {
	switch b {
	case '.', '?', '!', ';', ':', '\n':
		return true
	}
	return false
}
