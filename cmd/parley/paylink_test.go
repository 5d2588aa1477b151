package main

import (
	"encoding/json"
	"log/slog"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/parley-collections/parley/agent"
)

// GET /pay/links/{token} tells the payment page whether a link still pays:
// its plan in force pays, a superseded plan's link is void, a forged or
// unknown token is invalid.
func TestPayLinkResolvesOnlyThePlanInForce(t *testing.T) {
	t.Parallel()
	a, st, base := startApp(t, map[string]string{}, true, slog.New(slog.DiscardHandler), nil)
	ctx := t.Context()
	p := agent.Plan{ID: "plan_pay_1", AccountID: "DEMO-US-1", Kind: agent.PlanFull, Status: agent.PlanAccepted,
		Total: agent.MustMoney("1200.00", "USD"), CreatedAt: time.Now(),
		Installments: []agent.Installment{{Due: time.Now().Add(48 * time.Hour), Amount: agent.MustMoney("1200.00", "USD")}}}
	if err := st.PutPlan(ctx, p); err != nil {
		t.Fatal(err)
	}
	link, err := a.linker().Link(p, time.Now().Add(72*time.Hour))
	if err != nil {
		t.Fatal(err)
	}
	token := link[strings.LastIndex(link, "/")+1:]
	get := func(tok string) (int, payLinkAnswer) {
		t.Helper()
		res, err := http.Get(base + "/pay/links/" + tok)
		if err != nil {
			t.Fatal(err)
		}
		defer res.Body.Close()
		var ans payLinkAnswer
		if err := json.NewDecoder(res.Body).Decode(&ans); err != nil {
			t.Fatal(err)
		}
		return res.StatusCode, ans
	}
	if code, ans := get(token); code != http.StatusOK || ans.Status != "payable" || ans.PlanID != p.ID || ans.Amount == nil || ans.Amount.String() != "$1,200.00" {
		t.Fatalf("plan in force: %d %+v", code, ans)
	}
	p.Status = agent.PlanSuperseded
	if err := st.PutPlan(ctx, p); err != nil {
		t.Fatal(err)
	}
	if code, ans := get(token); code != http.StatusGone || ans.Status != "void" {
		t.Errorf("superseded plan: %d %+v", code, ans)
	}
	if code, ans := get(token[:len(token)-2] + "xx"); code != http.StatusNotFound || ans.Status != "invalid" {
		t.Errorf("tampered token: %d %+v", code, ans)
	}
}
