package console_test

import (
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/parley-collections/parley/agent"
)

// TestBrowserInternalNoteNeverSent: a note written on a conversation is
// shown to the team, stored as an audit event, and never sent: no message
// and no outbox row carries its words. Then a canned reply is sent
// (cannedReplySent), in the same browser.
func TestBrowserInternalNoteNeverSent(t *testing.T) {
	t.Parallel()
	b := setup(t)
	ctx, run := newBrowser(t, b)
	const note = "Borrower sounded upset; call back after 5pm"
	run("sign in and take over", signIn(b, sup, "/console/conversations/"+b.conv,
		chromedp.WaitVisible(chromedp.CSS(`body[data-live="true"]`)),
		chromedp.Click(chromedp.CSS("#takeover")),
		chromedp.WaitVisible(chromedp.CSS("#send-form")),
	)...)
	run("write a note",
		chromedp.SendKeys(chromedp.CSS("#note-text"), note),
		chromedp.Click(chromedp.CSS("#note-form button[type=submit]")),
		chromedp.WaitVisible(`//ol[@id="notes"]/li[contains(., "call back after 5pm")][contains(., "Sam")]`),
	)
	b.borrowerSays(t, b.conv, "hello?") // a turn after the note: nothing of it goes out then either
	cannedReplySent(t, b, ctx, run)
	msgs, err := b.store.Messages(b.ctx, b.conv, 0, 0)
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range msgs {
		if strings.Contains(m.Text, "call back after 5pm") {
			t.Fatalf("the note became a message: %+v", m)
		}
	}
	for _, st := range []agent.OutboxStatus{agent.OutboxPending, agent.OutboxSending, agent.OutboxSent, agent.OutboxDead} {
		items, err := b.store.Outbox(b.ctx, st, 0)
		if err != nil {
			t.Fatal(err)
		}
		for _, it := range items {
			if strings.Contains(it.Body, "call back after 5pm") {
				t.Fatalf("the note is in the outbox (%s): %+v", st, it)
			}
		}
	}
	evs, _ := b.store.Events(b.ctx, b.conv)
	var stored bool
	for _, e := range evs {
		stored = stored || e.Kind == agent.EventNoteAdded && e.Actor == sup && e.Data["text"] == note
	}
	if !stored {
		t.Fatal("the note was not stored as an event")
	}
}
