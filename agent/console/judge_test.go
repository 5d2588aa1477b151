package console_test

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/parley-collections/parley/agent"
	"github.com/parley-collections/parley/agent/console"
)

// awayJudge cannot answer until back is set; back, it reads every message
// as clean.
type awayJudge struct{ back atomic.Bool }

func (j *awayJudge) Judge(context.Context, agent.JudgeRequest) (agent.JudgeVerdict, error) {
	if !j.back.Load() {
		return agent.JudgeVerdict{}, errors.New("judge endpoint unreachable")
	}
	return agent.JudgeVerdict{}, nil
}

// TestSendHeldForConfirmation: a supervisor's message the judge could not
// read is answered 409 with confirm_needed and not sent; sent again with
// confirm set, it goes.
func TestSendHeldForConfirmation(t *testing.T) {
	j := &awayJudge{}
	b := setup(t, func(o *setupOptions) { o.agent = func(c *agent.Config) { c.Judge = j } })
	s := b.login(t, userSup)
	path := "/api/conversations/" + b.conv
	if resp, _ := s.do("POST", path+"/takeover", nil); resp.StatusCode != http.StatusOK {
		t.Fatalf("takeover: %d", resp.StatusCode)
	}
	text := "Hi, this is a member of the team. How can I help?"
	resp, body := s.do("POST", path+"/messages", map[string]any{"text": text})
	var held console.SendResponse
	if err := json.Unmarshal(body, &held); err != nil {
		t.Fatal(err)
	}
	if resp.StatusCode != http.StatusConflict || !held.ConfirmNeeded || held.Message.Status != agent.StatusBlocked || held.Decision.Error != agent.ErrorJudgeUnavailable {
		t.Fatalf("judge away: %d %s, want 409 with confirm_needed", resp.StatusCode, body)
	}
	resp, body = s.do("POST", path+"/messages", map[string]any{"text": text, "confirm": true})
	var sent console.SendResponse
	if err := json.Unmarshal(body, &sent); err != nil {
		t.Fatal(err)
	}
	if resp.StatusCode != http.StatusCreated || sent.Message.Status != agent.StatusQueued || sent.ConfirmNeeded {
		t.Fatalf("confirmed: %d %s, want 201 queued", resp.StatusCode, body)
	}
	j.back.Store(true)
	if resp, body := s.do("POST", path+"/messages", map[string]any{"text": "Thanks, speak soon."}); resp.StatusCode != http.StatusCreated {
		t.Fatalf("judge back: %d %s, want 201", resp.StatusCode, body)
	}
}

// TestBrowserSendAnywayAfterJudgeAway: in the console, a message the judge
// could not read is not sent, the supervisor is told and offered "Send
// anyway", and clicking it sends the message.
func TestBrowserSendAnywayAfterJudgeAway(t *testing.T) {
	t.Parallel()
	j := &awayJudge{}
	b := setup(t, func(o *setupOptions) { o.agent = func(c *agent.Config) { c.Judge = j } })
	_, run := newBrowser(t, b)
	const text = "Hi, this is Sam from the team. I can help with your account today."
	run("sign in and take over", signIn(b, sup, "/console/conversations/"+b.conv,
		chromedp.WaitVisible(chromedp.CSS(`body[data-live="true"]`)),
		chromedp.Click(chromedp.CSS("#takeover")),
		chromedp.WaitVisible(chromedp.CSS("#send-form")),
	)...)
	run("send while the judge is away",
		chromedp.SendKeys(chromedp.CSS("#send-text"), text),
		chromedp.Click(chromedp.CSS("#send-form button[type=submit]")),
		chromedp.WaitVisible(`//div[@id="send-error"][contains(., "second reading")]//button[contains(@class, "confirm-send")]`),
	)
	if sent(t, b, text) {
		t.Fatal("the held message is in the outbox before the supervisor confirmed it")
	}
	run("send anyway",
		chromedp.Click(chromedp.CSS("#send-error button.confirm-send")),
		chromedp.WaitNotPresent(chromedp.CSS("#send-error button.confirm-send")),
	)
	for range 50 {
		if sent(t, b, text) {
			return
		}
		time.Sleep(20 * time.Millisecond)
	}
	t.Fatal("the confirmed message is not in the outbox")
}

// sent reports whether an outbox row carries text (with whatever notice
// the guard added).
func sent(t *testing.T, b *testBundle, text string) bool {
	t.Helper()
	for _, st := range []agent.OutboxStatus{agent.OutboxPending, agent.OutboxSending, agent.OutboxSent} {
		items, err := b.store.Outbox(b.ctx, st, 0)
		if err != nil {
			t.Fatal(err)
		}
		for _, it := range items {
			if strings.HasPrefix(it.Body, text) {
				return true
			}
		}
	}
	return false
}
