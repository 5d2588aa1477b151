package rowcodec

import (
	"encoding/json"
	"fmt"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/parley-collections/parley/agent"
)

func accountJSON(t *testing.T, a agent.Account) []byte {
	t.Helper()
	b, err := json.Marshal(a)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// Decoded twice, an account comes back equal and shares nothing a caller
// could change under another; a changed account decodes as changed.
func TestDecodeAccount(t *testing.T) {
	a := agent.Account{ID: "A-memo", Creditor: "First Bank", Balance: agent.MustMoney("10.00", "USD"),
		DueDate:  time.Date(2026, 1, 15, 0, 0, 0, 0, time.UTC),
		Borrower: agent.Borrower{Name: "Maria", Phones: []string{"+15551230001", "+15551230002"}}}
	data := accountJSON(t, a)
	first, err := DecodeAccount(data)
	if err != nil {
		t.Fatal(err)
	}
	first.Borrower.Phones[0] = "+19999999999"
	second, err := DecodeAccount(data)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(second, a) {
		t.Errorf("second decode:\n got %+v\nwant %+v", second, a)
	}
	a.Balance = agent.MustMoney("5.00", "USD")
	changed, err := DecodeAccount(accountJSON(t, a))
	if err != nil {
		t.Fatal(err)
	}
	if changed.Balance != a.Balance {
		t.Errorf("changed account decoded with balance %v, want %v", changed.Balance, a.Balance)
	}
	if _, err := DecodeAccount([]byte(`{"id": 7}`)); err == nil || !strings.Contains(err.Error(), "decode account") {
		t.Errorf("bad JSON: err %v", err)
	}
}

// The memo starts again when full, and keeps decoding right.
func TestDecodeAccountMemoIsBounded(t *testing.T) {
	for i := range accountMemoSize + 10 {
		id := fmt.Sprintf("A-%d", i)
		got, err := DecodeAccount(accountJSON(t, agent.Account{ID: id}))
		if err != nil {
			t.Fatal(err)
		}
		if got.ID != id {
			t.Fatalf("decoded %s as %s", id, got.ID)
		}
	}
	accountMemo.Lock()
	n := len(accountMemo.m)
	accountMemo.Unlock()
	if n > accountMemoSize {
		t.Errorf("memo holds %d accounts, bound %d", n, accountMemoSize)
	}
}

// cloneAccount copies Borrower.Phones only: any other field of a reference
// kind would be shared between the memo and every caller, and must be
// copied there too.
func TestCloneAccountSharesNothing(t *testing.T) {
	var walk func(typ reflect.Type, path string)
	walk = func(typ reflect.Type, path string) {
		if typ == reflect.TypeFor[time.Time]() {
			return // a value; its location is shared and never changed
		}
		switch typ.Kind() {
		case reflect.Struct:
			for i := range typ.NumField() {
				f := typ.Field(i)
				walk(f.Type, path+"."+f.Name)
			}
		case reflect.Slice:
			if path != "Account.Borrower.Phones" || typ.Elem().Kind() != reflect.String {
				t.Errorf("%s is a %s: cloneAccount must copy it", path, typ)
			}
		case reflect.Array:
			walk(typ.Elem(), path+"[]")
		case reflect.Map, reflect.Pointer, reflect.Interface, reflect.Chan, reflect.Func, reflect.UnsafePointer:
			t.Errorf("%s is a %s: cloneAccount must copy it", path, typ)
		}
	}
	walk(reflect.TypeFor[agent.Account](), "Account")
}
