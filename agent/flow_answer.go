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
	for _, p := range ps {
		if p.Score < minScore || strings.TrimSpace(p.Text) == "" {
			continue
		}
		f.say(prompts.Answer{Title: p.Title, Text: clip(strings.TrimSpace(p.Text), maxQuote)})
		return
	}
	f.notUnderstood()
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
