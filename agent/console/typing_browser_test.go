package console_test

import (
	"context"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/parley-collections/parley/agent"
)

// borrowerTypingShown: while the borrower types in the chat widget, the
// supervisor watching the conversation in the console sees "Borrower is
// typing…"; it goes a few seconds after the typing stops, and when the
// message arrives. (Run by TestBrowserBorrowerSeesWhoIsTalking, in its
// browser: the widget in its tab, the console in a second one.)
func borrowerTypingShown(t *testing.T, b *testBundle, widget context.Context, conv agent.Conversation) {
	t.Helper()
	tab, cancel := chromedp.NewContext(widget)
	defer cancel()
	in := func(ctx context.Context, step string, actions ...chromedp.Action[chromedp.Void]) {
		t.Helper()
		if err := chromedp.Do(ctx, actions...); err != nil {
			t.Fatalf("%s: %v", step, err)
		}
	}
	const typing = `//p[@id="borrower-typing"][contains(., "Borrower is typing")]`
	in(tab, "watch the conversation in the console", signIn(b, sup, "/console/conversations/"+conv.ID,
		chromedp.WaitVisible(chromedp.CSS(`body[data-live="true"]`)),
		chromedp.WaitVisible(chromedp.CSS("#borrower-typing")),
	)...)
	in(widget, "the borrower starts typing", chromedp.SendKeys(chromedp.CSS(".parley-chat textarea"), "one more question about"))
	in(tab, "the console shows it", chromedp.WaitVisible(typing))
	in(tab, "and clears it when the typing stops", chromedp.WaitNotPresent(typing))
	in(widget, "the borrower types on and sends",
		chromedp.SendKeys(chromedp.CSS(".parley-chat textarea"), " the plan"),
	)
	in(tab, "typing again", chromedp.WaitVisible(typing))
	in(widget, "send", chromedp.Click(chromedp.CSS(".parley-chat button.pc-send")))
	in(tab, "the message replaces the typing",
		chromedp.WaitVisible(`//ol[@id="transcript"]/li[contains(@class,"msg-borrower")]//p[contains(., "one more question about the plan")]`),
		chromedp.WaitNotPresent(typing),
	)
}
