package openai

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	goopenai "github.com/sashabaranov/go-openai"

	"github.com/parley-collections/parley/agent"
)

var now = time.Date(2026, 11, 28, 15, 0, 0, 0, time.UTC)

func turn(ch agent.Channel) agent.TurnContext {
	return agent.TurnContext{
		Conversation: agent.Conversation{ID: "conv-1", Channel: ch},
		Currency:     "USD",
		Now:          now,
		Locale:       "en",
		History: []agent.Message{
			{Direction: agent.DirectionOut, Author: agent.AuthorAgent, Text: "Hi, this is Parley."},
			{Direction: agent.DirectionOut, Author: agent.AuthorSystem, Text: "system note"},
			{Direction: agent.DirectionIn, Author: agent.AuthorBorrower, Text: "what now"},
		},
		OpenOffers: []agent.Plan{{ID: "P-1"}, {ID: "P-2"}},
	}
}

func money(s string) *agent.Money { m := agent.MustMoney(s, "USD"); return &m }

func TestBrainUnderstandsToolCalls(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name  string
		calls []call
		want  []agent.Command
	}{
		{"identity", []call{{"verify_identity", `{"dob":"1985-4-12","postcode":"sw1a 1aa","id_last4":"1234"}`}},
			[]agent.Command{{Intent: agent.IntentVerifyIdentity, Identity: []agent.IdentityClaim{
				{Kind: agent.IdentityDOB, Values: []string{"1985-04-12"}},
				{Kind: agent.IdentityPostcode, Values: []string{"SW1A1AA"}},
				{Kind: agent.IdentityIDLast4, Values: []string{"1234"}},
			}}}},
		{"ambiguous date of birth", []call{{"verify_identity", `{"dob":"04/12/1985"}`}},
			[]agent.Command{{Intent: agent.IntentVerifyIdentity, Identity: []agent.IdentityClaim{
				{Kind: agent.IdentityDOB, Values: []string{"1985-04-12", "1985-12-04"}},
			}}}},
		{"plan with amount as string", []call{{"propose_plan", `{"amount":"150","frequency":"monthly","count":8}`}},
			[]agent.Command{{Intent: agent.IntentProposePlan, Amount: money("150.00"), Frequency: agent.Monthly, Count: 8}}},
		{"plan with amount as number", []call{{"propose_plan", `{"amount":75.5}`}},
			[]agent.Command{{Intent: agent.IntentProposePlan, Amount: money("75.50")}}},
		{"promise", []call{{"promise_to_pay", `{"date":"2026-12-04","amount":"1,200"}`}},
			[]agent.Command{{Intent: agent.IntentPromiseToPay, Date: time.Date(2026, 12, 4, 0, 0, 0, 0, time.UTC), Amount: money("1200")}}},
		{"several intents in order", []call{{"hardship", `{}`}, {"request_human", ``}, {"opt_out", `{"channel":"sms"}`}},
			[]agent.Command{{Intent: agent.IntentHardship}, {Intent: agent.IntentRequestHuman}, {Intent: agent.IntentOptOut, Channel: agent.ChannelSMS}}},
		{"accept an offer on the table", []call{{"accept_offer", `{"offer_id":"P-2"}`}},
			[]agent.Command{{Intent: agent.IntentAcceptOffer, OfferID: "P-2"}}},
		{"question", []call{{"question", `{"text":"Will this hurt my credit?"}`}},
			[]agent.Command{{Intent: agent.IntentQuestion, Text: "Will this hurt my credit?"}}},
		{"third party", []call{{"third_party", `{"relation":"Spouse"}`}},
			[]agent.Command{{Intent: agent.IntentThirdParty, Relation: "spouse"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			f := newFake(t, func(w http.ResponseWriter, _ goopenai.ChatCompletionRequest, _ int) { writeToolCalls(w, tt.calls...) })
			fb := &scriptedBrain{}
			b, err := NewBrain(f.config(), fb)
			if err != nil {
				t.Fatal(err)
			}
			u, err := b.Understand(context.Background(), turn(agent.ChannelSMS), "my message")
			if err != nil {
				t.Fatal(err)
			}
			if u.Fallback != "" || u.Brain != "fake-model" || fb.count() != 0 {
				t.Fatalf("fell back: %+v", u)
			}
			if diff := cmp.Diff(tt.want, u.Commands); diff != "" {
				t.Errorf("commands (-want +got):\n%s", diff)
			}
		})
	}
}

func TestBrainRequestCarriesNoAccountFacts(t *testing.T) {
	t.Parallel()
	f := newFake(t, func(w http.ResponseWriter, _ goopenai.ChatCompletionRequest, _ int) {
		writeToolCalls(w, call{"greeting", "{}"})
	})
	b, err := NewBrain(f.config(), &scriptedBrain{})
	if err != nil {
		t.Fatal(err)
	}
	tc := turn(agent.ChannelChat)
	tc.OpenOffers = []agent.Plan{{ID: "P-1", Total: agent.MustMoney("987.65", "USD")}}
	tc.History = append(tc.History[:len(tc.History)-1],
		agent.Message{Direction: agent.DirectionOut, Author: agent.AuthorAgent, Text: "You owe $1,234.56, due 2026-12-04."},
		tc.History[len(tc.History)-1])
	if _, err := b.Understand(context.Background(), tc, "what now"); err != nil {
		t.Fatal(err)
	}
	req := f.lastRequest()
	var roles, texts []string
	for _, m := range req.Messages {
		roles = append(roles, m.Role)
		texts = append(texts, m.Content)
	}
	if diff := cmp.Diff([]string{"system", "assistant", "assistant", "user"}, roles); diff != "" {
		t.Errorf("roles (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]string{"Hi, this is Parley.", "You owe $#, due #-#-#.", "what now"}, texts[1:]); diff != "" {
		t.Errorf("history texts (-want +got):\n%s", diff)
	}
	all, _ := json.Marshal(req)
	for _, leak := range []string{"987", "1,234", "system note"} {
		if strings.Contains(string(all), leak) {
			t.Errorf("request carries %q", leak)
		}
	}
	if !strings.Contains(texts[0], "P-1") || !strings.Contains(texts[0], "2026-11-28") || !strings.Contains(texts[0], "USD") {
		t.Errorf("system prompt lacks the offer id, date or currency:\n%s", texts[0])
	}
	if len(req.Tools) != len(tools) || req.Model != "fake-model" {
		t.Errorf("request has %d tools, model %q", len(req.Tools), req.Model)
	}
}

func TestBrainFallsBack(t *testing.T) {
	t.Parallel()
	tool := func(name, args string) func(http.ResponseWriter, goopenai.ChatCompletionRequest, int) {
		return func(w http.ResponseWriter, _ goopenai.ChatCompletionRequest, _ int) {
			writeToolCalls(w, call{name, args})
		}
	}
	tests := []struct {
		name      string
		respond   func(http.ResponseWriter, goopenai.ChatCompletionRequest, int)
		channel   agent.Channel
		reason    string
		wantCalls int
	}{
		{"unknown tool", tool("transfer_funds_LEAK", `{}`), agent.ChannelSMS, ReasonInvalidOutput, 1},
		{"invalid JSON arguments", tool("propose_plan", `{"amount": "150", LEAK`), agent.ChannelSMS, ReasonInvalidOutput, 1},
		{"bad enum", tool("propose_plan", `{"frequency":"daily"}`), agent.ChannelSMS, ReasonInvalidOutput, 1},
		{"negative amount", tool("propose_plan", `{"amount":"-150"}`), agent.ChannelSMS, ReasonInvalidOutput, 1},
		{"absurd amount", tool("propose_plan", `{"amount":"99999999999"}`), agent.ChannelSMS, ReasonInvalidOutput, 1},
		{"amount with words", tool("propose_plan", `{"amount":"150 LEAK"}`), agent.ChannelSMS, ReasonInvalidOutput, 1},
		{"zero amount", tool("promise_to_pay", `{"amount":0}`), agent.ChannelSMS, ReasonInvalidOutput, 1},
		{"absurd count", tool("propose_plan", `{"count":5000}`), agent.ChannelSMS, ReasonInvalidOutput, 1},
		{"unknown argument", tool("dispute", `{"reason":"LEAK"}`), agent.ChannelSMS, ReasonInvalidOutput, 1},
		{"trailing data", tool("dispute", `{} {}`), agent.ChannelSMS, ReasonInvalidOutput, 1},
		{"impossible date of birth", tool("verify_identity", `{"dob":"1985-02-31"}`), agent.ChannelSMS, ReasonInvalidOutput, 1},
		{"future date of birth", tool("verify_identity", `{"dob":"2030-01-01"}`), agent.ChannelSMS, ReasonInvalidOutput, 1},
		{"empty identity", tool("verify_identity", `{}`), agent.ChannelSMS, ReasonInvalidOutput, 1},
		{"bad last four", tool("verify_identity", `{"id_last4":"12a4"}`), agent.ChannelSMS, ReasonInvalidOutput, 1},
		{"offer not on the table", tool("accept_offer", `{"offer_id":"P-LEAK"}`), agent.ChannelSMS, ReasonInvalidOutput, 1},
		{"promise date far away", tool("promise_to_pay", `{"date":"2031-01-01"}`), agent.ChannelSMS, ReasonInvalidOutput, 1},
		{"bad channel", tool("opt_out", `{"channel":"pigeon"}`), agent.ChannelSMS, ReasonInvalidOutput, 1},
		{"text instead of tools", func(w http.ResponseWriter, _ goopenai.ChatCompletionRequest, _ int) { writeContent(w, "LEAK") }, agent.ChannelSMS, ReasonInvalidOutput, 1},
		{"garbage body", func(w http.ResponseWriter, _ goopenai.ChatCompletionRequest, _ int) { writeGarbage(w) }, agent.ChannelSMS, ReasonBadResponse, 1},
		{"empty choices", func(w http.ResponseWriter, _ goopenai.ChatCompletionRequest, _ int) {
			w.Header().Set("Content-Type", "application/json")
			w.Write([]byte(`{"id":"x","choices":[]}`))
		}, agent.ChannelSMS, ReasonInvalidOutput, 1},
		{"429 twice", func(w http.ResponseWriter, _ goopenai.ChatCompletionRequest, _ int) { writeError(w, 429) }, agent.ChannelSMS, ReasonRateLimited, 2},
		{"500 twice", func(w http.ResponseWriter, _ goopenai.ChatCompletionRequest, _ int) { writeError(w, 500) }, agent.ChannelSMS, ReasonServerError, 2},
		{"502 HTML twice", func(w http.ResponseWriter, _ goopenai.ChatCompletionRequest, _ int) {
			w.WriteHeader(502)
			w.Write([]byte("<html>LEAK bad gateway</html>"))
		}, agent.ChannelSMS, ReasonServerError, 2},
		{"400 not retried", func(w http.ResponseWriter, _ goopenai.ChatCompletionRequest, _ int) { writeError(w, 400) }, agent.ChannelSMS, ReasonAPIError, 1},
		{"slow on voice", slow(slowReply, func(w http.ResponseWriter) { writeToolCalls(w, call{"greeting", "{}"}) }), agent.ChannelVoice, ReasonTimeout, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			f := newFake(t, tt.respond)
			cfg := f.config()
			cfg.VoiceTimeout = 100 * time.Millisecond
			fb := &scriptedBrain{}
			b, err := NewBrain(cfg, fb)
			if err != nil {
				t.Fatal(err)
			}
			u, err := b.Understand(context.Background(), turn(tt.channel), "hello")
			if err != nil {
				t.Fatal(err)
			}
			if u.Fallback != tt.reason || u.Brain != "rules" || fb.count() != 1 {
				t.Errorf("got fallback %q brain %q (fallback asked %d times), want %q from rules", u.Fallback, u.Brain, fb.count(), tt.reason)
			}
			if got, _ := json.Marshal(u); strings.Contains(string(got), "LEAK") {
				t.Errorf("bad model text leaked: %s", got)
			}
			if n := f.count(); n != tt.wantCalls {
				t.Errorf("endpoint called %d times, want %d", n, tt.wantCalls)
			}
		})
	}
}

func TestBrainWithoutCurrencyFallsBackWithoutCalling(t *testing.T) {
	t.Parallel()
	f := newFake(t, func(w http.ResponseWriter, _ goopenai.ChatCompletionRequest, _ int) {
		writeToolCalls(w, call{"thanks", "{}"})
	})
	b, _ := NewBrain(f.config(), &scriptedBrain{})
	tc := turn(agent.ChannelSMS)
	tc.Currency = ""
	u, err := b.Understand(context.Background(), tc, "thanks")
	if err != nil || u.Fallback != ReasonBadRequest || f.count() != 0 || b.State() != BreakerClosed {
		t.Errorf("got %+v, %v after %d calls, breaker %s", u, err, f.count(), b.State())
	}
}

func TestBrainRetriesOnce(t *testing.T) {
	t.Parallel()
	for _, status := range []int{429, 500, 503} {
		f := newFake(t, func(w http.ResponseWriter, _ goopenai.ChatCompletionRequest, n int) {
			if n == 1 {
				writeError(w, status)
				return
			}
			writeToolCalls(w, call{"ask_balance", "{}"})
		})
		b, _ := NewBrain(f.config(), &scriptedBrain{})
		u, err := b.Understand(context.Background(), turn(agent.ChannelChat), "how much")
		if err != nil || u.Fallback != "" || len(u.Commands) != 1 || u.Commands[0].Intent != agent.IntentAskBalance || f.count() != 2 {
			t.Errorf("status %d: %+v, %v after %d calls", status, u, err, f.count())
		}
	}
}

func TestBrainTimeoutDependsOnChannel(t *testing.T) {
	t.Parallel()
	f := newFake(t, slow(300*time.Millisecond, func(w http.ResponseWriter) { writeToolCalls(w, call{"thanks", "{}"}) }))
	cfg := f.config()
	cfg.VoiceTimeout = 50 * time.Millisecond
	b, _ := NewBrain(cfg, &scriptedBrain{})
	voice, err := b.Understand(context.Background(), turn(agent.ChannelVoice), "thanks")
	if err != nil || voice.Fallback != ReasonTimeout {
		t.Errorf("voice: %+v, %v; want a timeout fallback", voice, err)
	}
	text, err := b.Understand(context.Background(), turn(agent.ChannelSMS), "thanks")
	if err != nil || text.Fallback != "" {
		t.Errorf("sms: %+v, %v; want the model's answer", text, err)
	}
}

func TestBrainCallerCancelIsNotAFallback(t *testing.T) {
	t.Parallel()
	f := newFake(t, slow(200*time.Millisecond, func(w http.ResponseWriter) { writeToolCalls(w, call{"thanks", "{}"}) }))
	fb := &scriptedBrain{}
	b, _ := NewBrain(f.config(), fb)
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Millisecond)
	defer cancel()
	if _, err := b.Understand(ctx, turn(agent.ChannelSMS), "hi"); !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("err = %v, want the caller's deadline", err)
	}
	if fb.count() != 0 || b.State() != BreakerClosed {
		t.Errorf("fallback asked %d times, breaker %s", fb.count(), b.State())
	}
}

func TestBrainFallbackErrorIsReturned(t *testing.T) {
	t.Parallel()
	f := newFake(t, func(w http.ResponseWriter, _ goopenai.ChatCompletionRequest, _ int) { writeGarbage(w) })
	b, _ := NewBrain(f.config(), &scriptedBrain{err: errors.New("rules broke")})
	if _, err := b.Understand(context.Background(), turn(agent.ChannelSMS), "hi"); err == nil || strings.Contains(err.Error(), "LEAK") {
		t.Errorf("err = %v, want the fallback's error without the body", err)
	}
	if _, err := NewBrain(f.config(), nil); err == nil {
		t.Error("NewBrain accepted a nil fallback")
	}
	if _, err := NewBrain(Config{BaseURL: "ftp://x"}, &scriptedBrain{}); err == nil {
		t.Error("NewBrain accepted a non-HTTP base URL")
	}
}

func TestBrainBreakerOpensAndRecovers(t *testing.T) {
	t.Parallel()
	healthy := make(chan bool, 1)
	healthy <- false
	f := newFake(t, func(w http.ResponseWriter, _ goopenai.ChatCompletionRequest, _ int) {
		ok := <-healthy
		healthy <- ok
		if !ok {
			writeError(w, 400)
			return
		}
		writeToolCalls(w, call{"greeting", "{}"})
	})
	setHealthy := func(ok bool) { <-healthy; healthy <- ok }
	clock := agent.NewFixedClock(now)
	cfg := f.config()
	cfg.BreakerThreshold, cfg.BreakerCooldown, cfg.Now = 3, time.Minute, clock.Now
	b, _ := NewBrain(cfg, &scriptedBrain{})
	understand := func() agent.Understanding {
		t.Helper()
		u, err := b.Understand(context.Background(), turn(agent.ChannelSMS), "hi")
		if err != nil {
			t.Fatal(err)
		}
		return u
	}
	steps := []struct {
		name      string
		before    func()
		reason    string
		calls     int
		wantState BreakerState
	}{
		{"failure 1", nil, ReasonAPIError, 1, BreakerClosed},
		{"failure 2", nil, ReasonAPIError, 2, BreakerClosed},
		{"failure 3 opens", nil, ReasonAPIError, 3, BreakerOpen},
		{"open: endpoint not called", nil, ReasonCircuitOpen, 3, BreakerOpen},
		{"still open before the cool-down", func() { clock.Advance(59 * time.Second) }, ReasonCircuitOpen, 3, BreakerOpen},
		{"half-open probe fails: open again", func() { clock.Advance(2 * time.Second) }, ReasonAPIError, 4, BreakerOpen},
		{"open again", nil, ReasonCircuitOpen, 4, BreakerOpen},
		{"probe succeeds: closed", func() { clock.Advance(time.Minute); setHealthy(true) }, "", 5, BreakerClosed},
		{"closed", nil, "", 6, BreakerClosed},
	}
	for _, s := range steps {
		if s.before != nil {
			s.before()
		}
		u := understand()
		if u.Fallback != s.reason || f.count() != s.calls || b.State() != s.wantState {
			t.Fatalf("%s: fallback %q, %d calls, breaker %s; want %q, %d, %s", s.name, u.Fallback, f.count(), b.State(), s.reason, s.calls, s.wantState)
		}
	}
}
