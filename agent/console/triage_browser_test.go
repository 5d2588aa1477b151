package console_test

import (
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/parley-collections/parley/agent"
	"github.com/parley-collections/parley/agent/console"
)

// handoffRow is the XPath of row n (from 1) of the waiting queue.
func handoffRow(n string) string { return `//tbody[@id="q-handoff-rows"]/tr[` + n + `]` }

// TestBrowserTriageQueue: a borrower in crisis waits at the top of the
// queue with the reason shown and an alert in the title, above a borrower
// who asked for a person earlier; one supervisor claims it and assigns the
// other to a colleague, whose "mine" view then holds it.
func TestBrowserTriageQueue(t *testing.T) {
	t.Parallel()
	b := setup(t)
	asked := b.newConversation(t, "DEMO-US-MA")
	b.borrowerSays(t, asked, "I want to talk to a real person")
	b.clock.Advance(20 * time.Minute)
	crisis := b.newConversation(t, "DEMO-GB-1")
	b.borrowerSays(t, crisis, "I want to kill myself")
	for _, id := range []string{asked, crisis} {
		if c, _ := b.store.Conversation(b.ctx, id); c.State != agent.StateHandoff {
			t.Fatalf("conversation %s is %s, want handoff", id, c.State)
		}
	}
	ctx, run := newBrowser(t, b)
	run("open the queue", signIn(b, sup, "/console/queues",
		chromedp.WaitVisible(chromedp.CSS(`body[data-live="true"]`)),
		chromedp.WaitVisible(handoffRow("1")+`[contains(., "Oliver Bennett")]//*[contains(@class,"reason")][contains(., "crisis")]`),
		chromedp.WaitVisible(handoffRow("2")+`[contains(., "James O'Connor")]//*[contains(@class,"reason")][contains(., "asked for a person")]`),
		chromedp.WaitVisible(`//*[@id="urgent-alert"][contains(., "1 urgent")]`),
	)...)
	title, err := chromedp.Run(ctx, chromedp.Title())
	if err != nil || !strings.Contains(title, "urgent") {
		t.Fatalf("title %q (%v): want the urgent count in it", title, err)
	}
	run("claim the crisis",
		chromedp.Click(handoffRow("1")+`//button[contains(@class,"claim")]`),
		chromedp.WaitVisible(handoffRow("1")+`//*[contains(@class,"assignee")][contains(., "sam")]`),
	)
	run("assign the other to lee",
		chromedp.SendKeys(handoffRow("2")+`//input[contains(@class,"assign-to")]`, "lee"),
		chromedp.Click(handoffRow("2")+`//button[contains(@class,"assign")]`),
		chromedp.WaitVisible(handoffRow("2")+`//*[contains(@class,"assignee")][contains(., "lee")]`),
	)

	lee := b.login(t, userSup2)
	if res, body := lee.do("POST", "/api/conversations/"+crisis+"/claim", nil); res.StatusCode != http.StatusConflict {
		t.Fatalf("lee claiming sam's conversation = %d %s, want 409", res.StatusCode, body)
	}
	_, body := lee.do("GET", "/api/queues?view=mine", nil)
	q := decodeJSON[console.Queues](t, body)
	if len(q.Handoff) != 1 || q.Handoff[0].ID != asked || q.Handoff[0].Assignee != userSup2 {
		t.Fatalf("lee's own queue: %+v", q.Handoff)
	}
	_, body = lee.do("GET", "/api/queues?view=unassigned", nil)
	if q := decodeJSON[console.Queues](t, body); len(q.Handoff) != 0 {
		t.Fatalf("unassigned queue after both were assigned: %+v", q.Handoff)
	}
	run("sam's own view",
		chromedp.Navigate(b.srv.URL+"/console/queues?view=mine"),
		chromedp.WaitVisible(handoffRow("1")+`[contains(., "Oliver Bennett")]`),
		chromedp.WaitNotPresent(handoffRow("2")),
	)
	evs, _ := b.store.Events(b.ctx, asked)
	var assigned bool
	for _, e := range evs {
		assigned = assigned || e.Kind == agent.EventAssigned && e.Actor == sup && e.Data["assignee"] == userSup2
	}
	if !assigned {
		t.Fatal("no audit event of sam assigning the conversation to lee")
	}
}
