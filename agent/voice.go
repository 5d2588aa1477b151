package agent

import (
	"context"
	"errors"
	"fmt"

	"github.com/parley-collections/parley/policies"
	"github.com/parley-collections/parley/prompts"
)

// VoiceGreeting is the first thing said on a call from or to phone, in the
// borrower's language, after the guard has allowed it. It names the
// assistant as automated and says the call may be recorded, and reveals no
// debt: the caller is not verified. A greeting the guard refuses comes back
// empty, so the call starts by listening.
func (o *Orchestrator) VoiceGreeting(ctx context.Context, phone string) (text, locale string, err error) {
	locale = "en"
	collector := ""
	acct, err := o.cfg.Store.AccountByPhone(ctx, phone)
	switch {
	case err == nil:
		collector = acct.Collector()
		if acct.Borrower.Locale != "" {
			locale = acct.Borrower.Locale
		}
	case errors.Is(err, ErrNotFound):
		acct = Account{Borrower: Borrower{Jurisdiction: "US"}}
	default:
		return "", "", fmt.Errorf("voice greeting: %w", err)
	}
	text, _, err = prompts.Render(locale, prompts.VoiceGreeting{AgentName: o.cfg.AgentName, Collector: collector, Recorded: true})
	if err != nil {
		return "", "", fmt.Errorf("voice greeting: %w", err)
	}
	t := &Turn{Account: acct, Conversation: Conversation{Channel: ChannelVoice}, Now: o.cfg.Clock.Now(), Locale: locale, o: o, initiatedBy: "borrower"}
	if acct.ID != "" {
		if err := t.load(ctx); err != nil {
			return "", locale, fmt.Errorf("voice greeting: %w", err)
		}
	}
	t.loaded = true
	d := o.check(t, Reply{Text: text, Purpose: policies.PurposeIdentity})
	if !d.Sendable() {
		o.log.Warn("voice greeting refused by the guard", "decision", d.Action)
		return "", locale, nil
	}
	return d.Text, locale, nil
}
