package console_test

import (
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/parley-collections/parley/agent"
)

// TestBrowserCannedReplySent: a supervisor picks a canned reply, which
// fills the box, and sends it; it goes out under the guard like any
// message.
func TestBrowserCannedReplySent(t *testing.T) {
	t.Parallel()
	b := setup(t)
	ctx, run := newBrowser(t, b)
	run("sign in and take over", signIn(b, sup, "/console/conversations/"+b.conv,
		chromedp.WaitVisible(chromedp.CSS(`body[data-live="true"]`)),
		chromedp.Click(chromedp.CSS("#takeover")),
		chromedp.WaitVisible(chromedp.CSS("#send-form")),
		chromedp.WaitVisible(chromedp.CSS(`#canned[data-ready="true"]`)),
	)...)
	// Choose it as a keyboard user would: the select's change fills the box.
	greeting, err := chromedp.Run(ctx, chromedp.Evaluate[string](`(function () {
		var s = document.getElementById("canned");
		var o = s.querySelector('option[data-name="greeting"]');
		s.value = o.value;
		s.dispatchEvent(new Event("change"));
		return document.getElementById("send-text").value;
	})()`))
	if err != nil || !strings.HasPrefix(greeting, "Hi, this is Sam from the team.") {
		t.Fatalf("the greeting in the box: %q (%v)", greeting, err)
	}
	run("send it",
		chromedp.Click(chromedp.CSS("#send-form button[type=submit]")),
		chromedp.WaitVisible(`//ol[@id="transcript"]/li[contains(@class,"msg-supervisor") and contains(@class,"status-queued")]//p[contains(., "Hi, this is Sam from the team.")]`),
	)
	items, err := b.store.Outbox(b.ctx, agent.OutboxPending, 0)
	if err != nil {
		t.Fatal(err)
	}
	var queued bool
	for _, it := range items {
		queued = queued || strings.HasPrefix(it.Body, "Hi, this is Sam from the team.")
	}
	if !queued {
		t.Fatal("the canned reply is not in the outbox")
	}
}
