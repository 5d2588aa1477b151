package agent

import (
	"fmt"
	"testing"
)

// TestFixtureHasherAgreesWithUnkeyed: the fixture hasher an eval run
// checks identity with gives every digest and every check the unkeyed
// hasher of NewIdentityFacts gives, the first time and when it answers
// from what it remembers, upgrades included; and it remembers at most
// fixtureMemoMax sums, so a long run's memory stays flat.
func TestFixtureHasherAgreesWithUnkeyed(t *testing.T) {
	t.Parallel()
	h := NewFixtureIdentityHasher()
	want := NewIdentityFacts("A-1", "1985-04-12", "60601", "1234")
	for round := 0; round < 2; round++ {
		if got := h.Facts("A-1", "1985-04-12", "60601", "1234"); got != want {
			t.Fatalf("round %d: digests %+v, want %+v", round, got, want)
		}
		for _, c := range []struct {
			k IdentityKind
			v string
		}{
			{IdentityDOB, "1985-04-12"}, {IdentityDOB, "1985-04-13"},
			{IdentityPostcode, "60601"}, {IdentityPostcode, " 60601 "}, {IdentityPostcode, "60602"},
			{IdentityIDLast4, "1234"}, {IdentityIDLast4, "4321"},
		} {
			f1, f2 := want, want
			ok1, up1 := unkeyed.Check(&f1, c.k, c.v)
			ok2, up2 := h.Check(&f2, c.k, c.v)
			if ok1 != ok2 || up1 != up2 || f1 != f2 {
				t.Errorf("round %d: %s %q: fixture hasher %v %v %+v, unkeyed %v %v %+v", round, c.k, c.v, ok2, up2, f2, ok1, up1, f1)
			}
		}
		// A digest made at other costs is rewritten at the hasher's own.
		other := &IdentityHasher{params: IdentityParams{Time: 1, MemoryKiB: 16, Threads: 1}}
		old := other.Facts("A-2", "1990-01-02", "", "")
		f1, f2 := old, old
		ok1, up1 := unkeyed.Check(&f1, IdentityDOB, "1990-01-02")
		ok2, up2 := h.Check(&f2, IdentityDOB, "1990-01-02")
		if !ok1 || !up1 || ok1 != ok2 || up1 != up2 || f1 != f2 {
			t.Errorf("round %d: upgrade: fixture hasher %v %v %+v, unkeyed %v %v %+v", round, ok2, up2, f2, ok1, up1, f1)
		}
	}
	for i := range fixtureMemoMax + 10 {
		h.Facts(fmt.Sprintf("A-%d", i), "1985-04-12", "", "")
	}
	if n := h.memo.len(); n > fixtureMemoMax {
		t.Errorf("the fixture hasher remembers %d sums, want at most %d", n, fixtureMemoMax)
	}
	if unkeyed.memo != nil {
		t.Error("the unkeyed hasher (used when no hasher is configured) remembers sums")
	}
}
