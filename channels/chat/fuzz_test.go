package chat

import (
	"testing"
	"time"
)

// FuzzClientFrame feeds arbitrary frames to the parser: it never panics,
// and what it accepts is a message, a resume or the borrower typing.
func FuzzClientFrame(f *testing.F) {
	for _, s := range []string{
		`{"type":"message","text":"hi","client_id":"0b1c"}`, `{"type":"resume","after":"m_1"}`,
		`{"type":"typing"}`, `{"type":1}`, `[]`, `{"type":"message","text":"` + string(make([]byte, 100)) + `"}`, "\xff",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		fr, err := parseClientFrame(data)
		if err != nil {
			return
		}
		if fr.Type != "message" && fr.Type != "resume" && fr.Type != "typing" {
			t.Fatalf("accepted a frame of type %q", fr.Type)
		}
	})
}

// FuzzToken feeds arbitrary strings to the token check: it never panics and
// accepts nothing but a token signed with the secret.
func FuzzToken(f *testing.F) {
	secret := []byte("0123456789abcdef0123456789abcdef")
	now := time.Date(2026, 11, 28, 12, 0, 0, 0, time.UTC)
	good, err := MintToken(secret, "DEMO-US-1", time.Hour, now)
	if err != nil {
		f.Fatal(err)
	}
	f.Add(good)
	f.Add("eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.")
	f.Add("a.b.c")
	f.Add("")
	f.Fuzz(func(t *testing.T, tok string) {
		sub, err := verifyToken(secret, tok, now)
		if err == nil && tok != good {
			// Another encoding of a valid token is possible only with the secret.
			if again, _ := verifyToken([]byte("another secret, another secret!!"), tok, now); again != "" {
				t.Fatalf("token %q verifies under two secrets", tok)
			}
		}
		if err == nil && sub == "" {
			t.Fatalf("token %q verified without a subject", tok)
		}
	})
}
