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

// verifyToken checks a token's signature (HS256 only), its expiry (required)
// and its subject, and returns the account id.
func verifyToken(secret []byte, token string, now time.Time) (string, error) {
	if token == "" {
		return "", errors.New("chat: missing token")
	}
	var claims jwt.RegisteredClaims
	_, err := jwt.ParseWithClaims(token, &claims,
		func(*jwt.Token) (any, error) { return secret, nil },
		jwt.WithValidMethods([]string{jwt.SigningMethodHS256.Alg()}),
		jwt.WithExpirationRequired(),
		jwt.WithTimeFunc(func() time.Time { return now }),
	)
	if err != nil {
		return "", fmt.Errorf("chat: verify token: %w", err)
	}
	if claims.Subject == "" {
		return "", errors.New("chat: verify token: empty subject")
	}
	return claims.Subject, nil
}
