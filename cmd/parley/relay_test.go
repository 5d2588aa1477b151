package main

import (
	"encoding/xml"
	"log/slog"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/gorilla/websocket"

	"github.com/parley-collections/parley/agent"
	"github.com/parley-collections/parley/agent/postgres/pgtest"
	"github.com/parley-collections/parley/channels/twilio"
	"github.com/parley-collections/parley/channels/twilio/twiliotest"
	"github.com/parley-collections/parley/channels/voice"
)

// TestRelayTokenSpentInTheStore: on either store, the relay URL the call
// webhook's TwiML gives opens the relay once; its token is then spent in
// the store, where every replica sees it, and the same URL with the same
// signature is refused.
func TestRelayTokenSpentInTheStore(t *testing.T) {
	if testing.Short() {
		t.Skip("starts the whole server")
	}
	for _, tc := range []struct{ name, url string }{{"sqlite", ""}, {"postgres", "pg"}} {
		t.Run(tc.name, func(t *testing.T) {
			const authToken = "relay-token-test-auth"
			env := map[string]string{"TWILIO_AUTH_TOKEN": authToken}
			if tc.url != "" {
				env["DATABASE_URL"] = pgtest.Schema(t)
			}
			_, st, base := startAppStore(t, env, false, slog.New(slog.DiscardHandler), nil, nil)
			acct := agent.DemoAccounts(time.Now())[0]
			form := url.Values{"CallSid": {"CA-relay-1"}, "From": {acct.Borrower.Phones[0]}, "To": {"+15550000000"},
				"CallStatus": {"ringing"}, "Direction": {"inbound"}}
			resp, body := twiliotest.Do(t, twiliotest.SignedForm(authToken, base, voice.CallPath, form))
			var doc struct {
				Relay struct {
					URL string `xml:"url,attr"`
				} `xml:"Connect>ConversationRelay"`
			}
			if err := xml.Unmarshal([]byte(body), &doc); resp.StatusCode != http.StatusOK || err != nil {
				t.Fatalf("call webhook = %d %v: %s", resp.StatusCode, err, body)
			}
			// Without PARLEY_PUBLIC_URL the TwiML names the request's host over wss.
			relayURL := "ws://" + strings.TrimPrefix(doc.Relay.URL, "wss://")
			tok := relayURL[strings.Index(relayURL, "?t=")+3:]
			if tok == "" || !strings.HasPrefix(relayURL, "ws://"+strings.TrimPrefix(base, "http://")+voice.RelayPath) {
				t.Fatalf("relay URL %q", doc.Relay.URL)
			}
			dial := func() int {
				h := http.Header{twilio.SignatureHeader: {twiliotest.Sign(authToken, relayURL, nil)}}
				conn, resp, err := websocket.DefaultDialer.Dial(relayURL, h)
				if err != nil {
					if resp == nil {
						t.Fatal(err)
					}
					return resp.StatusCode
				}
				conn.Close()
				return http.StatusSwitchingProtocols
			}
			if got := dial(); got != http.StatusSwitchingProtocols {
				t.Fatalf("first use of the relay URL = %d", got)
			}
			if got := dial(); got != http.StatusForbidden {
				t.Errorf("replayed relay URL = %d, want 403", got)
			}
			_, mac, _ := strings.Cut(tok, ".")
			first, err := st.(agent.TokenSpender).SpendToken(t.Context(), "relay:"+mac, time.Now().Add(time.Hour), time.Now())
			if err != nil || first {
				t.Errorf("the store does not hold the spent token: first %v, %v", first, err)
			}
		})
	}
}
