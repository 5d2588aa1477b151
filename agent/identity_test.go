package agent_test

import (
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/parley-collections/parley/agent"
	"github.com/parley-collections/parley/agent/sqlite"
	"golang.org/x/crypto/argon2"
)

// cheap are argon2id costs small enough for tests.
var cheap = agent.IdentityParams{Time: 1, MemoryKiB: 64, Threads: 1}

func hasher(t *testing.T, key string, p agent.IdentityParams) *agent.IdentityHasher {
	t.Helper()
	h, err := agent.NewIdentityHasher([]byte(key), p)
	if err != nil {
		t.Fatal(err)
	}
	return h
}

// legacyDigest is how identity facts were digested before identity keys.
func legacyDigest(salt string, k agent.IdentityKind, v string) string {
	h := sha256.Sum256([]byte(salt + "\x00" + string(k) + "\x00" + v))
	return hex.EncodeToString(h[:])
}

func TestIdentityHasherChecksOnlyUnderItsKey(t *testing.T) {
	t.Parallel()
	h := hasher(t, "0123456789abcdef-one", cheap)
	f := h.Facts("s_1", "1985-04-12", "sw1a 1aa", "4821")
	for _, d := range []string{f.DOB, f.Postcode, f.IDLast4} {
		if !strings.HasPrefix(d, "argon2id$v=19$m=64,t=1,p=1$") {
			t.Errorf("digest %q does not carry its costs", d)
		}
	}
	if ok, up := h.Check(&f, agent.IdentityPostcode, "SW1A1AA"); !ok || up {
		t.Errorf("Check(right postcode) = %v, %v; want true, false", ok, up)
	}
	if ok, _ := h.Check(&f, agent.IdentityDOB, "1985-04-13"); ok {
		t.Error("a wrong date of birth matched")
	}
	other := hasher(t, "0123456789abcdef-two", cheap)
	if ok, _ := other.Check(&f, agent.IdentityDOB, "1985-04-12"); ok {
		t.Error("a hasher with another key matched")
	}
	if _, err := agent.NewIdentityHasher([]byte("short"), cheap); err == nil {
		t.Error("a 5-byte key was accepted")
	}
}

func TestIdentityHasherUpgradesOldDigests(t *testing.T) {
	t.Parallel()
	h := hasher(t, "0123456789abcdef-one", cheap)
	f := agent.IdentityFacts{Salt: "s_1", DOB: legacyDigest("s_1", agent.IdentityDOB, "1985-04-12"),
		Postcode: legacyDigest("s_1", agent.IdentityPostcode, "60601")}
	if ok, up := h.Check(&f, agent.IdentityDOB, "1985-04-11"); ok || up {
		t.Fatalf("wrong value against an old digest: %v, %v", ok, up)
	}
	if ok, up := h.Check(&f, agent.IdentityDOB, "1985-04-12"); !ok || !up {
		t.Fatalf("right value against an old digest: %v, %v; want true, true", ok, up)
	}
	if !strings.HasPrefix(f.DOB, "argon2id$") || strings.HasPrefix(f.Postcode, "argon2id$") {
		t.Fatalf("upgrade rewrote the wrong digests: %+v", f)
	}
	if ok, up := h.Check(&f, agent.IdentityDOB, "1985-04-12"); !ok || up {
		t.Errorf("upgraded digest: %v, %v; want true, false", ok, up)
	}
	// Raised costs rewrite a digest made with the old ones.
	raised := hasher(t, "0123456789abcdef-one", agent.IdentityParams{Time: 2, MemoryKiB: 128, Threads: 1})
	if ok, up := raised.Check(&f, agent.IdentityDOB, "1985-04-12"); !ok || !up {
		t.Fatalf("raised costs: %v, %v; want true, true", ok, up)
	}
	if !strings.HasPrefix(f.DOB, "argon2id$v=19$m=128,t=2,p=1$") {
		t.Errorf("digest after raising costs: %q", f.DOB)
	}
}

func TestParseIdentityParams(t *testing.T) {
	t.Parallel()
	p, err := agent.ParseIdentityParams("m=65536,t=3")
	if err != nil || p != (agent.IdentityParams{Time: 3, MemoryKiB: 65536, Threads: 1}) {
		t.Errorf("ParseIdentityParams = %+v, %v", p, err)
	}
	for _, bad := range []string{"m=0", "x=1", "m=4,p=1", "t", "p=300"} {
		if _, err := agent.ParseIdentityParams(bad); err == nil {
			t.Errorf("ParseIdentityParams(%q) accepted", bad)
		}
	}
}

func TestTurnStoresUpgradedIdentity(t *testing.T) {
	t.Parallel()
	acct := usAccount()
	acct.Borrower.Identity = agent.IdentityFacts{Salt: "s_1",
		DOB:      legacyDigest("s_1", agent.IdentityDOB, "1985-04-12"),
		Postcode: legacyDigest("s_1", agent.IdentityPostcode, "60601")}
	b := setup(t, acct, agent.ChannelChat)
	res := b.turn("dob 1985-04-12 zip 60601", identity("1985-04-12", "60601"))
	wantEvents(t, res, agent.EventIdentityVerified)
	got, err := b.store.Account(b.ctx, acct.ID)
	if err != nil {
		t.Fatal(err)
	}
	id := got.Borrower.Identity
	if !strings.HasPrefix(id.DOB, "argon2id$") || !strings.HasPrefix(id.Postcode, "argon2id$") {
		t.Fatalf("old digests not upgraded after a successful check: %+v", id)
	}
	if !id.Check(agent.IdentityDOB, "1985-04-12") || !id.Check(agent.IdentityPostcode, "60601") {
		t.Error("upgraded digests no longer match")
	}
}

// TestIdentityDigestsResistBruteForceWithoutKey stores a portfolio with
// digests under a key, reads the database file back as an attacker would
// (salts and digests), and tries every birth date from 1930 to 2008 and
// every five-digit ZIP code against it as the unkeyed digests were built,
// and the year of the real birth dates as the keyed digests
// are built but with guessed keys. Nothing may match. The same window
// searched with the key finds every fact, so the search covers them.
func TestIdentityDigestsResistBruteForceWithoutKey(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	const key = "the-server-side-identity-key"
	h := hasher(t, key, cheap)
	path := filepath.Join(t.TempDir(), "parley.db")
	st, err := sqlite.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	facts := [][2]string{{"1985-04-12", "60601"}, {"1985-09-03", "02108"}, {"1985-12-30", "98101"}}
	for i, f := range facts {
		a := usAccount()
		a.ID = "B-" + string(rune('1'+i))
		a.Borrower.Phones = []string{"+1555555010" + string(rune('1'+i))}
		a.Borrower.Identity = h.Facts(agent.NewID("s_"), f[0], f[1], "")
		if err := st.PutAccount(ctx, a); err != nil {
			t.Fatal(err)
		}
	}
	stolen, err := st.Accounts(ctx, "", 0)
	st.Close()
	if err != nil || len(stolen) != len(facts) {
		t.Fatalf("reading the accounts back: %d, %v", len(stolen), err)
	}

	var dates []string
	for d := time.Date(1930, 1, 1, 0, 0, 0, 0, time.UTC); d.Year() < 2009; d = d.AddDate(0, 0, 1) {
		dates = append(dates, d.Format("2006-01-02"))
	}
	var window []string // 1985
	for _, d := range dates {
		if strings.HasPrefix(d, "1985-") {
			window = append(window, d)
		}
	}
	guessedKeys := [][]byte{nil, make([]byte, 32)}
	for _, a := range stolen {
		id := a.Borrower.Identity
		// The unkeyed SHA-256 formula over the whole space: cheap, so all of it.
		for _, d := range dates {
			if legacyDigest(id.Salt, agent.IdentityDOB, d) == id.DOB {
				t.Errorf("%s: date of birth %s recovered without the key", a.ID, d)
			}
		}
		for z := 0; z < 100000; z++ {
			zip := zipCode(z)
			if legacyDigest(id.Salt, agent.IdentityPostcode, zip) == id.Postcode {
				t.Errorf("%s: ZIP %s recovered without the key", a.ID, zip)
			}
		}
		// The keyed formula with guessed keys: each guess costs an argon2id
		// run, so a window of dates and ZIP codes around the real ones.
		for _, k := range guessedKeys {
			for _, d := range window {
				if attackerDigest(k, id.Salt, agent.IdentityDOB, d) == id.DOB {
					t.Errorf("%s: date of birth %s recovered with guessed key %q", a.ID, d, k)
				}
			}
		}
	}
	// With the key, the same window gives the facts up.
	found := 0
	for _, a := range stolen {
		id := a.Borrower.Identity
		for _, d := range window {
			if ok, _ := h.Check(&id, agent.IdentityDOB, d); ok {
				found++
				break
			}
		}
	}
	if found != len(facts) {
		t.Errorf("with the key the search found %d of %d dates of birth: it does not cover them", found, len(facts))
	}
}

func zipCode(z int) string {
	s := "0000" + itoa(z)
	return s[len(s)-5:]
}

func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	var b []byte
	for ; n > 0; n /= 10 {
		b = append([]byte{byte('0' + n%10)}, b...)
	}
	return string(b)
}

// attackerDigest recomputes a keyed digest as the attacker would, from the
// published format and the costs written in the stored digest.
func attackerDigest(key []byte, salt string, k agent.IdentityKind, v string) string {
	mac := hmac.New(sha256.New, key)
	mac.Write([]byte(string(k) + "\x00" + v))
	sum := argon2.IDKey(mac.Sum(nil), []byte("parley-identity\x00"+salt), cheap.Time, cheap.MemoryKiB, cheap.Threads, 32)
	return "argon2id$v=19$m=64,t=1,p=1$" + base64.RawStdEncoding.EncodeToString(sum)
}

func TestSeedDemoKeyedRedigestsUnderANewKey(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	st, err := sqlite.Open(ctx, ":memory:")
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	first, second := hasher(t, "first-demo-key-0123456789", cheap), hasher(t, "second-demo-key-0123456789", cheap)
	if n, err := agent.SeedDemoKeyed(ctx, st, testNow, first); err != nil || n == 0 {
		t.Fatalf("SeedDemoKeyed(first) = %d, %v", n, err)
	}
	if n, err := agent.SeedDemoKeyed(ctx, st, testNow, second); err != nil || n != 0 {
		t.Fatalf("SeedDemoKeyed(second) = %d, %v; want 0 added", n, err)
	}
	a, err := st.Account(ctx, "DEMO-US-1")
	if err != nil {
		t.Fatal(err)
	}
	id := a.Borrower.Identity
	if ok, _ := second.Check(&id, agent.IdentityDOB, agent.DemoIdentity["DEMO-US-1"].DOB); !ok {
		t.Error("demo facts do not verify under the new key")
	}
	if ok, _ := first.Check(&id, agent.IdentityDOB, agent.DemoIdentity["DEMO-US-1"].DOB); ok {
		t.Error("demo facts still verify under the old key")
	}
}

// TestFixtureDigestsAtLowestCosts: the digests of tests, fixtures and eval
// accounts (NewIdentityFacts, never a real borrower's) are made at the
// lowest costs argon2id allows, since an eval checks two of them in every
// case it verifies.
func TestFixtureDigestsAtLowestCosts(t *testing.T) {
	t.Parallel()
	f := agent.NewIdentityFacts("A-1", "1985-04-12", "60601", "")
	for _, d := range []string{f.DOB, f.Postcode} {
		if !strings.HasPrefix(d, "argon2id$v=19$m=8,t=1,p=1$") {
			t.Errorf("fixture digest %q, want the lowest costs m=8,t=1,p=1", d)
		}
	}
	if !f.Check(agent.IdentityPostcode, "60601") || f.Check(agent.IdentityPostcode, "60602") {
		t.Error("the fixture digest does not check the postcode")
	}
}
