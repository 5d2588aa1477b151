package voice

import (
	"context"
	"errors"
	"log/slog"
	"net/http"
	"net/url"
	"strings"

	twiliogo "github.com/twilio/twilio-go"
	api "github.com/twilio/twilio-go/rest/api/v2010"

	"github.com/parley-collections/parley/agent"
	"github.com/parley-collections/parley/channels/twilio"
)

// Caller places outbound calls through Twilio's Calls API; Twilio then
// fetches CallPath and the call runs like an inbound one, and posts the
// call's outcome to StatusPath. It implements agent.Dialer: it dials what it
// is given, so it must only be given calls the guard has allowed (the
// orchestrator's agent.Outreacher does that). It is safe for concurrent use.
type Caller struct {
	rest     *twiliogo.RestClient // nil in dry-run
	settings twilio.Settings
	log      *slog.Logger
}

var _ agent.Dialer = (*Caller)(nil)

// NewCaller returns a Caller. Without live settings (see
// twilio.Settings.CanSend) the Caller only logs what it would dial. hc
// carries the transport; nil uses twilio.DefaultTimeout.
func NewCaller(s twilio.Settings, hc *http.Client, log *slog.Logger) *Caller {
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	c := &Caller{settings: s, log: log}
	if s.CanSend() {
		c.rest = twilio.NewRestClient(s, hc)
	}
	return c
}

// Dial creates the call and returns its CA sid; pending is true when Twilio
// will post the outcome to StatusPath, false in dry-run, where nothing is
// dialled. A Twilio failure is an *agent.SendError.
func (c *Caller) Dial(ctx context.Context, call agent.CallRequest) (sid string, pending bool, err error) {
	if c.rest == nil {
		sid := agent.NewID("CA")
		c.log.Info("voice: dry-run: call not placed", "account_id", call.AccountID, "to", twilio.Redact(call.To), "sid", sid)
		return sid, false, nil
	}
	if c.settings.From == "" || c.settings.PublicURL == "" {
		return "", false, &agent.SendError{Err: errors.New("voice: call: TWILIO_FROM and PARLEY_PUBLIC_URL are required")}
	}
	q := url.Values{"aid": {call.AccountID}}
	if call.MessageID != "" {
		q.Set("mid", call.MessageID)
	}
	p := &api.CreateCallParams{}
	p.SetTo(call.To).SetFrom(c.settings.From).
		SetUrl(c.settings.URL(CallPath + "?" + q.Encode())).
		SetStatusCallback(c.settings.URL(StatusPath + "?" + q.Encode())).
		SetMachineDetection("Enable")
	res, err := twilio.Do(ctx, "voice: call", func() (*api.ApiV2010Call, error) { return c.rest.Api.CreateCall(p) })
	if err != nil {
		c.log.Warn("voice: call failed", "account_id", call.AccountID, "to", twilio.Redact(call.To), "err", err)
		return "", false, err
	}
	if res == nil || res.Sid == nil {
		return "", false, &agent.SendError{Retryable: true, Err: errors.New("voice: call: answer without a sid")}
	}
	c.log.Info("voice: call placed", "account_id", call.AccountID, "sid", *res.Sid, "to", twilio.Redact(call.To))
	return *res.Sid, true, nil
}

// status records the outcome of a call Parley placed, once Twilio reports
// its final status.
func (h *Handler) status(w http.ResponseWriter, r *http.Request) {
	form, ok := h.readForm(w, r)
	if !ok {
		return
	}
	sid, accountID := form.Get("CallSid"), r.URL.Query().Get("aid")
	outcome, final := callOutcome(form.Get("CallStatus"), form.Get("AnsweredBy"))
	if !final {
		w.WriteHeader(http.StatusNoContent)
		return
	}
	if accountID == "" || h.cfg.Outcomes == nil {
		h.cfg.Log.Warn("voice: call outcome not recorded", "call", sid, "outcome", outcome, "account_known", accountID != "")
		w.WriteHeader(http.StatusNoContent)
		return
	}
	err := h.cfg.Outcomes.RecordCallOutcome(r.Context(), agent.CallOutcome{
		AccountID: accountID, MessageID: r.URL.Query().Get("mid"), CallSid: sid, To: form.Get("To"), Outcome: outcome,
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
