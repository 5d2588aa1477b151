package twilio

import (
	"errors"
	"io"
	"log/slog"
	"net/http"
	"net/url"

	"github.com/twilio/twilio-go/client"
)

// MaxBodyBytes bounds a webhook body; Twilio's forms are a few kilobytes.
const MaxBodyBytes = 64 << 10

// SignatureHeader is the header Twilio signs requests with.
const SignatureHeader = "X-Twilio-Signature"

// Verifier checks that webhooks and websocket upgrades come from Twilio.
// It is safe for concurrent use.
type Verifier struct {
	settings  Settings
	validator client.RequestValidator
	log       *slog.Logger
}

// NewVerifier returns a Verifier for the settings' auth token and public URL.
func NewVerifier(s Settings, log *slog.Logger) *Verifier {
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	return &Verifier{settings: s, validator: client.NewRequestValidator(s.AuthToken), log: log}
}

// NotConfigured is the body of the 503 answered to webhooks when nothing can
// verify them: it names the settings that fix it.
const NotConfigured = "twilio webhooks are not configured: set TWILIO_AUTH_TOKEN to check Twilio's signatures " +
	"(or PARLEY_TWILIO_INSECURE=1 to accept unsigned webhooks, for local experiments only)"

// unavailable reports, and answers 503 for, a server that can verify nothing.
func (v *Verifier) unavailable(w http.ResponseWriter, r *http.Request) bool {
	if v.settings.AuthToken != "" || v.settings.Insecure {
		return false
	}
	v.log.Warn("twilio: webhook refused: TWILIO_AUTH_TOKEN is not set", "path", r.URL.Path)
	http.Error(w, NotConfigured, http.StatusServiceUnavailable)
	return true
}

// checking reports whether signatures are checked at all: not when the
// token is missing and PARLEY_TWILIO_INSECURE=1 allowed it.
func (v *Verifier) checking() bool { return v.settings.AuthToken != "" }

// signedURL is the URL Twilio signed: the configured public URL plus the
// request URI, never the Host header when a public URL is configured.
func (v *Verifier) signedURL(r *http.Request) string {
	if v.settings.PublicURL != "" {
		return v.settings.URL(r.URL.RequestURI())
	}
	scheme := "http"
	if r.TLS != nil {
		scheme = "https"
	}
	return scheme + "://" + r.Host + r.URL.RequestURI()
}

// ReadForm reads and verifies a form-encoded Twilio webhook. On failure it
// writes the answer itself and returns false: 503 when nothing can be
// verified, 413 for a body over MaxBodyBytes, 400 for a malformed form, 403
// for a bad signature.
func (v *Verifier) ReadForm(w http.ResponseWriter, r *http.Request) (url.Values, bool) {
	if v.unavailable(w, r) {
		return nil, false
	}
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, MaxBodyBytes))
	if err != nil {
		var tooBig *http.MaxBytesError
		if errors.As(err, &tooBig) {
			v.log.Warn("twilio: webhook body too large", "path", r.URL.Path, "limit", MaxBodyBytes)
			http.Error(w, "request body too large", http.StatusRequestEntityTooLarge)
			return nil, false
		}
		v.log.Warn("twilio: webhook body unreadable", "path", r.URL.Path, "err", err)
		http.Error(w, "unreadable body", http.StatusBadRequest)
		return nil, false
	}
	form, err := url.ParseQuery(string(body))
	if err != nil {
		v.log.Warn("twilio: webhook form malformed", "path", r.URL.Path, "err", err)
		http.Error(w, "malformed form", http.StatusBadRequest)
		return nil, false
	}
	if v.checking() && !v.validator.ValidateBody(v.signedURL(r), body, r.Header.Get(SignatureHeader)) {
		v.log.Warn("twilio: webhook signature rejected", "path", r.URL.Path, "remote", r.RemoteAddr)
		http.Error(w, "invalid signature", http.StatusForbidden)
		return nil, false
	}
	return form, true
}

// CheckUpgrade verifies a websocket upgrade before it happens: Twilio signs
// the ws:// or wss:// URL with no body parameters. On failure it writes 503
// or 403 and returns false.
func (v *Verifier) CheckUpgrade(w http.ResponseWriter, r *http.Request) bool {
	if v.unavailable(w, r) {
		return false
	}
	if v.checking() && !v.validator.Validate(wsScheme(v.signedURL(r)), map[string]string{}, r.Header.Get(SignatureHeader)) {
		v.log.Warn("twilio: websocket signature rejected", "path", r.URL.Path, "remote", r.RemoteAddr)
		http.Error(w, "invalid signature", http.StatusForbidden)
		return false
	}
	return true
}

// AccountMatches reports whether a webhook's AccountSid is ours; it is true
// when no account sid is configured or the form carries none.
func (v *Verifier) AccountMatches(form url.Values) bool {
	got := form.Get("AccountSid")
	return v.settings.AccountSID == "" || got == "" || got == v.settings.AccountSID
}
