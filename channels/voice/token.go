package voice

import (
	"context"
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"sync"
	"time"

	"github.com/parley-collections/parley/agent"
)

// A relay token is minted into the relay URL of the TwiML that answers a
// call and spent once when the relay websocket opens. Twilio's signature
// on the upgrade covers the URL, token included, but a captured URL and
// signature could be replayed any number of times; the token cannot. Its
// claims are what Twilio's signed call webhook said of the call, so that
// the relay believes nothing of what setup says but the call it is for.
//
// Form: base64url(JSON claims) "." base64url(HMAC-SHA256(key, claims)).

// relayTokenParam is the relay URL's query parameter that carries it.
const relayTokenParam = "t"

// relayClaims are what a relay token vouches for.
type relayClaims struct {
	CallSid   string `json:"c"`
	AccountID string `json:"a,omitempty"` // the account of a call Parley placed
	Borrower  string `json:"b,omitempty"` // the far end: From inbound, To on calls Parley placed
	Ours      string `json:"o,omitempty"`
	// Greeted is set when the TwiML greets the caller (welcomeGreeting):
	// the greeting introduced the assistant, and the turns say so.
	Greeted bool   `json:"g,omitempty"`
	Expires int64  `json:"e"` // Unix milliseconds
	Nonce   string `json:"n"`
}

// errRelayToken is a token refused: missing, forged, expired or spent.
var errRelayToken = errors.New("voice: relay token refused")

// relayTokens mints and spends relay tokens.
type relayTokens struct {
	key   []byte
	spent agent.TokenSpender
	ttl   time.Duration
	clock agent.Clock
}

func (rt relayTokens) sign(payload string) string {
	m := hmac.New(sha256.New, rt.key)
	m.Write([]byte(payload))
	return base64.RawURLEncoding.EncodeToString(m.Sum(nil))
}

// mint returns a token for c that expires ttl from now.
func (rt relayTokens) mint(c relayClaims) (string, error) {
	c.Expires = rt.clock.Now().Add(rt.ttl).UnixMilli()
	c.Nonce = rand.Text()
	b, err := json.Marshal(c)
	if err != nil {
		return "", fmt.Errorf("voice: mint relay token: %w", err)
	}
	payload := base64.RawURLEncoding.EncodeToString(b)
	return payload + "." + rt.sign(payload), nil
}

// spend checks tok and spends it: its claims on its first use before it
// expires, errRelayToken (wrapped with the reason) otherwise, or the
// store's error.
func (rt relayTokens) spend(ctx context.Context, tok string) (relayClaims, error) {
	var c relayClaims
	payload, mac, ok := strings.Cut(tok, ".")
	if !ok || payload == "" || !hmac.Equal([]byte(mac), []byte(rt.sign(payload))) {
		return c, fmt.Errorf("%w: missing or forged", errRelayToken)
	}
	b, err := base64.RawURLEncoding.DecodeString(payload)
	if err != nil || json.Unmarshal(b, &c) != nil || c.CallSid == "" {
		return relayClaims{}, fmt.Errorf("%w: malformed claims", errRelayToken)
	}
	now := rt.clock.Now()
	expires := time.UnixMilli(c.Expires)
	if now.After(expires) {
		return relayClaims{}, fmt.Errorf("%w: expired", errRelayToken)
	}
	first, err := rt.spent.SpendToken(ctx, "relay:"+mac, expires, now)
	if err != nil {
		return relayClaims{}, fmt.Errorf("voice: spend relay token: %w", err)
	}
	if !first {
		return relayClaims{}, fmt.Errorf("%w: already used", errRelayToken)
	}
	return c, nil
}

// memorySpender spends tokens in this process only: the default when the
// handler is given no store.
type memorySpender struct {
	mu    sync.Mutex
	spent map[string]time.Time
}

func (m *memorySpender) SpendToken(_ context.Context, token string, expires, now time.Time) (bool, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	for t, exp := range m.spent {
		if exp.Before(now) {
			delete(m.spent, t)
		}
	}
	if _, ok := m.spent[token]; ok {
		return false, nil
	}
	m.spent[token] = expires
	return true, nil
}
