package evals_test

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/parley-collections/parley/agent"
	"github.com/parley-collections/parley/agent/rules"
	"github.com/parley-collections/parley/agent/understand"
	"github.com/parley-collections/parley/evals"
	"github.com/parley-collections/parley/policies/textclass"
)

// protectiveEvents is the event each protective intent of the classifier's
// corpus must produce when its message is played to the agent.
var protectiveEvents = map[string]string{
	"opt_out":                "opted_out",
	"cease":                  "cease_recorded",
	"attorney":               "attorney_recorded",
	"bankruptcy_filed":       "bankruptcy_recorded",
	"bankruptcy_considering": "handoff_requested", // considering is not filing: a person talks it through
	"dispute":                "dispute_recorded",
	"crisis":                 "crisis_detected",
	"deceased":               "deceased_recorded",
	"vulnerability":          "vulnerability_recorded",
}

// recordEvents are the events that record a protective fact on the account
// or the conversation: on a message that asks none of them, a false alarm.
var recordEvents = []string{"opted_out", "cease_recorded", "attorney_recorded", "bankruptcy_recorded",
	"dispute_recorded", "crisis_detected", "deceased_recorded", "vulnerability_recorded"}

// askingLabels ask for protection without a record of their own (a person,
// a complaint, a restriction): they count neither way.
var askingLabels = []string{"request_human", "complaint", "contact_restriction"}

// TestIntentBatchThroughAgent plays a labelled batch of the classifier's
// corpus through the agent, one turn per message on a verified chat with a
// fresh account, and measures per language the recall of the protective
// intents (the expected event was recorded) and the false-protective rate
// on the messages that ask no protection (any protective record), and logs
// every message missed or falsely protected. It runs
// the product's understanding without a model: the rules brain and the
// classifier (agent.Understander), and the rules brain alone for
// comparison. PARLEY_INTENT_BATCH names the batch, a folder of
// corpus/intents: "fresh" (the batch written after the classifier was
// frozen), "fresh2", "fresh3" and "fresh4" (held-out batches, each played
// once after the code is frozen), "test" (the frozen test split). It fails when the
// combination's protective recall is under 0.97 in a language.
//
//	PARLEY_INTENT_BATCH=fresh go test -run TestIntentBatchThroughAgent -v ./evals/
func TestIntentBatchThroughAgent(t *testing.T) {
	batch := os.Getenv("PARLEY_INTENT_BATCH")
	if batch == "" {
		t.Skip("set PARLEY_INTENT_BATCH=fresh or test to play the classifier's batch through the agent")
	}
	dir := filepath.Join("..", "policies", "textclass", "corpus", "intents", batch)
	for _, brain := range []struct {
		name string
		new  func() agent.Brain
	}{
		{"rules+classifier", func() agent.Brain { return understand.New(rules.New(), nil) }},
		{"rules", func() agent.Brain { return rules.New() }},
	} {
		for _, lang := range []string{"en", "zh"} {
			data, err := os.ReadFile(filepath.Join(dir, lang+".jsonl"))
			if err != nil {
				t.Fatal(err)
			}
			rows, err := textclass.ParseRows(data)
			if err != nil {
				t.Fatal(err)
			}
			m := playBatch(t, rows, lang, brain.new)
			t.Logf("%s %s %s: protective recall %.3f (%d of %d); false-protective rate %.3f (%d of %d non-protective)",
				batch, lang, brain.name, m.recall(), m.hit, m.protective, m.falseRate(), m.falseHits, m.other)
			for _, l := range textclass.ProtectiveIntents {
				if s := m.byLabel[l]; s[1] > 0 {
					t.Logf("    %-24s %d of %d", l, s[0], s[1])
				}
			}
			for _, miss := range m.misses {
				t.Logf("    missed: %s", miss)
			}
			for _, f := range m.falses {
				t.Logf("    false protective: %s", f)
			}
			if brain.name == "rules+classifier" && m.recall() < 0.97 {
				t.Errorf("%s %s: protective recall %.3f, target 0.97", batch, lang, m.recall())
			}
		}
	}
}

type batchMeasure struct {
	protective, hit, other, falseHits int
	byLabel                           map[string][2]int
	misses, falses                    []string
}

func (m batchMeasure) recall() float64    { return float64(m.hit) / float64(max(m.protective, 1)) }
func (m batchMeasure) falseRate() float64 { return float64(m.falseHits) / float64(max(m.other, 1)) }

// playBatch runs one case per row and tallies what the agent recorded.
func playBatch(t *testing.T, rows []textclass.Row, lang string, newBrain func() agent.Brain) batchMeasure {
	t.Helper()
	var src strings.Builder
	fmt.Fprintf(&src, `name: batch-%s
jurisdiction: US
channel: chat
now: 2026-03-02T15:00:00-06:00
account:
  id: BATCH
  creditor: First Bank
  balance: "1200.00"
  currency: USD
  borrower: {name: Maria Lopez, phone: "+15555550201", timezone: America/Chicago, locale: %s, dob: "1985-04-12", zip: "60601"}
  policy: {max_installments: 12, min_installment: "50.00", settlement_floor: "0.70", first_payment_within_days: 14}
cases:
`, lang, lang)
	for _, r := range rows {
		id, _ := json.Marshal(r.ID)
		text, _ := json.Marshal(r.Text)
		fmt.Fprintf(&src, "  - name: %s\n    verified: true\n    turns:\n      - borrower: %s\n", id, text)
	}
	s, err := evals.Parse("batch-"+lang+".yaml", []byte(src.String()))
	if err != nil {
		t.Fatal(err)
	}
	labels := map[string]string{}
	texts := map[string]string{}
	for _, r := range rows {
		labels[r.ID], texts[r.ID] = r.Label, r.Text
	}
	opts := options()
	opts.NewBrain = newBrain
	m := batchMeasure{byLabel: map[string][2]int{}}
	opts.Stream = func(res evals.Result) error {
		label := labels[res.Case]
		if res.Err != "" {
			return fmt.Errorf("%s: %s", res.Case, res.Err)
		}
		if want, ok := protectiveEvents[label]; ok {
			m.protective++
			s := m.byLabel[label]
			s[1]++
			if slices.Contains(res.Events, want) {
				m.hit++
				s[0]++
			} else {
				m.misses = append(m.misses, fmt.Sprintf("%s %q -> %s", label, texts[res.Case], strings.Join(res.Events, ",")))
			}
			m.byLabel[label] = s
			return nil
		}
		if slices.Contains(askingLabels, label) {
			return nil
		}
		m.other++
		for _, e := range recordEvents {
			if slices.Contains(res.Events, e) {
				m.falseHits++
				m.falses = append(m.falses, fmt.Sprintf("%s %q -> %s", label, texts[res.Case], strings.Join(res.Events, ",")))
				break
			}
		}
		return nil
	}
	if _, err := evals.Run(context.Background(), []*evals.Suite{s}, opts); err != nil {
		t.Fatal(err)
	}
	return m
}
