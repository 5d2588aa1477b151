package policies

import "bytes"

// An earlier message disowned: "Please disregard yesterday's text telling
// you to borrow from your family. It should never have been sent",
// 请忽略昨天那条让您找朋友借钱的短信，那不是我们的做法. A sentence that tells
// the borrower to ignore a message (an ignore verb and a message noun in
// the sentence) reports that message when it, or the sentence after it,
// disowns it (disowners: an apology, sent in error, not our practice), and
// the verb is a request: it opens the sentence, after a please or a 请 at
// most ("if you ignore our calls" and 你再无视我们的电话 are no such
// sentence). In English the message reported runs from the sentence's
// start to its end, or to an "and" or "then" after the noun, which may
// join a request of the sender's own ("Ignore our last message and reply
// with …" is read); in Chinese, where what a message said comes before
// the noun, to the noun or the verb, whichever ends later.
var (
	messageNouns = [][]byte{[]byte("message"), []byte("text"), []byte("sms"), []byte("email"), []byte("e-mail"), []byte("letter"),
		[]byte("voicemail"), []byte("notice"), []byte("call"), []byte("whatsapp"), []byte("短信"), []byte("信息"), []byte("消息"),
		[]byte("讯息"), []byte("邮件"), []byte("留言"), []byte("通知"), []byte("电话")}
	ignoreJoiners = [][]byte{[]byte(" and "), []byte(" then ")}
)

// ignoredSpans appends to out the spans of the folded text that report a
// message the sender tells the borrower to ignore and disowns: per hit of
// an ignore verb (lexicon.yaml, ignore_verbs), its sentence.
func (c *checker) ignoredSpans(out [][2]int32) [][2]int32 {
	norm := c.s.norm
	for _, h := range c.s.hits {
		if !c.g.lx.m.terms[h.term].has(useIgnore) {
			continue
		}
		v, vn := int(h.start), int(h.end-h.start)
		from, to := sentenceFrom(norm, v), v+vn
		for to < len(norm) && !sentenceEnd(norm, to) {
			to++
		}
		if n, nn := firstOf(norm[from:to], messageNouns, 0); n >= 0 && asked(norm[from:v]) && disowned(norm, from, to-1) {
			end := to
			if norm[from+n] >= 0x80 {
				end = max(from+n+nn, v+vn)
			} else if k, _ := firstOf(norm[from+n+nn:to], ignoreJoiners, 0); k >= 0 {
				end = from + n + nn + k
			}
			out = append(out, [2]int32{int32(from), int32(end)})
		}
	}
	return out
}

// requestOpeners may stand before an ignore verb that asks.
var requestOpeners = [][]byte{[]byte("please"), []byte("kindly"), []byte("just"), []byte("请"), []byte("麻烦"), []byte("烦请")}

// asked reports whether lead, the sentence before an ignore verb, leaves
// the verb a request: nothing but spaces, or a message noun's phrase in
// Chinese ending in 请 (之前那条…的消息请忽略), or a please.
func asked(lead []byte) bool {
	lead = bytes.TrimSpace(lead)
	if len(lead) == 0 {
		return true
	}
	for _, w := range requestOpeners {
		if bytes.HasSuffix(lead, w) && (len(lead) == len(w) || w[0] >= 0x80 || lead[len(lead)-len(w)-1] == ' ') {
			return true
		}
	}
	return false
}

// firstOf finds the first of words in b at or after from: its index and
// length, -1 when none.
func firstOf(b []byte, words [][]byte, from int) (int, int) {
	at, n := -1, 0
	for _, w := range words {
		if k := bytes.Index(b[from:], w); k >= 0 && (at < 0 || from+k < at) {
			at, n = from+k, len(w)
		}
	}
	return at, n
}
