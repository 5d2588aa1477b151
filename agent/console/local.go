package console

import (
	"context"
	"strings"

	"github.com/parley-collections/parley/agent"
)

// stoppedWhy says why collection contact with an account is stopped on a
// channel, in words, as the outreach answer shows it.
func (h *Handler) stoppedWhy(ctx context.Context, accountID string, ch agent.Channel) string {
	const generic = "collection contact is stopped for this account on this channel"
	a, err := h.cfg.Store.Account(ctx, accountID)
	if err != nil {
		return generic
	}
	var why []string
	f := a.Flags
	for _, r := range []struct {
		set  bool
		text string
	}{
		{f.Deceased, "the borrower is reported deceased"},
		{f.Attorney, "the borrower is represented by an attorney"},
		{f.Bankruptcy, "the borrower is in bankruptcy"},
		{f.Cease, "the borrower asked us to stop contacting them"},
		{f.Disputed, "the borrower disputes the debt, and it is not yet verified"},
	} {
		if r.set {
			why = append(why, r.text)
		}
	}
	if cs, err := h.cfg.Store.Consents(ctx, accountID); err == nil {
		for _, c := range cs {
			if c.Channel == ch && c.OptedOut {
				why = append(why, "the borrower opted out of "+string(ch))
			}
		}
	}
	if len(why) == 0 {
		return generic
	}
	return "collection contact is stopped: " + strings.Join(why, "; ")
}
