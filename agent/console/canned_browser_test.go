package console_test

import (
	"context"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/parley-collections/parley/agent"
)

// cannedReplySent: on a conversation page the supervisor owns, a canned
// reply is picked, which fills the box, and sent; it goes out under the
// guard like any message. (Run by TestBrowserInternalNoteNeverSent, in
// its browser.)
func cannedReplySent(t *testing.T, b *testBundle, ctx context.Context, run func(string, ...chromedp.Action[chromedp.Void])) {
	t.Helper()
	run("canned replies are offered", chromedp.WaitVisible(chromedp.CSS(`#canned[data-ready="true"]`)))
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
