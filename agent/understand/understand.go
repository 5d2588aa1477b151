// Package understand combines the readers of a borrower's message (the
// rules brain, the embedded intent classifier and, when configured, the
// language model) into one understanding, by the asymmetric rule of
// Understander: protection on any reader's word, commitments on agreement.
package understand

import (
	"context"
	"regexp"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/parley-collections/parley/agent"
	"github.com/parley-collections/parley/policies/textclass"
)

// Understander is the Brain the agent runs with. It reads every message
// with every reader: the rules brain, the embedded intent classifier, and
// the language model when one is configured. Their readings combine by
// one asymmetric rule:
//
//  1. A message that is only a carrier opt-out keyword (STOP, STOPALL,
//     STOP ALL, UNSUBSCRIBE, CANCEL, END, QUIT, REVOKE, OPTOUT, OPT OUT,
//     退订, TD, in any case or width, with trailing punctuation) opts out
//     of the channel before any reader, and means nothing else. (Twilio's
//     OptOutType=STOP is honoured the same way by the orchestrator.)
//  2. A protective intent (agent.Protective: opt-out, cease, attorney,
//     bankruptcy, dispute, a contact restriction, crisis, vulnerability,
//     deceased, a person please) takes effect when any reader finds it:
//     the rules or the model reads it, or the classifier scores it at or
//     above its sure threshold (protectiveLabels). A message
//     that looks like an instruction to the system keeps its protective
//     content. One exception narrows, never widens: when a reader read a
//     contact restriction with its terms ("don't call me at work") and no
//     opt-out or cease, the classifier's opt-out or cease of the same
//     words is not added, and when a reader placed a death (the
//     borrower's, or a bereavement of the borrower's), the classifier's
//     other reading of it is not added (narrowed).
//  3. A commercial change (agent.Commercial: accept an offer or a yes that
//     accepts one, promise to pay, cancel a plan) is sure only when the
//     readers agree on it: the model and the rules or the classifier when
//     the model read the message, the rules and the classifier when no
//     model did (none configured, or it failed this turn). A commercial
//     command without that agreement is kept with Unsure set, and the
//     flows read it back ("To confirm: option 1, … Reply YES to agree.")
//     before anything is agreed. Agreement is on the intent and on the
//     slots both readers gave (the same option, the same date); the slots
//     are the rules brain's when it read them. The classifier agrees with
//     the rules also when it reads the commitment in one clause of the
//     message ("papa maan gaye, doosra wala final karo"), never with the
//     model's alone.
//  4. Anything else (questions, identity facts, greetings) is the
//     model's reading when it read the message, else the rules brain's;
//     identity facts are always the rules brain's when it read any.
//  5. When none of that leaves anything understood, the classifier's
//     most likely label, if it is a question or hardship (quietLabels) and
//     scores at or above the model's own threshold and silenceFloor, is
//     the reading: "my
//     salary is not credited since two months" is hardship, not "I didn't
//     follow". It never adds a commercial or protective command.
//
// It is safe for concurrent use.
type Understander struct {
	rules agent.Brain
	model agent.Brain
	clf   *textclass.Model
	bufs  sync.Pool
}

var _ agent.Brain = (*Understander)(nil)

// New combines the rules brain with an optional model (nil:
// none configured) and the embedded intent classifier. The model's own
// fallback, when it has one, is not used: a reading with Fallback set
// counts as no model for that turn.
func New(rules, model agent.Brain) *Understander {
	u := &Understander{rules: rules, model: model, clf: textclass.Intents()}
	u.bufs.New = func() any { return new(textclass.Buffer) }
	return u
}

// protectiveLabels are the classifier labels the agent reads a protective
// intent from, each taking effect when its score reaches the label's sure
// threshold (textclass.Model.SureThreshold: the lowest score with
// precision 0.97 on the validation part of the training corpora, never
// below 0.95, computed by `parley train` with the weights). See
// docs/models.md ("The classifier in the agent"). A complaint has no flow
// of its own yet and is not read here.
var protectiveLabels = []struct {
	label  string
	intent agent.Intent
}{
	{"opt_out", agent.IntentOptOut},
	{"cease", agent.IntentCease},
	{"attorney", agent.IntentAttorney},
	{"bankruptcy_filed", agent.IntentBankruptcy},
	{"dispute", agent.IntentDispute},
	{"crisis", agent.IntentVulnerable},
	{"deceased", agent.IntentDeceased},
	{"vulnerability", agent.IntentVulnerability},
	{"request_human", agent.IntentRequestHuman},
	{"bankruptcy_considering", agent.IntentRequestHuman},
	{"contact_restriction", agent.IntentRestrictContact},
}

// commercialLabels are the classifier labels that agree with a commercial
// command's family: the classifier agrees when the label is its most
// likely reading, or scores at least the model's own threshold.
var commercialLabels = map[string]string{
	"accept_option":  familyAccept,
	"promise_to_pay": familyPromise,
	"cancel_plan":    familyCancel,
	"change_of_mind": familyCancel,
	// Declining a plan the rules found in force takes it back.
	"decline": familyCancel,
}

const (
	familyAccept  = "accept"
	familyPromise = "promise"
	familyCancel  = "cancel"
)

func family(i agent.Intent) string {
	switch i {
	case agent.IntentAcceptOffer, agent.IntentAffirm:
		return familyAccept
	case agent.IntentPromiseToPay:
		return familyPromise
	case agent.IntentCancelPlan:
		return familyCancel
	}
	return ""
}

// classified is what the classifier read: the protective intents above
// their thresholds and the commercial families it agrees with.
type classified struct {
	protective []agent.Intent
	families   []string
	// silence is the classifier's sure reading of a question or of
	// hardship (quietLabels), used only when no reader understood the
	// message; "" when its most likely label is none of those or is not
	// sure.
	silence agent.Intent
	// kinds are the kinds of plan the classifier read a wish for
	// (kindLabels), when that label is its most likely one.
	kinds []agent.PlanKind
	// offers are the offers on the table of a kind in kinds when exactly
	// one offer is of that kind: a choice of that offer is one the
	// classifier read too ("whichever has the lowest monthly payment"
	// read as asking for instalments, when one plan of instalments is
	// offered). Set by Understand, which knows the table.
	offers []string
	// clauses are the commercial families the classifier reads in one
	// clause of a message of several (clauses): the choice in "papa maan
	// gaye, doosra wala final karo" is its second clause's reading, though
	// the whole message reads as news of a death. A question lends none;
	// of the others, the last whose most likely label is commercial
	// decides, so a yes taken back in a later clause lends none.
	clauses []string
}

// kindLabels are the classifier labels that ask for a kind of plan.
var kindLabels = map[string]agent.PlanKind{
	"propose_installments": agent.PlanInstallment,
	"settle":               agent.PlanSettlement,
	"pay_in_full":          agent.PlanFull,
}

// ofKinds returns the ids of the offers whose kind is in kinds and is
// the kind of no other offer.
func ofKinds(offers []agent.Plan, kinds []agent.PlanKind) []string {
	var out []string
	for _, k := range kinds {
		var ids []string
		for _, o := range offers {
			if o.Kind == k {
				ids = append(ids, o.ID)
			}
		}
		if len(ids) == 1 {
			out = append(out, ids[0])
		}
	}
	return out
}

// silenceFloor is the least score at which the classifier's reading
// answers a message nobody else understood. Its own thresholds are lower,
// and on text unlike its corpus it is overconfident: keyboard mashing
// ("qwerty zxc") scored 0.40 as thanks, above the thanks threshold, and
// must stay a message nobody understood, so that two of them hand over.
const silenceFloor = 0.95

// quietLabels are the classifier labels that may answer a message no other
// reader understood: questions and hardship, whose answers commit nobody
// to anything and stop nothing. Commercial and protective labels are not
// among them (they have rules of their own above), nor a third party or
// an identity answer, which need what only the rules read.
var quietLabels = map[string]agent.Intent{
	"hardship":       agent.IntentHardship,
	"ask_balance":    agent.IntentAskBalance,
	"ask_how_to_pay": agent.IntentAskHowToPay,
	"ask_suit":       agent.IntentAskSuit,
	"ask_credit":     agent.IntentAskCredit,
	"ask_validation": agent.IntentAskValidation,
	"ask_creditor":   agent.IntentAskCreditor,
	"greeting":       agent.IntentGreeting,
	"thanks":         agent.IntentThanks,
}

func (u *Understander) classify(text string) classified {
	buf := u.bufs.Get().(*textclass.Buffer)
	defer u.bufs.Put(buf)
	scores := u.clf.Scores(text, buf)
	labels := u.clf.Labels()
	top := argmax(scores)
	var out classified
	if i, ok := quietLabels[labels[top]]; ok && scores[top] >= max(u.clf.Threshold(labels[top]), silenceFloor) {
		out.silence = i
	}
	if k, ok := kindLabels[labels[top]]; ok && scores[top] >= u.clf.Threshold(labels[top]) {
		out.kinds = append(out.kinds, k)
	}
	out.families = u.families(scores, labels, top, nil)
	for i, l := range labels {
		for _, p := range protectiveLabels {
			if p.label == l && scores[i] >= u.clf.SureThreshold(l) && !slices.Contains(out.protective, p.intent) {
				out.protective = append(out.protective, p.intent)
			}
		}
	}
	// The scores are the buffer's: the whole message's are read above,
	// before a clause's replace them.
	// A clause reads as the family of its most likely label when that is
	// commercial; the last such clause is the message's final word on
	// terms. "the first one. actually no" ends in a take-back and agrees
	// with no choice; "no wait, the first one" and "schedule's up, put me
	// on option 1" end in the choice. A label that only passes its
	// threshold without leading its clause ("帮我办了吧" scoring a little
	// of cancel_plan) says nothing.
	if parts := clauses(text); len(parts) > 1 {
		for _, p := range parts {
			if asks(p) {
				continue
			}
			scores := u.clf.Scores(p, buf)
			if f, ok := commercialLabels[labels[argmax(scores)]]; ok {
				out.clauses = []string{f}
			}
		}
	}
	return out
}

// families adds to out the commercial families the scores agree with: a
// label that is the most likely one (top) or scores at least its own
// threshold.
func (u *Understander) families(scores []float32, labels []string, top int, out []string) []string {
	for i, l := range labels {
		if f, ok := commercialLabels[l]; ok && (scores[i] >= u.clf.Threshold(l) || i == top) && !slices.Contains(out, f) {
			out = append(out, f)
		}
	}
	return out
}

func argmax(scores []float32) int {
	top := 0
	for i := range scores {
		if scores[i] > scores[top] {
			top = i
		}
	}
	return top
}

// clauses splits text at the marks that end a clause or a sentence, in
// English and Chinese, dropping empty parts; a clause a question mark
// ends keeps it (asks).
func clauses(text string) []string {
	var out []string
	start := 0
	for i, r := range text + "\n" {
		if !strings.ContainsRune(",.;:?!\n，。；：？！、", r) {
			continue
		}
		end := min(i, len(text))
		if r == '?' || r == '？' {
			end += utf8.RuneLen(r)
		}
		if p := strings.TrimSpace(text[start:end]); p != "" && p != "?" && p != "？" {
			out = append(out, p)
		}
		start = i + utf8.RuneLen(r)
	}
	return out
}

// asks reports whether a clause asks something: it ends with a question
// mark and is not a request put politely as a question (politeRequest).
func asks(clause string) bool {
	if !strings.HasSuffix(clause, "?") && !strings.HasSuffix(clause, "？") {
		return false
	}
	return !politeRequest.MatchString(clause)
}

// politeRequest finds a clause that asks the agent to do something, put
// as a question: "could you cancel it?", "sorry, can you set that up?".
// Asking the agent to act is asking for the act, so such a clause is read
// like any other.
var politeRequest = regexp.MustCompile(`(?i)^(?:(?:sorry|please|pls|ok|okay|so|and|hi|hey)\W+)*(?:can|could|would|will)\s+(?:you|u)\s+(?:please\s+)?[a-z]`)

// Understand reads text with every reader and combines the readings by
// the rule in the type's comment. It fails only when ctx is done or the
// rules brain fails.
func (u *Understander) Understand(ctx context.Context, tc agent.TurnContext, text string) (agent.Understanding, error) {
	ru, err := u.rules.Understand(ctx, tc, text)
	if err != nil {
		return agent.Understanding{}, err
	}
	if CarrierOptOut(text) {
		return agent.Understanding{Commands: []agent.Command{{Intent: agent.IntentOptOut, Readers: []string{agent.ReaderKeyword}}}, Lang: ru.Lang, Brain: ru.Brain}, nil
	}
	var mu agent.Understanding
	modelRead := false
	if u.model != nil {
		mu, err = u.model.Understand(ctx, tc, text)
		if err != nil {
			if ctx.Err() != nil {
				return agent.Understanding{}, err
			}
			mu = agent.Understanding{Fallback: "model_error"}
		}
		modelRead = mu.Fallback == "" && !onlyUnknown(mu.Commands)
	}
	cl := u.classify(text)
	cl.offers = ofKinds(tc.OpenOffers, cl.kinds)
	return combine(ru, mu, modelRead, cl), nil
}

// combine applies the rule to the three readings.
func combine(ru, mu agent.Understanding, modelRead bool, cl classified) agent.Understanding {
	out := agent.Understanding{Lang: ru.Lang, Brain: ru.Brain, Fallback: mu.Fallback}
	primary, primaryName := ru, agent.ReaderRules
	if modelRead {
		primary, primaryName = mu, agent.ReaderModel
		out.Brain = mu.Brain
		if mu.Lang != "" && ru.Lang != "zh" {
			out.Lang = mu.Lang
		}
	}
	var cmds []agent.Command
	// 4. The primary reading, less its commercial commands.
	for _, c := range primary.Commands {
		if agent.Commercial(c.Intent) || c.Intent == agent.IntentUnknown {
			continue
		}
		if c.Intent == agent.IntentVerifyIdentity && primaryName == agent.ReaderModel {
			if rc, ok := firstOf(ru.Commands, agent.IntentVerifyIdentity); ok {
				c = rc // the rules read the facts locally
			}
		}
		cmds = merge(cmds, c, primaryName)
	}
	// 2. agent.Protective intents of the other readers: the rules' when the
	// model's reading is the primary one, and the classifier's.
	if modelRead {
		for _, c := range ru.Commands {
			if agent.Protective(c.Intent) {
				cmds = merge(cmds, c, agent.ReaderRules)
			}
		}
	}
	for _, i := range cl.protective {
		if narrowed(cmds, i) {
			continue
		}
		cmds = merge(cmds, agent.Command{Intent: i}, agent.ReaderClassifier)
	}
	// 3. agent.Commercial commands, sure only on agreement.
	cmds = append(cmds, commercial(ru, mu, modelRead, cl)...)
	if len(cmds) == 0 && cl.silence != "" {
		// 5. Nothing understood: the classifier's sure reading of a
		// question or of hardship answers rather than "I didn't follow".
		cmds = []agent.Command{{Intent: cl.silence, Readers: []string{agent.ReaderClassifier}}}
	}
	if len(cmds) == 0 {
		cmds = []agent.Command{{Intent: agent.IntentUnknown, Readers: []string{primaryName}}}
	}
	out.Commands = cmds
	return out
}

// narrowed reports whether the classifier's opt-out or cease is a contact
// restriction another reader read with its terms and found no opt-out or
// cease in: "don't call me at work" limits contact, and an opt-out of the
// conversation's own channel would silence the borrower who asked only
// for that limit. The restriction itself is recorded. Likewise a death
// another reader already placed: when it read a bereaved borrower ("my
// mother died last week"), the classifier's deceased borrower is not
// added, and when it read the borrower's death, not its bereavement.
func narrowed(cmds []agent.Command, i agent.Intent) bool {
	switch i {
	case agent.IntentDeceased:
		return slices.ContainsFunc(cmds, func(c agent.Command) bool { return c.Intent == agent.IntentVulnerability })
	case agent.IntentVulnerability:
		return slices.ContainsFunc(cmds, func(c agent.Command) bool { return c.Intent == agent.IntentDeceased })
	}
	if i != agent.IntentOptOut && i != agent.IntentCease {
		return false
	}
	restricted := false
	for _, c := range cmds {
		switch {
		case c.Intent == i:
			return false
		case c.Intent == agent.IntentRestrictContact && len(c.Restrictions) > 0:
			restricted = true
		}
	}
	return restricted
}

// commercial returns the commercial commands of the readings, each with
// its readers and Unsure set unless they agree.
func commercial(ru, mu agent.Understanding, modelRead bool, cl classified) []agent.Command {
	var out []agent.Command
	seen := map[string]bool{}
	consider := func(c agent.Command, reader string, others []agent.Command) {
		f := family(c.Intent)
		c.Readers = []string{reader}
		// A pick by what sets an offer apart is one the classifier shares
		// when it read a wish for that offer's kind; only the rules' pick,
		// never the model's alone: a model that takes an offer the
		// borrower never chose ("我每月真的只能还一百" read as yes to the one
		// plan of instalments) gets no second reader from a wish.
		// Likewise a commitment the classifier reads in one clause of the
		// message, for the rules' reading only.
		if slices.Contains(cl.families, f) || (reader == agent.ReaderRules && c.Intent == agent.IntentAcceptOffer && c.OfferID != "" && slices.Contains(cl.offers, c.OfferID)) ||
			(reader == agent.ReaderRules && slices.Contains(cl.clauses, f)) {
			c.Readers = append(c.Readers, agent.ReaderClassifier)
		}
		for _, o := range others {
			if family(o.Intent) == f && compatible(c, o) {
				c.Readers = append(c.Readers, otherOf(reader))
				break
			}
		}
		has := func(r string) bool { return slices.Contains(c.Readers, r) }
		// A reader that heard doubt in the choice ("maybe option 2?")
		// keeps it unsure whatever the others read.
		if modelRead {
			c.Unsure = c.Unsure || !(has(agent.ReaderModel) && (has(agent.ReaderRules) || has(agent.ReaderClassifier)))
		} else {
			c.Unsure = c.Unsure || !(has(agent.ReaderRules) && has(agent.ReaderClassifier))
		}
		seen[f] = true
		out = append(out, c)
	}
	var modelCmds []agent.Command
	if modelRead {
		modelCmds = mu.Commands
	}
	for _, c := range ru.Commands {
		if agent.Commercial(c.Intent) {
			consider(c, agent.ReaderRules, modelCmds)
		}
	}
	for _, c := range modelCmds {
		if agent.Commercial(c.Intent) && !seen[family(c.Intent)] {
			consider(c, agent.ReaderModel, nil)
		}
	}
	return out
}

func otherOf(reader string) string {
	if reader == agent.ReaderRules {
		return agent.ReaderModel
	}
	return agent.ReaderRules
}

// compatible reports whether two readings of one commercial family name
// the same thing: the same offer, the same date, where both name one.
func compatible(a, b agent.Command) bool {
	if a.OfferID != "" && b.OfferID != "" && a.OfferID != b.OfferID {
		return false
	}
	if !a.Date.IsZero() && !b.Date.IsZero() {
		ay, am, ad := a.Date.Date()
		by, bm, bd := b.Date.Date()
		if ay != by || am != bm || ad != bd {
			return false
		}
	}
	return true
}

// merge adds c to cmds, or names reader on the command already there with
// the same intent (an opt-out naming no channel is the same as any other).
func merge(cmds []agent.Command, c agent.Command, reader string) []agent.Command {
	for i := range cmds {
		if cmds[i].Intent != c.Intent {
			continue
		}
		if c.Intent == agent.IntentOptOut && cmds[i].Channel != c.Channel && cmds[i].Channel != "" && c.Channel != "" {
			continue
		}
		if !slices.Contains(cmds[i].Readers, reader) {
			cmds[i].Readers = append(slices.Clone(cmds[i].Readers), reader)
		}
		return cmds
	}
	c.Readers = []string{reader}
	return append(cmds, c)
}

func firstOf(cmds []agent.Command, i agent.Intent) (agent.Command, bool) {
	for _, c := range cmds {
		if c.Intent == i {
			return c, true
		}
	}
	return agent.Command{}, false
}

func onlyUnknown(cmds []agent.Command) bool {
	for _, c := range cmds {
		if c.Intent != agent.IntentUnknown {
			return false
		}
	}
	return true
}

// carrierKeywords are the opt-out keywords carriers and Twilio honour
// when sent alone.
var carrierKeywords = map[string]bool{
	"stop": true, "stopall": true, "stop all": true, "unsubscribe": true, "cancel": true, "end": true,
	"quit": true, "revoke": true, "optout": true, "opt out": true, "opt-out": true, "退订": true, "td": true,
}

// CarrierOptOut reports whether text is only a carrier opt-out keyword,
// in any case or width, with surrounding spaces and punctuation.
func CarrierOptOut(text string) bool {
	if len(text) > 40 {
		return false
	}
	var b strings.Builder
	space := false
	for _, r := range strings.TrimSpace(text) {
		if r >= 0xFF01 && r <= 0xFF5E { // full width
			r -= 0xFEE0
		}
		switch {
		case unicode.IsSpace(r):
			space = true
			continue
		case unicode.IsPunct(r) && r != '-':
			continue
		}
		if space && b.Len() > 0 {
			b.WriteByte(' ')
		}
		space = false
		b.WriteRune(unicode.ToLower(r))
	}
	return carrierKeywords[b.String()]
}
