package chat

import (
	"errors"
	"fmt"
	"time"

	"github.com/golang-jwt/jwt/v5"
)

// MinSecretLen is the shortest PARLEY_CHAT_SECRET accepted: HS256 wants a key
// at least as long as its 256-bit hash.
const MinSecretLen = 32

// errShortSecret reports a signing key too short for HS256.
var errShortSecret = fmt.Errorf("chat: secret shorter than %d bytes", MinSecretLen)

// MintToken returns a chat token for accountID that expires ttl after now: an
// HS256 JWT whose subject is the account id. Host applications mint one for a
// borrower they have authenticated and pass it to the widget.
func MintToken(secret []byte, accountID string, ttl time.Duration, now time.Time) (string, error) {
	if len(secret) < MinSecretLen {
		return "", errShortSecret
	}
	if accountID == "" {
		return "", errors.New("chat: mint token: empty account id")
	}
	if ttl <= 0 {
		return "", errors.New("chat: mint token: ttl must be positive")
	}
	claims := jwt.RegisteredClaims{
		Subject:   accountID,
		IssuedAt:  jwt.NewNumericDate(now),
		ExpiresAt: jwt.NewNumericDate(now.Add(ttl)),
	}
	s, err := jwt.NewWithClaims(jwt.SigningMethodHS256, claims).SignedString(secret)
	if err != nil {
		return "", fmt.Errorf("chat: mint token: %w", err)
	}
	return s, nil
}

// DefaultMaxTokenTTL is how far ahead a chat token's expiry may be when
// Config.MaxTokenTTL is not set: a token that lives longer is refused.
const DefaultMaxTokenTTL = 24 * time.Hour

// tokenRules are what a token must satisfy besides its signature.
type tokenRules struct {
	maxTTL           time.Duration // exp at most this far after now
	audience, issuer string        // required aud and iss, when not empty
}

// verifyToken checks a token under the default rules (see checkToken).
func verifyToken(secret []byte, token string, now time.Time) (string, error) {
	return checkToken(secret, token, now, tokenRules{maxTTL: DefaultMaxTokenTTL})
}

// checkToken checks a token's signature (HS256 only), its expiry
// (required, and at most rules.maxTTL ahead of now), its audience and
// issuer when rules name them, and its subject, and returns the account id.
func checkToken(secret []byte, token string, now time.Time, rules tokenRules) (string, error) {
	if token == "" {
		return "", errors.New("chat: missing token")
	}
	opts := []jwt.ParserOption{
		jwt.WithValidMethods([]string{jwt.SigningMethodHS256.Alg()}),
		jwt.WithExpirationRequired(),
		jwt.WithTimeFunc(func() time.Time { return now }),
	}
	if rules.audience != "" {
		opts = append(opts, jwt.WithAudience(rules.audience))
	}
	if rules.issuer != "" {
		opts = append(opts, jwt.WithIssuer(rules.issuer))
	}
	var claims jwt.RegisteredClaims
	_, err := jwt.ParseWithClaims(token, &claims, func(*jwt.Token) (any, error) { return secret, nil }, opts...)
	if err != nil {
		return "", fmt.Errorf("chat: verify token: %w", err)
	}
	if rules.maxTTL > 0 && claims.ExpiresAt.Sub(now) > rules.maxTTL {
		return "", fmt.Errorf("chat: verify token: expiry %s is more than %s ahead", claims.ExpiresAt.UTC().Format(time.RFC3339), rules.maxTTL)
	}
	if claims.Subject == "" {
		return "", errors.New("chat: verify token: empty subject")
	}
	return claims.Subject, nil
}
