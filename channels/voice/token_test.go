package voice_test

import (
	"encoding/base64"
	"encoding/xml"
	"errors"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/gorilla/websocket"

	"github.com/parley-collections/parley/agent"
	"github.com/parley-collections/parley/channels/twilio"
	"github.com/parley-collections/parley/channels/twilio/twiliotest"
	"github.com/parley-collections/parley/channels/voice"
)

// relayCall is what Twilio's call webhook says of a call.
type relayCall struct {
	sid, from, to, direction, accountID string
}

// inboundCall is the call setupMsg describes.
var inboundCall = relayCall{sid: "CA1", from: "+15551230001", to: "+15550001111", direction: "inbound", accountID: "DEMO-US-1"}

// relayURL posts c's call webhook, signed, and returns the relay URL of
// the TwiML it is answered with: the URL with the call's token.
func (b *testBundle) relayURL(t testing.TB, c relayCall) string {
	t.Helper()
	target := voice.CallPath
	if c.accountID != "" {
		target += "?aid=" + url.QueryEscape(c.accountID)
	}
	form := url.Values{"CallSid": {c.sid}, "AccountSid": {"AC123"}, "From": {c.from}, "To": {c.to},
		"CallStatus": {"in-progress"}, "Direction": {c.direction}}
	resp, body := twiliotest.Do(t, twiliotest.SignedForm(token, b.url, target, form))
	var doc relayDoc
	if err := xml.Unmarshal([]byte(body), &doc); resp.StatusCode != http.StatusOK || err != nil {
		t.Fatalf("call webhook = %d %v: %s", resp.StatusCode, err, body)
	}
	return doc.Connect.Relay.URL
}

// dialURL opens the relay at u signed as Twilio signs it and returns the
// connection, or nil and the status of the refusal.
func dialURL(t testing.TB, u string) (*websocket.Conn, int) {
	t.Helper()
	h := http.Header{}
	h.Set(twilio.SignatureHeader, twiliotest.Sign(token, u, nil))
	conn, resp, err := websocket.DefaultDialer.Dial(u, h)
	if err != nil {
		if resp == nil {
			t.Fatalf("dial: %v", err)
		}
		return nil, resp.StatusCode
	}
	t.Cleanup(func() { _ = conn.Close() })
	return conn, http.StatusSwitchingProtocols
}

// TestRelayTokenIsSpentOnce: the TwiML's relay URL carries a per-call
// token; its first use opens the relay, and the same URL with the same
// valid signature opens nothing afterwards.
func TestRelayTokenIsSpentOnce(t *testing.T) {
	t.Parallel()
	b := setup(t, streams("Hello."), nil)
	u := b.relayURL(t, inboundCall)
	parsed, err := url.Parse(u)
	if err != nil || parsed.Query().Get("t") == "" || parsed.Path != voice.RelayPath {
		t.Fatalf("relay URL %q has no token", u)
	}
	conn, status := dialURL(t, u)
	if conn == nil {
		t.Fatalf("first use of the relay URL = %d, want the relay", status)
	}
	send(t, conn, setupMsg)
	send(t, conn, `{"type":"prompt","voicePrompt":"hello","last":true}`)
	if in := <-b.turns.inbound; in.Meta["CallSid"] != "CA1" {
		t.Errorf("turn for call %q", in.Meta["CallSid"])
	}
	for i := range 3 {
		if conn, status := dialURL(t, u); conn != nil || status != http.StatusForbidden {
			t.Errorf("replay %d of the relay URL = %d, want 403", i+1, status)
		}
	}
	// Another call's webhook mints another token.
	if other := b.relayURL(t, inboundCall); other == u {
		t.Error("two calls were given the same relay URL")
	}
}

// TestRelayTokenSpentOnAnyReplica: two handlers sharing a key and the
// store's spent tokens, as replicas do: a URL used on one opens nothing on
// the other.
func TestRelayTokenSpentOnAnyReplica(t *testing.T) {
	t.Parallel()
	spent := newMemSpender()
	key := []byte("a relay key shared by the replicas")
	share := func(c *voice.Config) { c.RelayKey, c.RelayTokens = key, spent }
	a := setup(t, streams("Hello."), share)
	b := setup(t, streams("Hello."), share)
	u := a.relayURL(t, inboundCall)
	if conn, status := dialURL(t, u); conn == nil {
		t.Fatalf("first use = %d", status)
	}
	onB := "ws" + strings.TrimPrefix(b.url, "http") + u[strings.Index(u, voice.RelayPath):]
	if conn, status := dialURL(t, onB); conn != nil || status != http.StatusForbidden {
		t.Errorf("the URL replayed on another replica = %d, want 403", status)
	}
	// A token minted by one replica opens the relay on the other.
	u2 := a.relayURL(t, inboundCall)
	if conn, status := dialURL(t, "ws"+strings.TrimPrefix(b.url, "http")+u2[strings.Index(u2, voice.RelayPath):]); conn == nil {
		t.Errorf("a fresh token on the other replica = %d, want the relay", status)
	}
}

// TestRelayTokenExpires: a token not used within its lifetime opens
// nothing.
func TestRelayTokenExpires(t *testing.T) {
	t.Parallel()
	clock := agent.NewFixedClock(time.Date(2026, 11, 24, 16, 0, 0, 0, time.UTC))
	b := setup(t, streams("Hello."), func(c *voice.Config) { c.Clock, c.RelayTokenTTL = clock, time.Minute })
	u := b.relayURL(t, inboundCall)
	clock.Advance(time.Minute + time.Second)
	if conn, status := dialURL(t, u); conn != nil || status != http.StatusForbidden {
		t.Errorf("an expired token = %d, want 403", status)
	}
	u = b.relayURL(t, inboundCall)
	clock.Advance(59 * time.Second)
	if conn, status := dialURL(t, u); conn == nil {
		t.Errorf("a token inside its lifetime = %d, want the relay", status)
	}
}

// TestRelayTokenForgeries: no token, a token of another key, a token whose
// claims were changed, a token cut short: each is refused, even on a URL
// Twilio signed.
func TestRelayTokenForgeries(t *testing.T) {
	t.Parallel()
	b := setup(t, streams("Hello."), nil)
	other := setup(t, streams("Hello."), func(c *voice.Config) { c.RelayKey = []byte("another server's key") })
	good := b.relayURL(t, inboundCall)
	tok := good[strings.Index(good, "?t=")+3:]
	payload, mac, _ := strings.Cut(tok, ".")
	claims, err := base64.RawURLEncoding.DecodeString(payload)
	if err != nil {
		t.Fatalf("token payload %q: %v", payload, err)
	}
	changed := base64.RawURLEncoding.EncodeToString([]byte(strings.Replace(string(claims), "DEMO-US-1", "DEMO-US-2", 1)))
	foreign := other.relayURL(t, inboundCall)
	base := "ws" + strings.TrimPrefix(b.url, "http") + voice.RelayPath
	for name, u := range map[string]string{
		"no token":            base,
		"empty token":         base + "?t=",
		"another key":         base + foreign[strings.Index(foreign, "?t="):],
		"changed claims":      base + "?t=" + changed + "." + mac,
		"no signature":        base + "?t=" + payload,
		"signature cut short": base + "?t=" + payload + "." + mac[:len(mac)-4],
		"garbage":             base + "?t=" + url.QueryEscape("<script>."),
	} {
		if conn, status := dialURL(t, u); conn != nil || status != http.StatusForbidden {
			t.Errorf("%s: %d, want 403", name, status)
		}
	}
	if conn, status := dialURL(t, good); conn == nil {
		t.Errorf("the good token after the forgeries = %d, want the relay", status)
	}
}

// TestRelayTrustsTheTokenNotTheSetup: the call, the account and the
// numbers come from the token the server minted, not from setup's fields
// or customParameters; a setup for another call closes the relay.
func TestRelayTrustsTheTokenNotTheSetup(t *testing.T) {
	t.Parallel()
	b := setup(t, streams("Hello."), nil)
	conn, status := dialURL(t, b.relayURL(t, inboundCall))
	if conn == nil {
		t.Fatal(status)
	}
	send(t, conn, `{"type":"setup","callSid":"CA1","from":"+15557770000","to":"+15550001111","direction":"inbound",`+
		`"customParameters":{"accountId":"DEMO-GB-1"}}`)
	send(t, conn, `{"type":"prompt","voicePrompt":"how much do I owe","last":true}`)
	in := <-b.turns.inbound
	if in.AccountID != "DEMO-US-1" || in.From != "+15551230001" || in.To != "+15550001111" {
		t.Errorf("turn for account %q from %q to %q; want the token's DEMO-US-1 from +15551230001 to +15550001111", in.AccountID, in.From, in.To)
	}

	conn, status = dialURL(t, b.relayURL(t, inboundCall))
	if conn == nil {
		t.Fatal(status)
	}
	send(t, conn, `{"type":"setup","callSid":"CA-someone-else","from":"+15551230001","to":"+15550001111"}`)
	_ = conn.SetReadDeadline(time.Now().Add(5 * time.Second))
	_, _, err := conn.ReadMessage()
	var ce *websocket.CloseError
	if !errors.As(err, &ce) || ce.Code != websocket.ClosePolicyViolation {
		t.Errorf("a setup for another call: %v, want a policy-violation close", err)
	}
}
