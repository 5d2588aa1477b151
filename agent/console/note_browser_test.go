package console_test

import (
	"maps"
	"net/http"
	"net/http/httptest"
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

// TestBrowserTakeoverKeepsTheBoxBeingTyped: a supervisor who starts a note
// while the takeover is still on its way keeps typing into the note when
// it lands; the focus moves to the reply box only from the button.
func TestBrowserTakeoverKeepsTheBoxBeingTyped(t *testing.T) {
	t.Parallel()
	release := make(chan struct{})
	b := setup(t, func(o *setupOptions) {
		o.serve = func(_ *testBundle, console http.Handler) http.Handler {
			return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				if r.Method != http.MethodPost || !strings.HasSuffix(r.URL.Path, "/takeover") {
					console.ServeHTTP(w, r)
					return
				}
				// The takeover is done at once; its answer is held back.
				rec := httptest.NewRecorder()
				console.ServeHTTP(rec, r)
				select {
				case <-release:
				case <-r.Context().Done():
				}
				maps.Copy(w.Header(), rec.Header())
				w.WriteHeader(rec.Code)
				_, _ = w.Write(rec.Body.Bytes())
			})
		}
	})
	ctx, run := newBrowser(t, b)
	run("sign in and ask to take over", signIn(b, sup, "/console/conversations/"+b.conv,
		chromedp.WaitVisible(chromedp.CSS(`body[data-live="true"]`)),
		chromedp.Click(chromedp.CSS("#takeover")),
		chromedp.SendKeys(chromedp.CSS("#note-text"), "Borrower sounded upset; "),
	)...)
	close(release)
	run("go on typing once the takeover lands",
		chromedp.WaitVisible(`//p[@id="action-status"][contains(., "You own this conversation")]`),
		chromedp.KeyEvent("call back after 5pm"),
	)
	boxes, err := chromedp.Run(ctx, chromedp.Evaluate[string](`document.getElementById("note-text").value + "|" + document.getElementById("send-text").value`))
	if err != nil {
		t.Fatal(err)
	}
	if boxes != "Borrower sounded upset; call back after 5pm|" {
		t.Errorf("note box|reply box: %q", boxes)
	}
}
