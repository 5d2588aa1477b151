package agent

import (
	"context"
	"slices"
	"time"

	"github.com/parley-collections/parley/policies"
)

// Judge is a second reader of what the guard lets through: a language model
// asked whether a message breaks the rules of collection contact. It reads
// every message a supervisor types and any message whose content-model
// score fell in the guard's uncertain band (policies.Options.UncertainBand,
// listed in Decision.Uncertain). It can only make a decision stricter: its
// violation blocks a message the guard allowed; its "clean" never lets
// through one the guard refused, for it is never asked about those.
type Judge interface {
	Judge(ctx context.Context, req JudgeRequest) (JudgeVerdict, error)
}

// JudgeRequest is one message put to the judge.
type JudgeRequest struct {
	Text         string
	Locale       string // the conversation's language, "en" or "zh"
	Jurisdiction string
	Channel      Channel
	// Supervisor is set for a message a supervisor typed.
	Supervisor bool
	// Uncertain are the categories the guard's content model was unsure of.
	Uncertain []string
	// LegalActionApproved and GrantedTerms are the guard's facts that allow
	// a true statement of a suit or of a granted term.
	LegalActionApproved bool
	GrantedTerms        []string
}

// JudgeVerdict is the judge's reading of a message.
type JudgeVerdict struct {
	Violation bool
	// Category is a policies content category (policies.CatThreat, …);
	// anything else is recorded as CatJudge.
	Category string
	// Reason is a short sentence shown to the supervisor with the block.
	Reason string
}

// RuleJudge names the violation a judge's reading adds to the guard's
// decision.
const RuleJudge = "PARLEY-JUDGE"

// CatJudge is the category of a judge's violation that named none the
// guard knows.
const CatJudge = "judge"

// ErrorJudgeUnavailable is the decision's error on a supervisor's message
// held because the judge could not read it: it goes once the supervisor
// confirms it (Orchestrator.SupervisorConfirm).
const ErrorJudgeUnavailable = "the second reading is unavailable: confirm to send"

// errorRewordUnread is the decision's error on a model's rewording the
// judge could not read: the template it rewords goes instead.
const errorRewordUnread = "the second reading is unavailable: the template goes instead"

// DefaultJudgeTimeout bounds one judge call when Config.JudgeTimeout is 0.
const DefaultJudgeTimeout = 4 * time.Second

// judged puts a message the guard let through (d) to the judge when it
// must be read twice: a supervisor's, or one with uncertain categories. It
// returns d, or a stricter decision: blocked by the judge's violation, or,
// when the judge cannot answer, held for a supervisor's confirmation or
// refused in favour of the template a model reworded. A template the judge
// cannot read goes out: it is what a drafted message falls back to.
func (o *Orchestrator) judged(t *Turn, r Reply, d policies.Decision, f policies.Facts) policies.Decision {
	if o.cfg.Judge == nil || !d.Sendable() || !r.supervisor && len(d.Uncertain) == 0 {
		return d
	}
	ctx, cancel := context.WithTimeout(context.Background(), o.cfg.JudgeTimeout)
	defer cancel()
	req := JudgeRequest{
		Text:         d.Text,
		Locale:       t.Locale,
		Jurisdiction: t.Account.Borrower.Jurisdiction,
		Channel:      t.Conversation.Channel,
		Supervisor:   r.supervisor,
		Uncertain:    slices.Clone(d.Uncertain),

		LegalActionApproved: f.LegalActionApproved,
		GrantedTerms:        slices.Clone(f.GrantedTerms),
	}
	v, err := o.judgeOnce(ctx, req)
	switch {
	case err != nil:
		o.log.Warn("judge unavailable", "conversation", t.Conversation.ID, "supervisor", r.supervisor, "err", err)
		switch {
		case r.supervisor && r.confirmed:
			return d // the supervisor confirmed it without a second reading
		case r.supervisor:
			return policies.Decision{ID: d.ID, Action: policies.Block, Violations: []policies.Violation{}, Error: ErrorJudgeUnavailable, Uncertain: d.Uncertain}
		case len(r.sources) > 0:
			return policies.Decision{ID: d.ID, Action: policies.Block, Violations: []policies.Violation{}, Error: errorRewordUnread, Uncertain: d.Uncertain}
		}
		return d
	case !v.Violation:
		return d
	}
	cat := v.Category
	if !policies.IsContentCategory(cat) {
		cat = CatJudge
	}
	reason := v.Reason
	if reason == "" {
		reason = "breaks the rules of collection contact"
	}
	d.Action, d.Text, d.SendAt = policies.Block, "", time.Time{}
	d.Violations = append(slices.Clone(d.Violations), policies.Violation{Rule: RuleJudge, Category: cat, Detail: "second reading: " + reason})
	return d
}

// judgeOnce calls the judge, failing on a panic as on an error.
func (o *Orchestrator) judgeOnce(ctx context.Context, req JudgeRequest) (v JudgeVerdict, err error) {
	defer func() {
		if p := recover(); p != nil {
			err = E("judge", KindUnavailable, "the judge failed", nil)
		}
	}()
	return o.cfg.Judge.Judge(ctx, req)
}
