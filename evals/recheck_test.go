package evals

import (
	"reflect"
	"slices"
	"testing"
	"time"

	"github.com/parley-collections/parley/policies"
)

// TestRecheckKeyIsTheWholeInput: the key a run remembers a re-check's
// verdict by changes with every field of the proposal but its id (which
// the guard only copies into its decision) and with every field of the
// facts, so a verdict is reused only for the same input.
func TestRecheckKeyIsTheWholeInput(t *testing.T) {
	t.Parallel()
	p := policies.Proposal{ID: "m1", Text: "Your balance is $1,200.00.", Channel: "chat", InitiatedBy: "borrower", Purpose: policies.PurposeCollection}
	f := policies.Facts{Jurisdiction: "US", Timezone: "America/Chicago", HasBalance: true, Balance: 120000, Currency: "USD",
		Now: time.Date(2026, 3, 2, 21, 0, 0, 0, time.UTC), AllowedAmounts: []int64{120000}}
	base := recheckKey(p, f)
	q := p
	q.ID = "m2"
	if recheckKey(q, f) != base {
		t.Error("the proposal's id changes the key")
	}
	changed := func(v reflect.Value) {
		switch v.Kind() {
		case reflect.String:
			v.SetString(v.String() + "x")
		case reflect.Bool:
			v.SetBool(!v.Bool())
		case reflect.Int, reflect.Int64:
			v.SetInt(v.Int() + 1)
		case reflect.Slice:
			v.Set(reflect.Append(v, reflect.New(v.Type().Elem()).Elem()))
		case reflect.Pointer:
			v.Set(reflect.New(v.Type().Elem()))
		case reflect.Struct:
			if v.Type() == reflect.TypeFor[time.Time]() {
				v.Set(reflect.ValueOf(v.Interface().(time.Time).Add(time.Microsecond)))
				return
			}
			t.Fatalf("no change for %s", v.Type())
		default:
			t.Fatalf("no change for %s", v.Type())
		}
	}
	for i := range reflect.TypeFor[policies.Proposal]().NumField() {
		q := p
		fv := reflect.ValueOf(&q).Elem().Field(i)
		if reflect.TypeFor[policies.Proposal]().Field(i).Name == "ID" {
			continue
		}
		changed(fv)
		if recheckKey(q, f) == base {
			t.Errorf("proposal field %s does not change the key", reflect.TypeFor[policies.Proposal]().Field(i).Name)
		}
	}
	for i := range reflect.TypeFor[policies.Facts]().NumField() {
		g := f
		g.AllowedAmounts = slices.Clone(f.AllowedAmounts)
		changed(reflect.ValueOf(&g).Elem().Field(i))
		if recheckKey(p, g) == base {
			t.Errorf("facts field %s does not change the key", reflect.TypeFor[policies.Facts]().Field(i).Name)
		}
	}
	// And every field of a recorded restriction.
	f.Restrictions = []policies.ContactRestriction{{Kind: "time", NotBefore: 9 * 60}}
	base = recheckKey(p, f)
	for i := range reflect.TypeFor[policies.ContactRestriction]().NumField() {
		g := f
		r := f.Restrictions[0]
		g.Restrictions = []policies.ContactRestriction{r}
		fv := reflect.ValueOf(&g.Restrictions[0]).Elem().Field(i)
		if fv.Kind() == reflect.Slice {
			fv.Set(reflect.Append(fv, reflect.New(fv.Type().Elem()).Elem().Convert(fv.Type().Elem())))
			if fv.Index(0).Kind() == reflect.String {
				fv.Index(0).SetString("sms")
			} else {
				fv.Index(0).SetInt(2)
			}
		} else {
			changed(fv)
		}
		if recheckKey(p, g) == base {
			t.Errorf("restriction field %s does not change the key", reflect.TypeFor[policies.ContactRestriction]().Field(i).Name)
		}
	}
	// A time of the same instant in another zone is another input.
	g := f
	g.Now = f.Now.In(time.FixedZone("X", 0))
	if recheckKey(p, g) == recheckKey(p, f) {
		t.Error("the zone of the facts' time does not change the key")
	}
}

// TestRememberedRecheckIsTheGuards: a remembered verdict is the one the
// guard gives for the same input, for a message that passes and for ones
// the re-check flags, the first time and after; and a run remembers at
// most recheckMemoMax of them.
func TestRememberedRecheckIsTheGuards(t *testing.T) {
	t.Parallel()
	g := policies.Default()
	m := newRecheckMemo()
	f := policies.Facts{Jurisdiction: "US", Timezone: "America/Chicago", HasBalance: true, Balance: 120000, Currency: "USD",
		Now: time.Date(2026, 3, 2, 21, 0, 0, 0, time.UTC), RecipientVerified: true}
	texts := []string{
		"Your balance is $1,200.00.",
		"Pay now or we will have you arrested.",
		"Your balance is $1,500.00.",
		"Your neighbour Tom Smith also owes us.",
	}
	flagged := 0
	for round := 0; round < 2; round++ {
		for _, text := range texts {
			p := policies.Proposal{ID: "m", Text: text, Channel: "chat", InitiatedBy: "borrower", Purpose: policies.PurposeCollection}
			want := relevant(g.Check(p, f).Violations)
			got := m.check(g, p, f)
			if !reflect.DeepEqual(got, want) {
				t.Errorf("round %d: %q: remembered %v, guard %v", round, text, got, want)
			}
			if round == 0 && len(want) > 0 {
				flagged++
			}
		}
	}
	if flagged < 2 {
		t.Errorf("%d of the messages flagged, want at least 2 (the test needs verdicts with violations)", flagged)
	}
	for i := range recheckMemoMax + 10 {
		p := policies.Proposal{Text: "Your balance is $1,200.00.", Channel: "chat", InitiatedBy: "borrower"}
		f := f
		f.Now = f.Now.Add(time.Duration(i) * time.Second)
		m.check(g, p, f)
	}
	if n := len(m.m); n > recheckMemoMax {
		t.Errorf("the run remembers %d re-checks, want at most %d", n, recheckMemoMax)
	}
}
