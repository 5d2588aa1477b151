package agent

import (
	"strings"
	"unicode/utf8"

	"github.com/parley-collections/parley/prompts"
)

// Questions the templates do not cover are answered from the knowledge
// base, quoting the passage and naming its document. The knowledge base
// holds general guidance, never account data, so it may answer before
// verification too.

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
	if f.phrase(q, good, quote) {
		return
	}
	f.say(quote)
}

// phrase asks the model, when one is configured, to answer from the
// passages; the quoted passage stays behind it as the fallback the guard can
// fall back to. It reports whether the model's answer was queued.
func (f *flow) phrase(question string, passages []Passage, quote prompts.Answer) bool {
	ph := f.o.cfg.Phraser
	if ph == nil {
		return false
	}
	res, err := ph.Phrase(f.ctx, PhraseRequest{Locale: f.t.Locale, Channel: f.t.Conversation.Channel, Question: question, Passages: passages})
	if err != nil || strings.TrimSpace(res.Text) == "" {
		if err != nil {
			f.o.log.Warn("flows: phrasing failed, quoting the passage", "conversation", f.t.Conversation.ID, "err", err)
		}
		return false
	}
	f.say(quote)
	if f.done {
		return true // rendering failed; the turn reports it
	}
	alt := f.parts[len(f.parts)-1]
	f.parts[len(f.parts)-1] = part{text: strings.TrimSpace(res.Text), version: res.PromptVersion, purpose: alt.purpose, model: res.Model, alt: &alt}
	return true
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
