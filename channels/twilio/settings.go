package twilio

import (
	"fmt"
	"log/slog"
	"net/url"
	"strings"
)

// Settings configures Parley's Twilio channels; cmd/parley fills it from
// its configuration.
type Settings struct {
	AccountSID          string // TWILIO_ACCOUNT_SID
	AuthToken           string // TWILIO_AUTH_TOKEN: signs webhooks and authenticates REST calls
	From                string // TWILIO_FROM: the sending number, E.164
	MessagingServiceSID string // TWILIO_MESSAGING_SERVICE_SID: used instead of From when set
	PublicURL           string // PARLEY_PUBLIC_URL: scheme and host Twilio calls, without a trailing slash
	Insecure            bool   // PARLEY_TWILIO_INSECURE=1: accept unsigned webhooks when no token is set
}

// Validate reports a PublicURL that is not an absolute http or https URL
// without a query.
func (s Settings) Validate() error {
	if s.PublicURL == "" {
		return nil
	}
	u, err := url.Parse(s.PublicURL)
	if err != nil {
		return fmt.Errorf("twilio: settings: PARLEY_PUBLIC_URL: %w", err)
	}
	if (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" || u.RawQuery != "" {
		return fmt.Errorf("twilio: settings: PARLEY_PUBLIC_URL %q: want http(s)://host[:port][/prefix]", s.PublicURL)
	}
	return nil
}

// CanSend reports whether messages and calls really go out through Twilio:
// the account sid, the token and a sender must all be set.
func (s Settings) CanSend() bool {
	return s.AccountSID != "" && s.AuthToken != "" && (s.From != "" || s.MessagingServiceSID != "")
}

// URL returns the public URL of a path on this server, e.g.
// URL("/twilio/sms/status") for a StatusCallback.
func (s Settings) URL(path string) string {
	return strings.TrimRight(s.PublicURL, "/") + path
}

// WebsocketURL returns the public websocket URL of a path: http becomes ws
// and https becomes wss, as Twilio signs it.
func (s Settings) WebsocketURL(path string) string {
	return wsScheme(s.URL(path))
}

func wsScheme(u string) string {
	switch {
	case strings.HasPrefix(u, "https://"):
		return "wss://" + strings.TrimPrefix(u, "https://")
	case strings.HasPrefix(u, "http://"):
		return "ws://" + strings.TrimPrefix(u, "http://")
	}
	return u
}

// LogValue hides the auth token and shows which mode the channels run in.
func (s Settings) LogValue() slog.Value {
	return slog.GroupValue(
		slog.String("account_sid", s.AccountSID),
		slog.Bool("auth_token_set", s.AuthToken != ""),
		slog.String("from", Redact(s.From)),
		slog.String("messaging_service_sid", s.MessagingServiceSID),
		slog.String("public_url", s.PublicURL),
		slog.Bool("insecure", s.Insecure),
		slog.Bool("live", s.CanSend()),
	)
}

// Redact shortens a phone number for logs to its country prefix and last
// two digits: "+15551230001" becomes "+1…01". Anything shorter than six
// characters becomes "…".
func Redact(phone string) string {
	if len(phone) < 6 {
		if phone == "" {
			return ""
		}
		return "…"
	}
	return phone[:2] + "…" + phone[len(phone)-2:]
}
