package sms

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/url"
	"strconv"
	"time"

	twiliogo "github.com/twilio/twilio-go"
	api "github.com/twilio/twilio-go/rest/api/v2010"

	"github.com/parley-collections/parley/agent"
	"github.com/parley-collections/parley/channels/twilio"
)

// StatusPath is where Twilio posts delivery status callbacks.
const StatusPath = "/twilio/sms/status"

var (
	_ agent.Sender = (*Sender)(nil)
	_ agent.Sender = DryRunSender{}
)

// Sender sends SMS through Twilio's Messages API. It is safe for concurrent use.
type Sender struct {
	rest     *twiliogo.RestClient
	settings twilio.Settings
	log      *slog.Logger
}

// NewSender returns a Sender for live settings (see twilio.Settings.CanSend).
// hc carries the transport; nil uses twilio.DefaultTimeout.
func NewSender(s twilio.Settings, hc *http.Client, log *slog.Logger) *Sender {
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	return &Sender{rest: twilio.NewRestClient(s, hc), settings: s, log: log}
}

// NewSenderFromSettings returns a live Sender when the settings can send,
// and a DryRunSender otherwise.
func NewSenderFromSettings(s twilio.Settings, hc *http.Client, log *slog.Logger) agent.Sender {
	if !s.CanSend() {
		return DryRunSender{Log: log}
	}
	return NewSender(s, hc, log)
}

// Send creates the message at Twilio and returns its SM sid. Errors are
// *agent.SendError: retryable for 429, 5xx and network failures, permanent
// otherwise (21211 invalid number, 21610 opted out).
func (s *Sender) Send(ctx context.Context, m agent.Outbound) (string, error) {
	if m.To == "" || m.Text == "" {
		return "", &agent.SendError{Err: errors.New("sms: send: missing recipient or text")}
	}
	p := &api.CreateMessageParams{}
	p.SetTo(m.To).SetBody(m.Text)
	if s.settings.MessagingServiceSID != "" {
		p.SetMessagingServiceSid(s.settings.MessagingServiceSID)
	} else {
		p.SetFrom(s.settings.From)
	}
	if s.settings.PublicURL != "" {
		p.SetStatusCallback(s.settings.URL(StatusPath + "?mid=" + url.QueryEscape(m.MessageID)))
	}
	msg, err := twilio.Do(ctx, "sms: send", func() (*api.ApiV2010Message, error) { return s.rest.Api.CreateMessage(p) })
	if err != nil {
		s.log.Warn("sms: send failed", "message_id", m.MessageID, "to", twilio.Redact(m.To), "err", err)
		return "", err
	}
	if msg == nil || msg.Sid == nil {
		return "", &agent.SendError{Retryable: true, Err: errors.New("sms: send: answer without a sid")}
	}
	s.log.Info("sms: sent", "message_id", m.MessageID, "sid", *msg.Sid, "to", twilio.Redact(m.To))
	return *msg.Sid, nil
}

// DryRunSIDPrefix starts the id a DryRunSender gives a message, so that the
// console can show that it was never sent to a phone.
const DryRunSIDPrefix = "dry-run-"

// DryRunSender records messages as sent without sending them, for when
// Twilio credentials are missing. The console shows what would have gone
// out, marked as a dry run; Out, when set, gets the text as well.
type DryRunSender struct {
	Log *slog.Logger // nil discards; never gets the text
	// Out receives one line per message with its recipient and text (the
	// --dry-run-log file), written in a single Write; nil writes nothing.
	Out io.Writer
}

// Send logs the message's id and length, never its text, writes the text to
// Out, and returns a made-up sid starting with DryRunSIDPrefix.
func (d DryRunSender) Send(_ context.Context, m agent.Outbound) (string, error) {
	sid := DryRunSIDPrefix + agent.NewID("SM")
	if d.Log != nil {
		d.Log.Info("sms: dry-run: not sent", "message_id", m.MessageID, "to", twilio.Redact(m.To), "chars", len([]rune(m.Text)), "sid", sid)
	}
	if d.Out != nil {
		line := fmt.Sprintf("%s sms to %s (message %s): %s\n", time.Now().UTC().Format(time.RFC3339), m.To, m.MessageID, strconv.Quote(m.Text))
		if _, err := io.WriteString(d.Out, line); err != nil && d.Log != nil {
			d.Log.Warn("sms: dry-run: writing the dry-run log failed", "message_id", m.MessageID, "err", err)
		}
	}
	return sid, nil
}
