package main

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"

	goopenai "github.com/sashabaranov/go-openai"

	"github.com/parley-collections/parley/evals"
)

const personaSuite = `name: persona-basics
jurisdiction: US
channel: chat
now: 2026-03-02T15:00:00-06:00
account:
  id: A-100
  creditor: First Bank
  balance: "1200.00"
  currency: USD
  borrower: {name: Maria Lopez, phone: "+15551230001", timezone: America/Chicago, locale: en,
             dob: "1985-04-12", zip: "60601"}
  policy: {max_installments: 12, min_installment: "50.00", settlement_floor: "0.70",
           first_payment_within_days: 14}
cases:
  - name: a nurse who can afford 150 a month
    simulate: {affordable_monthly: "150.00", persona: "a nurse who lost shifts; polite and worried", max_turns: 10}
    outcome: {events: [identity_verified, plan_accepted], plan: {max_installment: "150.00"}}
`

// fakeModel answers the LLM brain with no tool call (so the rules brain
// understands), rewords drafts by returning them as they are, and plays
// the persona from the agent's last message, recording every line it
// wrote and the seeds it was given.
type fakeModel struct {
	mu    sync.Mutex
	lines []string
	seeds map[int]bool
}

var optionLine = regexp.MustCompile(`Option (\d+): (\d+) monthly payments of \$([0-9.,]+)`)

func (f *fakeModel) persona(req goopenai.ChatCompletionRequest) string {
	if !strings.Contains(req.Messages[0].Content, "Date of birth: 1985-04-12.") {
		return "the persona prompt lacks the borrower's facts"
	}
	last := req.Messages[len(req.Messages)-1].Content
	switch {
	case strings.HasPrefix(last, "(The conversation has not started"):
		return "hi, who is this?"
	case strings.Contains(last, "date of birth"):
		return "my date of birth is 1985-04-12 and my zip is 60601"
	case strings.Contains(last, "Option "):
		for _, m := range optionLine.FindAllStringSubmatch(last, -1) {
			if amt := strings.ReplaceAll(m[3], ",", ""); len(amt) <= len("150.00") && amt <= "150.00" {
				return "I'll take option " + m[1] + "."
			}
		}
		return "I can only afford 150.00 a month."
	}
	return "What are my options? I can pay about 150.00 a month."
}

func (f *fakeModel) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	var req goopenai.ChatCompletionRequest
	if err := json.NewDecoder(r.Body).Decode(&req); err != nil || len(req.Messages) < 2 {
		http.Error(w, "bad body", http.StatusBadRequest)
		return
	}
	var text string
	switch sys := req.Messages[0].Content; {
	case len(req.Tools) > 0:
		text = "no tool for this"
	case strings.HasPrefix(sys, "You are playing a borrower"):
		text = f.persona(req)
		f.mu.Lock()
		f.lines = append(f.lines, text)
		if req.Seed != nil {
			f.seeds[*req.Seed] = true
		}
		f.mu.Unlock()
	default:
		text, _ = strings.CutPrefix(req.Messages[len(req.Messages)-1].Content, "Draft reply:\n")
	}
	b, _ := json.Marshal(text)
	w.Header().Set("Content-Type", "application/json")
	fmt.Fprintf(w, `{"id":"c1","object":"chat.completion","created":1,"model":"fake-model","choices":[{"index":0,`+
		`"message":{"role":"assistant","content":%s},"finish_reason":"stop"}]}`, b)
}

func TestEvalRunPersonaPlaysTheBorrower(t *testing.T) {
	t.Parallel()
	fake := &fakeModel{seeds: map[int]bool{}}
	srv := httptest.NewServer(fake)
	t.Cleanup(srv.Close)
	dir := t.TempDir()
	suite, report := filepath.Join(dir, "persona.yaml"), filepath.Join(dir, "report.json")
	if err := os.WriteFile(suite, []byte(personaSuite), 0o644); err != nil {
		t.Fatal(err)
	}
	getenv := env("PARLEY_LLM_BASE_URL", srv.URL+"/v1", "PARLEY_LLM_MODEL", "fake-model")
	code, _, errOut := runParley(t, getenv, "", "eval", "run", suite, "--brain", "llm", "--repeat", "3", "--jobs", "1",
		"--report", "json", "--out", report)
	if code != 0 {
		t.Fatalf("eval run = %d\n%s", code, errOut)
	}
	for _, want := range []string{"3/3 cases passed (100.0%) with the fake-model brain", "pass rate by case over 3 runs:",
		"100.0% persona-basics / a nurse who can afford 150 a month: passed 3 of 3, seeds "} {
		if !strings.Contains(errOut, want) {
			t.Errorf("summary lacks %q:\n%s", want, errOut)
		}
	}
	b, err := os.ReadFile(report)
	if err != nil {
		t.Fatal(err)
	}
	var rep evals.Report
	if err := json.Unmarshal(b, &rep); err != nil {
		t.Fatal(err)
	}
	if len(rep.Results) != 3 || len(rep.Cases) != 1 || len(rep.Cases[0].Seeds) != 3 || rep.Cases[0].PassRate != 1 {
		t.Fatalf("report: %d results, cases %+v", len(rep.Results), rep.Cases)
	}
	// Every borrower turn is a line the model wrote, in order.
	var said []string
	for _, res := range rep.Results {
		for _, e := range res.Transcript {
			if e.Author == "borrower" {
				said = append(said, e.Text)
			}
		}
		if !res.Resolved {
			t.Errorf("run %d did not resolve", res.Run)
		}
	}
	fake.mu.Lock()
	defer fake.mu.Unlock()
	if strings.Join(said, "\n") != strings.Join(fake.lines, "\n") || len(said) < 3*4 {
		t.Errorf("borrower turns:\n%s\nmodel lines:\n%s", strings.Join(said, "\n"), strings.Join(fake.lines, "\n"))
	}
	for _, s := range rep.Cases[0].Seeds {
		if !fake.seeds[int(uint32(s))] {
			t.Errorf("seed %d never reached the model (%v)", s, fake.seeds)
		}
	}
}
