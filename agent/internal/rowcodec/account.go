package rowcodec

import (
	"encoding/json"
	"fmt"
	"slices"
	"sync"

	"github.com/parley-collections/parley/agent"
)

// accountMemoSize bounds the decoded accounts DecodeAccount keeps; when it
// is full it starts again empty.
const accountMemoSize = 4096

// accountMemo holds decoded accounts by their stored JSON. A turn reads its
// account twice (finding the sender, then the turn's reads) and decoding
// the JSON was the largest cost of both reads; an account changes far less
// often than it is read. Keyed by the whole stored value, an entry can
// never be stale: a changed account is another key.
var accountMemo = struct {
	sync.Mutex
	m map[string]agent.Account
}{m: map[string]agent.Account{}}

// DecodeAccount decodes an account's JSON column as read; the caller sets
// its timestamps from their own columns.
func DecodeAccount(data []byte) (agent.Account, error) {
	accountMemo.Lock()
	a, ok := accountMemo.m[string(data)]
	accountMemo.Unlock()
	if ok {
		return cloneAccount(a), nil
	}
	if err := json.Unmarshal(data, &a); err != nil {
		return agent.Account{}, fmt.Errorf("decode account: %w", err)
	}
	kept := cloneAccount(a)
	accountMemo.Lock()
	if len(accountMemo.m) >= accountMemoSize {
		clear(accountMemo.m)
	}
	accountMemo.m[string(data)] = kept
	accountMemo.Unlock()
	return a, nil
}

// cloneAccount copies what a and its copy would otherwise share: the
// borrower's phone numbers are the account's only reference-typed field
// (TestCloneAccountSharesNothing keeps it so).
func cloneAccount(a agent.Account) agent.Account {
	a.Borrower.Phones = slices.Clone(a.Borrower.Phones)
	return a
}
