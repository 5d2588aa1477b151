package evals_test

import (
	"context"
	"fmt"
	"strings"
	"sync"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/parley-collections/parley/evals"
)

// scriptedPersona answers from what the agent said last, recording who it
// was asked to play and every line it wrote.
type scriptedPersona struct {
	mu    sync.Mutex
	who   []evals.PersonaBorrower
	lines []string
}

func (p *scriptedPersona) Next(_ context.Context, who evals.PersonaBorrower, transcript []evals.Entry) (string, error) {
	var heard string
	for _, e := range transcript {
		if e.Heard() {
			heard = e.Text
		}
	}
	var line string
	switch {
	case len(transcript) == 0:
		line = "hello? who is this"
	case strings.Contains(heard, "date of birth"):
		line = "my date of birth is " + who.DOB + " and my zip is " + who.Postcode
	default:
		line = "I don't owe this, it isn't my debt."
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	p.who = append(p.who, who)
	p.lines = append(p.lines, line)
	return line, nil
}

func TestPersonaWritesTheBorrowerTurns(t *testing.T) {
	t.Parallel()
	s, err := evals.Parse("persona.yaml", []byte(`name: persona
jurisdiction: US
channel: chat
account:
  id: A-1
  creditor: First Bank
  balance: "1200.00"
  currency: USD
  borrower: {name: Maria Lopez, phone: "+15551230001", timezone: America/Chicago, locale: en, dob: "1985-04-12", zip: "60601"}
cases:
  - name: a borrower who disputes
    simulate: {persona: "sure it is a mistake", max_turns: 8, seed: 7}
    outcome: {events: [identity_verified, dispute_recorded]}
  - name: no persona, the rule-based borrower
    simulate: {disputes: true, max_turns: 8}
    outcome: {events: [dispute_recorded]}
`))
	if err != nil {
		t.Fatal(err)
	}
	p := &scriptedPersona{}
	opts := options()
	opts.Persona = p
	rep, err := evals.Run(context.Background(), []*evals.Suite{s}, opts)
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range rep.Results {
		if !r.Pass {
			t.Errorf("%s: %v", r.Case, r.Failures)
		}
	}
	var said []string
	for _, e := range rep.Results[0].Transcript {
		if e.Author == "borrower" {
			said = append(said, e.Text)
		}
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	if diff := cmp.Diff(p.lines, said); diff != "" {
		t.Errorf("borrower turns are not the persona's lines (-persona +transcript):\n%s", diff)
	}
	want := evals.PersonaBorrower{Language: "en", Name: "Maria Lopez", DOB: "1985-04-12", Postcode: "60601", Currency: "USD", Seed: 7}
	got := p.who[0]
	got.Simulate = evals.Simulate{}
	if diff := cmp.Diff(want, got); diff != "" || p.who[0].Persona != "sure it is a mistake" {
		t.Errorf("persona asked to play (-want +got):\n%s", diff)
	}
}

func TestRepeatedRunsReportPassRateAndSeeds(t *testing.T) {
	t.Parallel()
	s, err := evals.Parse("repeat.yaml", []byte(`name: repeat
jurisdiction: US
channel: sms
account:
  id: A-2
  creditor: First Bank
  balance: "1200.00"
  currency: USD
  borrower: {name: Maria Lopez, phone: "+15551230002", timezone: America/Chicago, locale: en, dob: "1985-04-12", zip: "60601"}
cases:
  - name: disputes
    simulate: {disputes: true, max_turns: 8}
    outcome: {events: [dispute_recorded]}
`))
	if err != nil {
		t.Fatal(err)
	}
	opts := options()
	opts.Repeat = 3
	rep, err := evals.Run(context.Background(), []*evals.Suite{s}, opts)
	if err != nil {
		t.Fatal(err)
	}
	if len(rep.Cases) != 1 || len(rep.Cases[0].Seeds) != 3 || rep.Cases[0].PassRate != 1 || len(rep.Cases[0].FailedSeeds) != 0 {
		t.Fatalf("cases = %+v", rep.Cases)
	}
	var text, html strings.Builder
	if err := rep.WriteText(&text); err != nil {
		t.Fatal(err)
	}
	if err := rep.WriteHTML(&html); err != nil {
		t.Fatal(err)
	}
	seed := fmt.Sprint(rep.Cases[0].Seeds[2])
	if !strings.Contains(text.String(), "100.0% repeat / disputes: passed 3 of 3, seeds ") || !strings.Contains(text.String(), seed) {
		t.Errorf("text report:\n%s", text.String())
	}
	if !strings.Contains(html.String(), "Pass rate by case") || !strings.Contains(html.String(), seed) {
		t.Errorf("html report lacks the pass rate by case")
	}
}
