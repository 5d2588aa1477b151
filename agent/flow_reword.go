package agent

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/parley-collections/parley/policies"
	"github.com/parley-collections/parley/policies/numread"
	"github.com/parley-collections/parley/prompts"
)

// Rewording. When a Phraser is configured, a reply the flows composed from
// templates may go out in the model's words, and a knowledge-base answer
// may be phrased from its passages instead of quoted: the flows mark the
// reply (reword), and delivery asks the phraser (phrased, or streamPhrased
// on a streaming voice turn) and keeps the template as the reply's
// fallback. The guard checks the model's words like any draft, and check
// adds a grounding rule for them: they may state no number and no date
// that the draft, the question or the passages did not (Ungrounded). When
// the guard refuses them, the template goes out as it was drafted and the
// refusal is stored as a blocked message with a message_blocked event.
//
// Only the templates in rewordable may be reworded. Every other template's
// exact words are fixed: disclosures (the mini-Miranda, validation
// notices), the introduction and "are you a bot" answers, identity
// requests, opt-out, opt-in, HELP and stop confirmations, crisis and
// hardship replies, the approved credit-report and arrest wording, advice
// signposting, payment instructions and the fees answer, dispute
// acknowledgements, paused and handoff notices, promise and plan
// confirmations (they record an agreement and carry a payment link),
// third-party answers and the fallback. A reply that joins a fixed
// template to a rewordable one keeps every word. So is anything whose
// purpose (policies.Purpose*) is not ordinary collection content: only a
// reply to a verified borrower, on an account with no dispute or
// bankruptcy, is reworded, and only a reply to the borrower's own message,
// never an outreach message.

// rewordable lists the templates, by name without version, whose words the
// model may change. Adding one is a compliance decision: its wording must
// not be legally fixed.
var rewordable = map[string]bool{
	// Answers about the account, from the system of record. How to pay and
	// fees are not among them: a payment method or a fee the model made up
	// carries no number for the grounding rule to catch.
	"balance":  true,
	"due_date": true,
	"creditor": true,
	"purpose":  true,
	// Plan explanations: the options the negotiation engine computed.
	"offer": true,
	// Small talk.
	"menu":           true,
	"closing":        true,
	"not_understood": true,
}

// answerDraft is a quoted knowledge-base passage that the phraser may turn
// into an answer to the question at delivery (flow_answer.go).
type answerDraft struct {
	prompts.Answer
	question string
	passages []Passage
}

// reword marks a composed reply for the phraser at delivery, when one is
// configured: a lone knowledge-base answer to be answered from its
// passages, or a reply every part of which may be reworded.
func (f *flow) reword(r *Reply, group []part) {
	t := f.t
	if f.o.cfg.Phraser == nil || t.Inbound.ID == "" || t.initiatedBy != "" {
		return
	}
	req := PhraseRequest{Locale: t.Locale, Channel: t.Conversation.Channel}
	if a, ok := group[0].data.(answerDraft); ok && len(group) == 1 {
		// The knowledge base holds no account data: an answer may be
		// phrased whatever the reply's purpose, before verification too.
		req.Question, req.Passages = a.question, a.passages
		r.phrase = &req
		return
	}
	if r.Purpose != policies.PurposeCollection {
		return
	}
	for _, p := range group {
		if p.data == nil {
			return
		}
		if a, ok := p.data.(answerDraft); ok {
			req.Passages = append(req.Passages, a.passages...)
			continue
		}
		name, _, _ := strings.Cut(p.data.Template(), ".")
		if !rewordable[name] {
			return
		}
	}
	req.Draft = r.Text
	r.phrase = &req
}

// phrased asks the phraser to reword r, or to answer its question. It
// returns the model's words with the template behind them as the fallback,
// or the template alone when the phraser fails.
func (o *Orchestrator) phrased(ctx context.Context, t *Turn, r Reply) Reply {
	tmpl := r
	tmpl.phrase = nil
	pctx, cancel := phraseContext(ctx)
	defer cancel()
	res, err := o.cfg.Phraser.Phrase(pctx, *r.phrase)
	text := strings.TrimSpace(res.Text)
	if err != nil || text == "" {
		o.log.Warn("flows: phrasing failed, sending the template", "conversation", t.Conversation.ID, "err", err)
		return tmpl
	}
	return modelReply(tmpl, r.phrase, res, text)
}

// modelReply is text the model wrote in place of tmpl: it records the
// model and the prompt version, followed by the template's version
// ("system.v1.en.sms/balance.v1.en"), may state only the numbers and dates
// that tmpl or the request states, and falls back to tmpl.
func modelReply(tmpl Reply, req *PhraseRequest, res PhraseResult, text string) Reply {
	return Reply{
		Text:            text,
		TemplateVersion: res.PromptVersion + "/" + tmpl.TemplateVersion,
		Model:           res.Model,
		Purpose:         tmpl.Purpose,
		Fallback:        &tmpl,
		sources:         sources(tmpl, req),
	}
}

// storeReserve is the part of a turn's deadline phrasing leaves for
// guarding, storing and sending: a slow model costs the borrower the
// model's words, never the reply.
const storeReserve = time.Second

// phraseContext bounds a phrasing call to the turn's deadline less
// storeReserve; with less than that left, it is already cancelled and the
// template goes out.
func phraseContext(ctx context.Context) (context.Context, context.CancelFunc) {
	if dl, ok := ctx.Deadline(); ok {
		return context.WithDeadline(ctx, dl.Add(-storeReserve))
	}
	return context.WithCancel(ctx)
}

// sources are what a model's words for tmpl may draw numbers and dates
// from: the template and the question and passages it was given.
func sources(tmpl Reply, req *PhraseRequest) []string {
	out := []string{tmpl.Text, req.Question}
	for _, p := range req.Passages {
		out = append(out, p.Title, p.Text)
	}
	return out
}

// streamPhrased is deliver's path for a reply to reword on a streaming
// voice turn. The model's text goes to the stream sentence by sentence, each
// sentence as soon as the guard allows the reply so far with it: the same
// facts as a whole reply and the same grounding rule against the draft, so
// that the last check is the decision on exactly the text stored. The guard
// may only append to what it allows (the debt-collector notice, say): what
// it appends is streamed as the last chunk. A revision that changes what
// was written counts as a refusal.
//
// What the borrower hears, and what is stored:
//
//   - Every sentence passes: the model's sentences, one chunk each (a chunk
//     after the first starts with the space between English sentences), and
//     then what the guard appends. One message is stored as sent: the chunks
//     concatenated, with the model and the prompt and template versions.
//   - The guard refuses a sentence after some went out, or the phraser fails
//     after some: the refused sentence never reaches the stream; it is stored
//     as a blocked message, with message_blocked, and the generation is
//     cancelled. The borrower hears the sentences already streamed and then
//     the template in full as one more chunk (its fallback instead when the
//     guard refuses the template after those sentences; nothing more when it
//     refuses every fallback). The stored message is exactly the chunks
//     streamed: the model's sentences followed by the template.
//   - The guard refuses the first sentence, or the phraser fails before one:
//     nothing of the model's is heard and the template is delivered as on
//     any channel.
//
// Every chunk is stored before it is spoken: the first as the reply,
// status sending, and each later one by rewriting the reply's text to all
// that will have been said (Store.ReviseOutbound); the reply is marked sent
// once complete. A turn cancelled mid-reply (a barge-in) leaves the reply
// as far as it was spoken, and the voice channel records what the caller
// heard of it. A supervisor who takes the conversation over mid-reply stops
// it at the next chunk: the reply is what was spoken by then. Taken over
// before the first chunk, the store refuses the reply and message_blocked
// records it.
func (o *Orchestrator) streamPhrased(ctx context.Context, t *Turn, r Reply, id string, to turnOptions) (Message, bool, error) {
	tmpl := r
	tmpl.phrase = nil
	pctx, cancel := phraseContext(ctx)
	defer cancel()
	var (
		said     string            // the chunks streamed so far, concatenated
		last     policies.Decision // the guard's decision on said
		refused  *Reply            // the model's reply so far that the guard refused
		refusal  policies.Decision
		stored   bool    // the reply is in the store, sending
		dropped  Message // what the store refused once a supervisor took over
		taken    bool    // a supervisor took over after the first chunk
		storeErr error
	)
	// record stores text, with the guard's decision d, before it is spoken.
	record := func(text string, d policies.Decision) bool {
		m := o.outbound(t, Reply{Text: text, TemplateVersion: tmpl.TemplateVersion}, id, AuthorAgent, "", &d)
		var err error
		if stored {
			conv, cerr := o.cfg.Store.Conversation(ctx, t.Conversation.ID)
			if cerr != nil {
				storeErr = cerr
				return false
			}
			if !conv.OwnedByAI() {
				taken = true
				return false
			}
			err = o.cfg.Store.ReviseOutbound(ctx, m)
		} else {
			m.Status = StatusSending
			dropped, err = o.cfg.Store.InsertOutbound(ctx, m, nil, true)
			stored = err == nil
		}
		if err != nil && !errors.Is(err, ErrNotOwner) {
			storeErr = err
		}
		return err == nil
	}
	// extend streams more of the reply when the guard allows said with it.
	extend := func(more string, from ...string) bool {
		if storeErr != nil || taken || dropped.Status == StatusDropped {
			return false
		}
		next := said + sentenceSep(said) + more
		cand := Reply{Text: next, Purpose: tmpl.Purpose, sources: from}
		d := o.check(t, cand)
		if !d.Sendable() || !strings.HasPrefix(d.Text, next) {
			refused, refusal = &cand, d
			return false
		}
		if !record(next, d) {
			return false
		}
		to.stream(next[len(said):])
		said, last = next, d
		return true
	}
	grounds := sources(tmpl, r.phrase)
	req := *r.phrase
	req.Stream = func(sentence string) {
		if refused == nil && !extend(sentence, grounds...) {
			cancel() // stop the generation: nothing more of it is heard
		}
	}
	res, err := o.cfg.Phraser.Phrase(pctx, req)
	if cerr := ctx.Err(); cerr != nil {
		return Message{}, false, fmt.Errorf("phrase: %w", cerr)
	}
	// stopped ends the reply early: on a failed write, or once a
	// supervisor owns the conversation, with what was spoken by then.
	stopped := func() (done bool, m Message, blocked bool, err error) {
		switch {
		case storeErr != nil:
			return true, Message{}, false, storeErr
		case dropped.Status == StatusDropped:
			o.takenOver(ctx, t, dropped)
			return true, dropped, true, nil
		case taken:
			m := o.outbound(t, Reply{Text: said, TemplateVersion: tmpl.TemplateVersion}, id, AuthorAgent, "", &last)
			m, blocked, err := o.send(ctx, t, m, to, true)
			return true, m, blocked, err
		}
		return false, Message{}, false, nil
	}
	if done, m, blocked, err := stopped(); done {
		return m, blocked, err
	}
	if err != nil && refused == nil {
		o.log.Warn("flows: rewording failed mid-stream, sending the template", "conversation", t.Conversation.ID, "err", err)
	}
	version := res.PromptVersion + "/" + tmpl.TemplateVersion
	if refused != nil {
		blockID := id
		if said != "" {
			blockID = replyID(id, 1)
		}
		m := o.outbound(t, Reply{Text: refused.Text, TemplateVersion: version, Model: res.Model}, blockID, AuthorAgent, "", &refusal)
		o.block(t, m)
	}
	if said == "" {
		if refused != nil {
			id = replyID(id, 1)
		}
		return o.deliver(ctx, t, tmpl, id, AuthorAgent, "", to)
	}
	if refused != nil || err != nil {
		for alt := &tmpl; alt != nil; alt = alt.Fallback {
			if extend(alt.Text, append(grounds, alt.Text)...) {
				break
			}
		}
	}
	if done, m, blocked, err := stopped(); done {
		return m, blocked, err
	}
	if tail := last.Text[len(said):]; tail != "" {
		// What the guard's revision appended (a notice) ends the reply.
		if !record(last.Text, last) {
			_, m, blocked, err := stopped()
			return m, blocked, err
		}
		to.stream(tail)
		said = last.Text
	}
	m := o.outbound(t, Reply{Text: said, TemplateVersion: version, Model: res.Model}, id, AuthorAgent, "", &last)
	if err := o.cfg.Store.ReviseOutbound(ctx, m); err != nil {
		return Message{}, false, err
	}
	return o.send(ctx, t, m, to, true)
}

// sentenceSep is what goes between the text streamed so far and the next
// sentence: a space after English, nothing after Chinese or at the start.
func sentenceSep(said string) string {
	r, _ := utf8.DecodeLastRuneInString(said)
	if said == "" || r >= utf8.RuneSelf {
		return ""
	}
	return " "
}

// Ungrounded returns the numbers and dates written in text, as digits or
// in words (English or Chinese), that none of the sources states: what a
// model added to a draft. A lone "one" or "一" is not counted: both are
// everyday words ("one of our team", "一起"). Dates written without a
// numeral count by their words: month and weekday names, "tomorrow",
// "明天", "下周" and the like.
func Ungrounded(text string, sources ...string) []string {
	have := map[string]bool{}
	for _, s := range sources {
		for _, n := range numbersIn(s) {
			have[n] = true
		}
		for _, w := range dateWordsIn(s) {
			have[w] = true
		}
	}
	var missing []string
	for _, n := range append(numbersIn(text), dateWordsIn(text)...) {
		if !have[n] {
			missing = append(missing, n)
		}
	}
	return missing
}

// dateWords name a day or a month without a numeral. "May" is left out:
// it opens too many polite questions, and "May 5" has its numeral.
// "Today" stays, since "pay today" is the urgency a model must not add;
// the price is a harmless "today" falling back to its template.
var (
	dateWords = map[string]bool{
		"january": true, "february": true, "march": true, "april": true, "june": true,
		"july": true, "august": true, "september": true, "october": true, "november": true, "december": true,
		"jan": true, "feb": true, "mar": true, "apr": true, "jun": true, "jul": true, "aug": true,
		"sep": true, "sept": true, "oct": true, "nov": true, "dec": true,
		"monday": true, "tuesday": true, "wednesday": true, "thursday": true, "friday": true,
		"saturday": true, "sunday": true, "today": true, "tonight": true, "tomorrow": true,
		"yesterday": true, "weekend": true,
	}
	hanDateWords = []string{"今天", "今晚", "明天", "后天", "昨天", "本周", "下周", "下个月", "下月", "月底", "月初",
		"周末", "星期", "礼拜", "周一", "周二", "周三", "周四", "周五", "周六", "周日"}
)

// dateWordsIn lists the date words of s, lower case.
func dateWordsIn(s string) []string {
	var out []string
	for _, w := range strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return !unicode.IsLetter(r) }) {
		if dateWords[w] {
			out = append(out, w)
		}
	}
	for _, w := range hanDateWords {
		if strings.Contains(s, w) {
			out = append(out, w)
		}
	}
	return out
}

// hanIdioms contain numerals but state no number.
var hanIdioms = strings.NewReplacer("十分", "", "万一", "", "一一", "", "千万", "", "一些", "", "一下", "", "一起", "", "一定", "")

// numbersIn lists the values of the numbers in s, as numread reads them
// (the reader the guard and the rules brain use too), canonical:
// "1,200.50" and "1200.5" are both "1200.5"; "fifty" is "50"; "一千二" and
// "壹仟贰佰" are "1200"; "1.2万" is "12000".
func numbersIn(s string) []string {
	s = strings.Map(func(r rune) rune {
		if r >= 0xFF01 && r <= 0xFF5E { // full-width forms
			return r - 0xFEE0
		}
		return r
	}, hanIdioms.Replace(s))
	var out []string
	numread.ScanString(s, func(n numread.Number) bool {
		if w := s[n.Start:n.End]; w == "一" || strings.EqualFold(w, "one") {
			return true // everyday words: "one of our team", "一起"
		}
		out = append(out, n.String())
		return true
	})
	return out
}
