package agent

import (
	"slices"
	"strings"
	"time"
	"unicode"
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
	if strings.TrimSpace(q) == "" {
		f.notUnderstood()
		return
	}
	var ps []Passage
	if kb != nil {
		var err error
		if ps, err = kb.Search(f.ctx, q, f.t.Locale, 3); err != nil {
			f.o.log.Warn("flows: knowledge search failed", "conversation", f.t.Conversation.ID, "err", err)
		}
	}
	var good []Passage
	for _, p := range ps {
		if p.Score >= minScore && strings.TrimSpace(p.Text) != "" && covers(p, q) {
			good = append(good, p)
		}
	}
	if len(good) == 0 {
		if !f.t.Conversation.Verified || len(distinctive(q)) == 0 {
			// "hello?" asks nothing to look up.
			f.notUnderstood()
			return
		}
		// Nothing documented answers it: no guess, and a person offered.
		f.handled = true
		f.unsure(prompts.DontKnow{})
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

// covers reports whether a passage speaks of what the question asks about:
// at least half of the question's distinctive words (English words of
// three letters or more, Chinese character pairs, leaving out the words
// every question about paying a debt has) are in its title or text. A
// passage on payment plans is near "do you take bitcoin?" by its score,
// but says nothing about bitcoin. A question of common words only is
// judged by the score alone.
func covers(p Passage, question string) bool {
	terms := distinctive(question)
	if len(terms) == 0 {
		return true
	}
	text := strings.ToLower(p.Title + " " + p.Text)
	found := 0
	for _, t := range terms {
		if strings.Contains(text, t) {
			found++
		}
	}
	return found*2 >= len(terms)
}

// distinctive lists a question's distinctive terms (see covers): English
// words cut to five letters, so "fails" finds "failed"; Chinese pairs of
// characters, none of them a common one.
func distinctive(q string) []string {
	var out []string
	add := func(t string) {
		if !slices.Contains(out, t) {
			out = append(out, t)
		}
	}
	var han []rune
	flush := func() {
		for i := 0; i+1 < len(han); i++ {
			if !strings.ContainsRune(commonHan, han[i]) && !strings.ContainsRune(commonHan, han[i+1]) {
				add(string(han[i : i+2]))
			}
		}
		han = han[:0]
	}
	words := strings.FieldsFunc(strings.ToLower(q), func(r rune) bool {
		if unicode.Is(unicode.Han, r) {
			han = append(han, r)
			return true
		}
		flush()
		return !unicode.IsLetter(r)
	})
	flush()
	for _, w := range words {
		if utf8.RuneCountInString(w) < 3 || commonWords[w] {
			continue
		}
		if r := []rune(w); len(r) > 5 {
			w = string(r[:5])
		}
		add(w)
	}
	return out
}

// commonWords are English words any question about a debt may have.
var commonWords = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`the and you your yours can could would should will what when where which who whom why how
		does did doing done are was were have has had for with this that these those there their they them about from into any
		some not but all just also please tell know need want like get got make made way ways use using used able
		accept accepted take takes pay pays paying paid payment payments debt debts account accounts money owe owed
		loan loans plan plans thing things happen happens okay yes sure thanks thank hello really still much many
		our ours ask asking let me my mine here now then than too very`) {
		commonWords[w] = true
	}
}

// commonHan are Chinese characters any question about a debt may have.
const commonHan = "吗呢吧啊呀我你您他她们的了是在可以能会要用把请怎么什如何还款钱付支有没不这那个和或就都也吧哪些给让"

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

// suit answers "will you sue me?" and, with age, "isn't this debt too
// old?" from the account's facts only (prompts.Suit): a time-barred debt
// gets the jurisdiction's statement that the borrower will not be sued,
// any other debt only what legal_action_approved allows.
func (f *flow) suit(age bool) {
	a := f.t.Account
	for _, p := range f.parts {
		if _, ok := p.data.(prompts.Suit); ok {
			return // said already this turn (California's notice)
		}
	}
	f.say(prompts.Suit{Region: f.t.region(), Jurisdiction: a.Borrower.Jurisdiction, TimeBarred: a.Flags.TimeBarred,
		Approved: a.Flags.LegalActionApproved, Obsolete: f.pastReporting(), Age: age})
}

// credit answers a question about the borrower's credit from the
// account's reporting facts and age, in its region's terms.
func (f *flow) credit() {
	a := f.t.Account
	f.say(prompts.Credit{Region: f.t.region(), Reported: a.Flags.CreditReported, Obsolete: f.pastReporting()})
}

// validation answers a request for the validation notice, or for proof of
// the debt in writing: a person from the team is asked to send it, and
// the conversation goes on with the assistant meanwhile.
func (f *flow) validation() {
	f.say(prompts.Validation{Region: f.t.region()})
	f.emitOnce(EventHandoffRequested, map[string]string{"reason": "validation notice requested"})
}

// usReportingEnd is when a US credit report may no longer show a debt
// first overdue on delinquent as a collection account: seven years after
// the 180 days that follow the start of the delinquency (15 USC
// 1681c(a)(4), (c)).
func usReportingEnd(delinquent time.Time) time.Time {
	return delinquent.AddDate(7, 0, 180)
}

// pastReporting reports whether a US account is too old to appear on a
// credit report. Other regions are not judged by age.
func (f *flow) pastReporting() bool {
	a := f.t.Account
	if f.t.region() != prompts.RegionUS {
		return false
	}
	since := a.DueDate
	if since.IsZero() {
		if a.DaysPastDue <= 0 {
			return false
		}
		since = f.t.Now.AddDate(0, 0, -a.DaysPastDue)
	}
	return !f.t.Now.Before(usReportingEnd(since))
}
