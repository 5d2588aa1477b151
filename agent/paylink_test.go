package agent

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

var linkNow = time.Date(2026, 3, 2, 15, 0, 0, 0, time.UTC)

func testLinker() PaymentLinker {
	return PaymentLinker{URLTemplate: "https://pay.example.com/p/{token}", Secret: []byte("0123456789abcdef0123456789abcdef")}
}

func testPlan() Plan {
	return Plan{
		ID:        "plan_1",
		AccountID: "A-100",
		Kind:      PlanInstallment,
		Frequency: Monthly,
		Total:     MustMoney("1200.00", "USD"),
		Installments: []Installment{
			{Due: linkNow, Amount: MustMoney("150.00", "USD")},
			{Due: linkNow.AddDate(0, 1, 0), Amount: MustMoney("1050.00", "USD")},
		},
	}
}

// tokenOf makes a link and returns its token.
func tokenOf(t *testing.T, l PaymentLinker, p Plan, expires time.Time) string {
	t.Helper()
	link, err := l.Link(p, expires)
	if err != nil {
		t.Fatal(err)
	}
	token, ok := strings.CutPrefix(link, "https://pay.example.com/p/")
	if !ok {
		t.Fatalf("link %q does not follow the template", link)
	}
	return token
}

func TestPaymentLinkRoundTrip(t *testing.T) {
	t.Parallel()
	l := testLinker()
	expires := linkNow.Add(72*time.Hour + 500*time.Millisecond)
	p := testPlan()
	p.ID = NewID("plan_") // as long as the ids the flows give accepted plans
	token := tokenOf(t, l, p, expires)
	// A link goes out by SMS: keep the token within about one segment.
	if len(token) > 170 {
		t.Errorf("token of %d characters is too long for an SMS: %s", len(token), token)
	}
	got, err := l.Verify(token, linkNow)
	if err != nil {
		t.Fatal(err)
	}
	want := PaymentClaims{
		PlanID:    p.ID,
		AccountID: "A-100",
		Amount:    MustMoney("150.00", "USD"),
		Expires:   expires.Truncate(time.Second),
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("claims (-want +got):\n%s", diff)
	}
}

func TestPaymentLinkExpiry(t *testing.T) {
	t.Parallel()
	l := testLinker()
	expires := linkNow.Add(time.Hour)
	token := tokenOf(t, l, testPlan(), expires)
	tests := []struct {
		name string
		now  time.Time
		want error
	}{
		{"a second before", expires.Add(-time.Second), nil},
		{"at expiry", expires, ErrLinkExpired},
		{"a day later", expires.Add(24 * time.Hour), ErrLinkExpired},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			if _, err := l.Verify(token, tt.now); !errors.Is(err, tt.want) {
				t.Errorf("Verify at %s: %v, want %v", tt.now, err, tt.want)
			}
		})
	}
}

func TestPaymentLinkTampering(t *testing.T) {
	t.Parallel()
	l := testLinker()
	token := tokenOf(t, l, testPlan(), linkNow.Add(time.Hour))
	other := testPlan()
	other.Installments[0].Amount = MustMoney("1.00", "USD")
	otherToken := tokenOf(t, l, other, linkNow.Add(time.Hour))
	body, sig, _ := strings.Cut(token, ".")
	otherBody, _, _ := strings.Cut(otherToken, ".")
	tests := map[string]string{
		"empty":                       "",
		"no signature":                body,
		"empty signature":             body + ".",
		"another payload":             otherBody + "." + sig,
		"signed by another secret":    tokenOf(t, PaymentLinker{URLTemplate: l.URLTemplate, Secret: []byte("another secret")}, testPlan(), linkNow.Add(time.Hour)),
		"signature not base64":        body + ".!!!",
		"an extra part":               token + ".x",
		"payload signed but not JSON": "bm90IGpzb24." + b64.EncodeToString(l.sign("bm90IGpzb24")),
	}
	// Every single changed character must be caught.
	for i := range token {
		if token[i] == '.' {
			continue
		}
		c := byte('A')
		if token[i] == 'A' {
			c = 'B'
		}
		tests[fmt.Sprintf("character %d changed", i)] = token[:i] + string(c) + token[i+1:]
	}
	for name, tampered := range tests {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			if _, err := l.Verify(tampered, linkNow); !errors.Is(err, ErrLinkInvalid) {
				t.Errorf("Verify(%q): %v, want ErrLinkInvalid", tampered, err)
			}
		})
	}
}

func TestPaymentLinkConfiguration(t *testing.T) {
	t.Parallel()
	good := testLinker()
	token := tokenOf(t, good, testPlan(), linkNow.Add(time.Hour))
	noPlanID := testPlan()
	noPlanID.ID = ""
	noInstallments := testPlan()
	noInstallments.Installments = nil
	tests := []struct {
		name   string
		linker PaymentLinker
		plan   Plan
		link   error // from Link; nil means any error
		verify error // from Verify of a good token; nil means success
	}{
		{"template without {token}", PaymentLinker{URLTemplate: "https://pay.example.com/p/", Secret: good.Secret}, testPlan(), ErrLinkConfig, nil},
		{"empty secret", PaymentLinker{URLTemplate: good.URLTemplate}, testPlan(), ErrLinkConfig, ErrLinkConfig},
		{"plan without an id", good, noPlanID, nil, nil},
		{"plan without installments", good, noInstallments, nil, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			link, err := tt.linker.Link(tt.plan, linkNow.Add(time.Hour))
			if err == nil || (tt.link != nil && !errors.Is(err, tt.link)) {
				t.Errorf("Link = %q, %v; want error %v", link, err, tt.link)
			}
			if _, err := tt.linker.Verify(token, linkNow); !errors.Is(err, tt.verify) {
				t.Errorf("Verify: %v, want %v", err, tt.verify)
			}
		})
	}
}

// FuzzPaymentLinkVerify checks that no input makes Verify panic, and that
// whatever it accepts is exactly a token Link made.
func FuzzPaymentLinkVerify(f *testing.F) {
	l := testLinker()
	link, err := l.Link(testPlan(), linkNow.Add(time.Hour))
	if err != nil {
		f.Fatal(err)
	}
	token := strings.TrimPrefix(link, "https://pay.example.com/p/")
	f.Add(token)
	f.Add("")
	f.Add(".")
	f.Add("e30." + b64.EncodeToString(l.sign("e30")))
	f.Fuzz(func(t *testing.T, s string) {
		c, err := l.Verify(s, linkNow)
		if err != nil {
			return
		}
		p := Plan{ID: c.PlanID, AccountID: c.AccountID, Installments: []Installment{{Amount: c.Amount}}}
		again, err := l.Link(p, c.Expires)
		if err != nil || strings.TrimPrefix(again, "https://pay.example.com/p/") != s {
			t.Errorf("Verify accepted %q, which Link does not make (%q, %v)", s, again, err)
		}
	})
}

// plansOf is a store of plans for Resolve.
type plansOf []Plan

func (p plansOf) Plans(_ context.Context, accountID string) ([]Plan, error) {
	var out []Plan
	for _, x := range p {
		if x.AccountID == accountID {
			out = append(out, x)
		}
	}
	return out, nil
}

// A link resolves only while its plan is the account's live plan: a plan
// superseded or cancelled voids its link.
func TestPaymentLinkVoidedWithItsPlan(t *testing.T) {
	t.Parallel()
	l := testLinker()
	p := testPlan()
	p.Status = PlanAccepted
	link, err := l.Link(p, linkNow.Add(72*time.Hour))
	if err != nil {
		t.Fatal(err)
	}
	token := link[strings.LastIndex(link, "/")+1:]
	if c, err := l.Resolve(context.Background(), plansOf{p}, token, linkNow); err != nil || c.PlanID != p.ID {
		t.Fatalf("live plan: %+v, %v", c, err)
	}
	for _, st := range []PlanStatus{PlanSuperseded, PlanCancelled} {
		q := p
		q.Status = st
		if _, err := l.Resolve(context.Background(), plansOf{q}, token, linkNow); !errors.Is(err, ErrLinkVoid) {
			t.Errorf("plan %s: err %v, want ErrLinkVoid", st, err)
		}
	}
	if _, err := l.Resolve(context.Background(), plansOf{}, token, linkNow); !errors.Is(err, ErrLinkInvalid) {
		t.Errorf("no such plan: err %v, want ErrLinkInvalid", err)
	}
	if _, err := l.Resolve(context.Background(), plansOf{p}, token, linkNow.Add(73*time.Hour)); !errors.Is(err, ErrLinkExpired) {
		t.Errorf("expired: err %v, want ErrLinkExpired", err)
	}
}
