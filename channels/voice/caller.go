package voice

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"net/url"
	"strings"

	twiliogo "github.com/twilio/twilio-go"
	api "github.com/twilio/twilio-go/rest/api/v2010"

	"github.com/parley-collections/parley/agent"
	"github.com/parley-collections/parley/channels/twilio"
)

// ErrRefused reports a call the check function did not allow.
var ErrRefused = errors.New("voice: call refused")

// Call is an outbound call to place.
type Call struct {
	AccountID string
	To        string // E.164
}

// AllowFunc decides whether a call may be placed now (contact hours, call
// frequency, consent, cease and the like). A refusal is allowed=false with a
// reason; err is for a check that could not run, and refuses too.
type AllowFunc func(ctx context.Context, c Call) (allowed bool, reason string, err error)

// Caller places outbound calls through Twilio's Calls API; Twilio then
// fetches CallPath and the call runs like an inbound one. It is safe for
// concurrent use.
type Caller struct {
	rest     *twiliogo.RestClient // nil in dry-run
	settings twilio.Settings
	allow    AllowFunc
	log      *slog.Logger
}

// NewCaller returns a Caller. allow is required. Without live settings (see
// twilio.Settings.CanSend) the Caller only logs what it would dial. hc
// carries the transport; nil uses twilio.DefaultTimeout.
func NewCaller(s twilio.Settings, hc *http.Client, allow AllowFunc, log *slog.Logger) (*Caller, error) {
	if allow == nil {
		return nil, errors.New("voice: new caller: an AllowFunc is required")
	}
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	c := &Caller{settings: s, allow: allow, log: log}
	if s.CanSend() {
		c.rest = twilio.NewRestClient(s, hc)
	}
	return c, nil
}

// Place asks the check function, then creates the call and returns its CA
// sid. A refusal wraps ErrRefused; a Twilio failure is an *agent.SendError.
// The attempt's outcome is recorded when Twilio posts StatusPath.
func (c *Caller) Place(ctx context.Context, call Call) (string, error) {
	ok, reason, err := c.allow(ctx, call)
	if err != nil {
		return "", fmt.Errorf("voice: call: check: %w", err)
	}
	if !ok {
		c.log.Info("voice: call refused", "account_id", call.AccountID, "reason", reason)
		return "", fmt.Errorf("%w: %s", ErrRefused, reason)
	}
	if c.rest == nil {
		sid := agent.NewID("CA")
		c.log.Info("voice: dry-run: call not placed", "account_id", call.AccountID, "to", twilio.Redact(call.To), "sid", sid)
		return sid, nil
	}
	if c.settings.From == "" || c.settings.PublicURL == "" {
		return "", &agent.SendError{Err: errors.New("voice: call: TWILIO_FROM and PARLEY_PUBLIC_URL are required")}
	}
	q := "?aid=" + url.QueryEscape(call.AccountID)
	p := &api.CreateCallParams{}
	p.SetTo(call.To).SetFrom(c.settings.From).
		SetUrl(c.settings.URL(CallPath + q)).
		SetStatusCallback(c.settings.URL(StatusPath + q)).
		SetMachineDetection("Enable")
	res, err := twilio.Do(ctx, "voice: call", func() (*api.ApiV2010Call, error) { return c.rest.Api.CreateCall(p) })
	if err != nil {
		c.log.Warn("voice: call failed", "account_id", call.AccountID, "to", twilio.Redact(call.To), "err", err)
		return "", err
	}
	if res == nil || res.Sid == nil {
		return "", &agent.SendError{Retryable: true, Err: errors.New("voice: call: answer without a sid")}
	}
	c.log.Info("voice: call placed", "account_id", call.AccountID, "sid", *res.Sid, "to", twilio.Redact(call.To))
	return *res.Sid, nil
}

// status records the outcome of a call Parley placed, once Twilio reports
// its final status.
func (h *Handler) status(w http.ResponseWriter, r *http.Request) {
	form, ok := h.verifier.ReadForm(w, r)
	if !ok {
		return
	}
	sid, accountID := form.Get("CallSid"), r.URL.Query().Get("aid")
	outcome, final := callOutcome(form.Get("CallStatus"), form.Get("AnsweredBy"))
	if !final {
		w.WriteHeader(http.StatusNoContent)
		return
	}
	if accountID == "" || h.cfg.Attempts == nil {
		h.cfg.Log.Warn("voice: call outcome not recorded", "call", sid, "outcome", outcome, "account_known", accountID != "")
		w.WriteHeader(http.StatusNoContent)
		return
	}
	err := h.cfg.Attempts.AddContactAttempt(r.Context(), agent.ContactAttempt{
		AccountID: accountID, Channel: agent.ChannelVoice, Address: form.Get("To"),
		InitiatedBy: "agent", Outcome: outcome, At: h.cfg.Clock.Now(),
	})
	if err != nil {
		h.cfg.Log.Error("voice: record call outcome", "call", sid, "err", err)
		http.Error(w, "try again", http.StatusServiceUnavailable)
		return
	}
	h.cfg.Log.Info("voice: call outcome", "call", sid, "account_id", accountID, "outcome", outcome)
	w.WriteHeader(http.StatusNoContent)
}

// callOutcome maps Twilio's final CallStatus (and answering machine
// detection) onto a contact outcome; other statuses report final=false.
func callOutcome(status, answeredBy string) (agent.ContactOutcome, bool) {
	switch status {
	case "completed":
		if strings.HasPrefix(answeredBy, "machine") || answeredBy == "fax" {
			return agent.OutcomeVoicemail, true
		}
		return agent.OutcomeConnected, true
	case "busy":
		return agent.OutcomeBusy, true
	case "no-answer":
		return agent.OutcomeNoAnswer, true
	case "failed", "canceled":
		return agent.OutcomeFailed, true
	}
	return "", false
}
