package agent

import (
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"sync"

	"golang.org/x/crypto/argon2"
)

// Identity facts (a date of birth, a postcode, four digits) come from tiny
// spaces: a plain or salted hash of one is reversed by trying every value.
// So a fact is first keyed with HMAC-SHA256 under a server-side key that
// is never stored with the data (PARLEY_IDENTITY_KEY), then stretched with
// argon2id under the account's salt. A copy of the database without the
// key gives nothing to try values against; with the key, every guess still
// costs one argon2id run. The argon2id costs are written into each digest,
// so they can be raised: a digest made with other costs, or an old
// unkeyed SHA-256 digest, is rewritten on the next successful check.

// IdentityParams are argon2id's costs.
type IdentityParams struct {
	Time      uint32 // passes over memory
	MemoryKiB uint32
	Threads   uint8
}

// DefaultIdentityParams are the costs parley serve uses unless configured:
// OWASP's argon2id minimum (19 MiB, two passes, one thread).
var DefaultIdentityParams = IdentityParams{Time: 2, MemoryKiB: 19 * 1024, Threads: 1}

// testIdentityParams are the costs of the unkeyed hasher a process starts
// with, for tests, fixtures and evals that never see real borrowers: the
// lowest argon2id allows (8 KiB a thread, one pass), a third of the time
// of 64 KiB, and an eval checks two digests in every case it verifies.
var testIdentityParams = IdentityParams{Time: 1, MemoryKiB: 8, Threads: 1}

func (p IdentityParams) String() string {
	return fmt.Sprintf("m=%d,t=%d,p=%d", p.MemoryKiB, p.Time, p.Threads)
}

// ParseIdentityParams reads "m=KiB,t=passes,p=threads"; missing parts
// keep DefaultIdentityParams.
func ParseIdentityParams(s string) (IdentityParams, error) {
	p := DefaultIdentityParams
	if strings.TrimSpace(s) == "" {
		return p, nil
	}
	for _, part := range strings.Split(s, ",") {
		k, v, ok := strings.Cut(strings.TrimSpace(part), "=")
		n, err := strconv.ParseUint(v, 10, 32)
		if !ok || err != nil || n == 0 {
			return p, fmt.Errorf("identity params: %q is not name=positive number", part)
		}
		switch k {
		case "m":
			p.MemoryKiB = uint32(n)
		case "t":
			p.Time = uint32(n)
		case "p":
			if n > 255 {
				return p, fmt.Errorf("identity params: p=%d is more than 255", n)
			}
			p.Threads = uint8(n)
		default:
			return p, fmt.Errorf("identity params: unknown %q (m, t, p)", k)
		}
	}
	if p.MemoryKiB < 8*uint32(p.Threads) {
		return p, fmt.Errorf("identity params: m must be at least 8 KiB per thread")
	}
	return p, nil
}

// MinIdentityKeyLen is the shortest identity key accepted, in bytes.
const MinIdentityKeyLen = 16

// IdentityHasher digests and checks identity facts under a key.
type IdentityHasher struct {
	key    []byte
	params IdentityParams
	memo   *sumMemo // nil but for NewFixtureIdentityHasher
}

// NewIdentityHasher returns a hasher for key (at least MinIdentityKeyLen
// bytes) with costs p.
func NewIdentityHasher(key []byte, p IdentityParams) (*IdentityHasher, error) {
	if len(key) < MinIdentityKeyLen {
		return nil, fmt.Errorf("identity key: %d bytes, want at least %d", len(key), MinIdentityKeyLen)
	}
	if p.Time == 0 || p.Threads == 0 || p.MemoryKiB < 8*uint32(p.Threads) {
		return nil, errors.New("identity key: argon2id costs out of range")
	}
	return &IdentityHasher{key: append([]byte(nil), key...), params: p}, nil
}

// ParseIdentityKey reads PARLEY_IDENTITY_KEY: hex or base64 (standard or
// URL alphabet, padded or not) of at least MinIdentityKeyLen bytes.
func ParseIdentityKey(s string) ([]byte, error) {
	s = strings.TrimSpace(s)
	if b, err := hex.DecodeString(s); err == nil && len(b) >= MinIdentityKeyLen {
		return b, nil
	}
	for _, enc := range []*base64.Encoding{base64.StdEncoding, base64.RawStdEncoding, base64.URLEncoding, base64.RawURLEncoding} {
		if b, err := enc.DecodeString(s); err == nil && len(b) >= MinIdentityKeyLen {
			return b, nil
		}
	}
	return nil, fmt.Errorf("identity key: want hex or base64 of at least %d bytes", MinIdentityKeyLen)
}

// unkeyed digests without a key at test costs: what NewIdentityFacts and
// IdentityFacts.Check use, for tests and fixtures. A process serving
// borrowers passes its own hasher (Config.Identity, ParseAccountsCSVKeyed,
// SeedDemoKeyed).
var unkeyed = &IdentityHasher{params: testIdentityParams}

// NewFixtureIdentityHasher returns a hasher that digests and checks as the
// unkeyed hasher of NewIdentityFacts does (no key, test costs) and
// remembers the sums it made, at most fixtureMemoMax of them: an eval run
// checks the same suite account's facts in every case, and stretches each
// answer once instead of once a case. For evals and tests only: it keeps
// the plain facts it was given in memory, which a hasher for real
// borrowers must never do (NewIdentityHasher's remember nothing).
func NewFixtureIdentityHasher() *IdentityHasher {
	return &IdentityHasher{params: testIdentityParams, memo: &sumMemo{m: map[sumKey][]byte{}}}
}

// fixtureMemoMax bounds the sums a fixture hasher remembers; past it, new
// sums are made and not kept.
const fixtureMemoMax = 1024

// sumMemo holds a fixture hasher's sums by their inputs.
type sumMemo struct {
	mu sync.Mutex
	m  map[sumKey][]byte
}

type sumKey struct {
	salt string
	k    IdentityKind
	v    string
	p    IdentityParams
}

func (m *sumMemo) len() int {
	m.mu.Lock()
	defer m.mu.Unlock()
	return len(m.m)
}

// Facts digests plain facts under a salt; dob is YYYY-MM-DD. Empty facts
// stay empty.
func (h *IdentityHasher) Facts(salt, dob, postcode, idLast4 string) IdentityFacts {
	f := IdentityFacts{Salt: salt}
	if dob != "" {
		f.DOB = h.digest(salt, IdentityDOB, dob)
	}
	if postcode != "" {
		f.Postcode = h.digest(salt, IdentityPostcode, NormalizePostcode(postcode))
	}
	if idLast4 != "" {
		f.IDLast4 = h.digest(salt, IdentityIDLast4, idLast4)
	}
	return f
}

// Check compares a candidate value with the digest of kind k in f, in
// constant time for a digest of given costs. When the value matches a
// digest made with other costs or the old unkeyed SHA-256, it rewrites
// that digest in f with the hasher's key and costs and reports upgraded,
// so the caller can store f.
func (h *IdentityHasher) Check(f *IdentityFacts, k IdentityKind, value string) (ok, upgraded bool) {
	want := f.stored(k)
	if want == "" || value == "" {
		return false, false
	}
	if k == IdentityPostcode {
		value = NormalizePostcode(value)
	}
	if p, sum, isArgon := parseArgonDigest(want); isArgon {
		got := h.sum(f.Salt, k, value, p)
		if subtle.ConstantTimeCompare(got, sum) != 1 {
			return false, false
		}
		if p != h.params {
			f.set(k, h.digest(f.Salt, k, value))
			return true, true
		}
		return true, false
	}
	// An unkeyed SHA-256 digest from before identity keys.
	old := sha256.Sum256([]byte(f.Salt + "\x00" + string(k) + "\x00" + value))
	if subtle.ConstantTimeCompare([]byte(hex.EncodeToString(old[:])), []byte(want)) != 1 {
		return false, false
	}
	f.set(k, h.digest(f.Salt, k, value))
	return true, true
}

// digestPrefix starts every argon2id digest; the costs follow it.
const digestPrefix = "argon2id$v=19$"

// digest is "argon2id$v=19$m=M,t=T,p=P$" and the base64 of the hash.
func (h *IdentityHasher) digest(salt string, k IdentityKind, v string) string {
	return digestPrefix + h.params.String() + "$" + base64.RawStdEncoding.EncodeToString(h.sum(salt, k, v, h.params))
}

// sum is the fact keyed and stretched (stretch), remembered by a fixture
// hasher.
func (h *IdentityHasher) sum(salt string, k IdentityKind, v string, p IdentityParams) []byte {
	if h.memo == nil {
		return h.stretch(salt, k, v, p)
	}
	key := sumKey{salt, k, v, p}
	h.memo.mu.Lock()
	sum, ok := h.memo.m[key]
	h.memo.mu.Unlock()
	if ok {
		return sum
	}
	sum = h.stretch(salt, k, v, p)
	h.memo.mu.Lock()
	if len(h.memo.m) < fixtureMemoMax {
		h.memo.m[key] = sum
	}
	h.memo.mu.Unlock()
	return sum
}

// stretch keys the fact with HMAC-SHA256 and stretches it with argon2id.
// Its callers only read the sum, so a remembered one is shared.
func (h *IdentityHasher) stretch(salt string, k IdentityKind, v string, p IdentityParams) []byte {
	mac := hmac.New(sha256.New, h.key)
	mac.Write([]byte(string(k) + "\x00" + v))
	return argon2.IDKey(mac.Sum(nil), []byte("parley-identity\x00"+salt), p.Time, p.MemoryKiB, p.Threads, 32)
}

// parseArgonDigest reads a digest's costs and hash.
func parseArgonDigest(d string) (IdentityParams, []byte, bool) {
	rest, ok := strings.CutPrefix(d, digestPrefix)
	if !ok {
		return IdentityParams{}, nil, false
	}
	costs, enc, ok := strings.Cut(rest, "$")
	if !ok {
		return IdentityParams{}, nil, false
	}
	var p IdentityParams
	var threads uint32
	if n, err := fmt.Sscanf(costs, "m=%d,t=%d,p=%d", &p.MemoryKiB, &p.Time, &threads); n != 3 || err != nil ||
		p.Time == 0 || threads == 0 || threads > 255 || p.MemoryKiB < 8*threads || p.MemoryKiB > 4<<20 || p.Time > 64 {
		return IdentityParams{}, nil, false
	}
	p.Threads = uint8(threads)
	sum, err := base64.RawStdEncoding.DecodeString(enc)
	if err != nil || len(sum) != 32 {
		return IdentityParams{}, nil, false
	}
	return p, sum, true
}

// storeUpgradedIdentity stores the account's identity digests when a check
// in this turn upgraded one. A failure costs nothing but another upgrade
// on a later check, so it is logged, not returned.
func (o *Orchestrator) storeUpgradedIdentity(ctx context.Context, t *Turn) {
	if !t.identityUpgraded {
		return
	}
	t.identityUpgraded = false
	if err := o.cfg.Store.SetIdentity(ctx, t.Account.ID, t.Account.Borrower.Identity); err != nil {
		o.log.Warn("identity: storing upgraded digests failed", "account", t.Account.ID, "err", err)
	}
}

// identity is the hasher the orchestrator checks facts with.
func (o *Orchestrator) identity() *IdentityHasher {
	if o.cfg.Identity != nil {
		return o.cfg.Identity
	}
	return unkeyed
}
