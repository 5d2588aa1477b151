package console_test

import (
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/parley-collections/parley/agent"
)

// TestBrowserOutOfHoursReplyAndCancel: at 22:28 the borrower's time a
// supervisor answering a message the borrower just wrote sends at once; a
// message written after the reply window waits, shows when it will go in
// the borrower's time, and can be cancelled so that it never goes.
func TestBrowserOutOfHoursReplyAndCancel(t *testing.T) {
	t.Parallel()
	b := setup(t)
	chicago, err := time.LoadLocation("America/Chicago")
	if err != nil {
		t.Fatal(err)
	}
	b.clock.Set(time.Date(2026, 11, 24, 22, 28, 0, 0, chicago)) // a Tuesday evening
	b.borrowerSays(t, b.conv, "Is anyone there? I need help tonight")
	_, run := newBrowser(t, b)
	run("sign in and take over", signIn(b, sup, "/console/conversations/"+b.conv,
		chromedp.WaitVisible(chromedp.CSS(`body[data-live="true"]`)),
		chromedp.Click(chromedp.CSS("#takeover")),
		chromedp.WaitVisible(chromedp.CSS("#send-form")),
	)...)
	b.clock.Advance(2 * time.Minute)
	run("reply at once to a borrower who just wrote",
		chromedp.SendKeys(chromedp.CSS("#send-text"), "Hi, this is Sam. I am here and can help."),
		chromedp.Click(chromedp.CSS("#send-form button[type=submit]")),
		chromedp.WaitVisible(`//ol[@id="transcript"]/li[contains(@class,"msg-supervisor") and contains(@class,"status-queued")]//p[contains(., "I am here")]`),
	)
	b.clock.Advance(agent.DefaultReplyWindow + 10*time.Minute)
	run("a later message waits, in the borrower's time",
		chromedp.SendKeys(chromedp.CSS("#send-text"), "Hi, this is Sam. I will look at your plan tomorrow."),
		chromedp.Click(chromedp.CSS("#send-form button[type=submit]")),
		chromedp.WaitVisible(`//div[@id="send-error"][contains(., "sends at 8:00 am the borrower's time, Wednesday")]`),
		chromedp.WaitVisible(`//ol[@id="transcript"]/li[contains(@class,"status-deferred")]//button[contains(@class,"cancel-deferred")]`),
	)
	run("cancel it",
		chromedp.Click(`//ol[@id="transcript"]/li[contains(@class,"status-deferred")]//button[contains(@class,"cancel-deferred")]`),
		chromedp.WaitVisible(`//ol[@id="transcript"]/li[contains(@class,"status-cancelled")]//span[contains(., "never sent")]`),
	)
	msgs, err := b.store.Messages(b.ctx, b.conv, 0, 0)
	if err != nil {
		t.Fatal(err)
	}
	var cancelled int
	for _, m := range msgs {
		if m.Status == agent.StatusCancelled {
			cancelled++
		}
	}
	if cancelled != 1 {
		t.Errorf("%d cancelled messages, want 1", cancelled)
	}
}
