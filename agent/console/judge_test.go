package console_test

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"sync/atomic"
	"testing"

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
