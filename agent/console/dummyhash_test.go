package console

import (
	"testing"

	"golang.org/x/crypto/bcrypt"
)

// TestDummyHashCostsAsAPassword keeps what the unknown-name comparison is
// for: the dummy hash costs what a stored password costs, so a wrong name
// takes as long as a wrong password, and it matches no password.
func TestDummyHashCostsAsAPassword(t *testing.T) {
	t.Parallel()
	cost, err := bcrypt.Cost(dummyHash())
	if err != nil || cost != bcrypt.DefaultCost {
		t.Fatalf("dummy hash cost %d, %v; want %d", cost, err, bcrypt.DefaultCost)
	}
	if bcrypt.CompareHashAndPassword(dummyHash(), []byte("")) == nil {
		t.Error("the dummy hash matches the empty password")
	}
}
