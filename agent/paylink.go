package agent

import (
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"strings"
	"time"
)

// PaymentLinker makes and checks signed payment links. A link carries a
// compact token naming the plan, the account and the first installment, so
// the payment page can show what to pay without trusting the URL: the token
// is signed with HMAC-SHA256 and expires.
type PaymentLinker struct {
	// URLTemplate is the link with a {token} placeholder, e.g.
	// "https://pay.example.com/p/{token}".
	URLTemplate string
	// Secret signs tokens. It must not be empty; 32 random bytes are right.
	Secret []byte
}

// PaymentClaims are what a verified token says.
type PaymentClaims struct {
	PlanID    string    `json:"plan_id"`
	AccountID string    `json:"account_id"`
	Amount    Money     `json:"amount"` // the first installment
	Expires   time.Time `json:"expires"`
}

// tokenPayload is the signed part of a token; short keys keep links short
// enough for an SMS.
type tokenPayload struct {
	PlanID    string `json:"p"`
	AccountID string `json:"a"`
	Minor     int64  `json:"m"`
	Currency  string `json:"c"`
	Expires   int64  `json:"e"` // Unix seconds
}

// b64 is unpadded base64url, strict so that one token has one spelling.
var b64 = base64.RawURLEncoding.Strict()

// Link returns the payment URL for p's first installment, valid until
// expires (to the second).
func (l PaymentLinker) Link(p Plan, expires time.Time) (string, error) {
	if err := l.check(); err != nil {
		return "", err
	}
	if !strings.Contains(l.URLTemplate, "{token}") {
		return "", fmt.Errorf("%w: URL template %q has no {token}", ErrLinkConfig, l.URLTemplate)
	}
	if p.ID == "" || p.AccountID == "" || len(p.Installments) == 0 {
		return "", fmt.Errorf("payment link: plan needs an id, an account and an installment")
	}
	first := p.Installments[0].Amount
	payload, err := json.Marshal(tokenPayload{
		PlanID:    p.ID,
		AccountID: p.AccountID,
		Minor:     first.Minor,
		Currency:  first.Currency,
		Expires:   expires.Unix(),
	})
	if err != nil {
		return "", fmt.Errorf("payment link: encode: %w", err)
	}
	body := b64.EncodeToString(payload)
	token := body + "." + b64.EncodeToString(l.sign(body))
	return strings.ReplaceAll(l.URLTemplate, "{token}", token), nil
}

// Verify checks a token's signature and expiry at time now and returns its
// claims. A token is valid strictly before its expiry.
func (l PaymentLinker) Verify(token string, now time.Time) (PaymentClaims, error) {
	if err := l.check(); err != nil {
		return PaymentClaims{}, err
	}
	body, sig, ok := strings.Cut(token, ".")
	if !ok {
		return PaymentClaims{}, fmt.Errorf("%w: no signature", ErrLinkInvalid)
	}
	got, err := b64.DecodeString(sig)
	if err != nil || !hmac.Equal(got, l.sign(body)) {
		return PaymentClaims{}, fmt.Errorf("%w: bad signature", ErrLinkInvalid)
	}
	raw, err := b64.DecodeString(body)
	if err != nil {
		return PaymentClaims{}, fmt.Errorf("%w: payload: %v", ErrLinkInvalid, err)
	}
	var tp tokenPayload
	if err := json.Unmarshal(raw, &tp); err != nil {
		return PaymentClaims{}, fmt.Errorf("%w: payload: %v", ErrLinkInvalid, err)
	}
	c := PaymentClaims{
		PlanID:    tp.PlanID,
		AccountID: tp.AccountID,
		Amount:    Money{Minor: tp.Minor, Currency: tp.Currency},
		Expires:   time.Unix(tp.Expires, 0).UTC(),
	}
	if !now.Before(c.Expires) {
		return PaymentClaims{}, fmt.Errorf("%w at %s", ErrLinkExpired, c.Expires.Format(time.RFC3339))
	}
	return c, nil
}

// PlanReader reads an account's plans; the stores implement it.
type PlanReader interface {
	Plans(ctx context.Context, accountID string) ([]Plan, error)
}

// Resolve verifies a token as Verify does and then checks its plan in the
// store: a link pays only the account's plan in force. A plan superseded
// by a later agreement or cancelled voids its link (ErrLinkVoid); a plan
// the store does not hold makes the token invalid. The payment page asks
// this before it takes a payment.
func (l PaymentLinker) Resolve(ctx context.Context, plans PlanReader, token string, now time.Time) (PaymentClaims, error) {
	c, err := l.Verify(token, now)
	if err != nil {
		return PaymentClaims{}, err
	}
	ps, err := plans.Plans(ctx, c.AccountID)
	if err != nil {
		return PaymentClaims{}, fmt.Errorf("payment link: %w", err)
	}
	for _, p := range ps {
		if p.ID != c.PlanID {
			continue
		}
		if p.Status != PlanAccepted {
			return PaymentClaims{}, fmt.Errorf("%w (%s)", ErrLinkVoid, p.Status)
		}
		return c, nil
	}
	return PaymentClaims{}, fmt.Errorf("%w: no such plan", ErrLinkInvalid)
}

func (l PaymentLinker) check() error {
	if len(l.Secret) == 0 {
		return fmt.Errorf("%w: empty secret", ErrLinkConfig)
	}
	return nil
}

// sign is the MAC of the encoded payload, so that any change to the token's
// text, even one that decodes to the same bytes, fails.
func (l PaymentLinker) sign(body string) []byte {
	m := hmac.New(sha256.New, l.Secret)
	m.Write([]byte(body))
	return m.Sum(nil)
}
