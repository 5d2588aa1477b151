package agent

import (
	"strings"
	"unicode/utf8"

	"github.com/parley-collections/parley/prompts"
)

// Questions the templates do not cover are answered from the knowledge
// base, quoting the passage and naming its document; with a phraser, the
// model answers from the passages at delivery (streamed sentence by
// sentence on voice), the quote behind its answer as the fallback. The
// knowledge base holds general guidance, never account data, so it may
// answer before verification too.

// minScore is the least relevance a passage needs to be quoted.
const minScore = 0.2

// maxQuote bounds a quoted passage, in runes, so an SMS stays readable.
const maxQuote = 480

// question answers from the knowledge base, or says what the assistant can do.
func (f *flow) question(c Command) {
	kb := f.o.cfg.Knowledge
	q := c.Text
	if q == "" {
		q = f.t.Inbound.Text
	}
	if kb == nil || strings.TrimSpace(q) == "" {
		f.notUnderstood()
		return
	}
	ps, err := kb.Search(f.ctx, q, f.t.Locale, 3)
	if err != nil {
		f.o.log.Warn("flows: knowledge search failed", "conversation", f.t.Conversation.ID, "err", err)
		f.notUnderstood()
		return
	}
	var good []Passage
	for _, p := range ps {
		if p.Score >= minScore && strings.TrimSpace(p.Text) != "" {
			good = append(good, p)
		}
	}
	if len(good) == 0 {
		f.notUnderstood()
		return
	}
	quote := prompts.Answer{Title: good[0].Title, Text: clip(strings.TrimSpace(good[0].Text), maxQuote)}
	if f.o.cfg.Phraser != nil {
		// The model may answer from the passages at delivery; the quote
		// stays behind its answer as the fallback (flow_reword.go).
		f.say(answerDraft{Answer: quote, question: q, passages: good})
		return
	}
	f.say(quote)
}

// clip shortens s to at most n runes, at a sentence or word end when it can.
func clip(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)[:n]
	cut := string(r)
	if i := strings.LastIndexAny(cut, ".。!?！？"); i > len(cut)/2 {
		return cut[:i+utf8.RuneLen([]rune(cut[i:])[0])]
	}
	if i := strings.LastIndexByte(cut, ' '); i > len(cut)/2 {
		return cut[:i] + "…"
	}
	return cut + "…"
}
