package console_test

import (
	"context"
	"fmt"
	"net/http"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/parley-collections/parley/agent"
)

// fitsWidth fails the test when the page scrolls sideways or when one of
// the elements the selectors name lies outside the viewport's width or is
// missing: a phone user must reach every control without scrolling
// sideways.
func fitsWidth(t *testing.T, ctx context.Context, page string, selectors ...string) {
	t.Helper()
	const js = `(function (sels) {
		var w = document.documentElement.clientWidth, bad = [];
		if (document.documentElement.scrollWidth > w) {
			// Name the innermost elements that stick out.
			var out = Array.prototype.filter.call(document.body.querySelectorAll("*"), function (e) {
				return e.getBoundingClientRect().right > w + 0.5 && !Array.prototype.some.call(e.children, function (c) { return c.getBoundingClientRect().right > w + 0.5; });
			}).slice(0, 3).map(function (e) { return e.tagName.toLowerCase() + (e.id ? "#" + e.id : "") + (e.className ? "." + String(e.className).split(" ").join(".") : ""); });
			bad.push("the page is " + document.documentElement.scrollWidth + " px wide in " + w + " (" + out.join(", ") + ")");
		}
		sels.forEach(function (s) {
			var e = document.querySelector(s);
			if (!e) { bad.push(s + " is missing"); return; }
			var r = e.getBoundingClientRect();
			if (r.width === 0 || r.left < 0 || r.right > w + 0.5) { bad.push(s + " spans " + Math.round(r.left) + " to " + Math.round(r.right)); }
		});
		return bad.join("; ");
	})(%s)`
	arg := "["
	for i, s := range selectors {
		if i > 0 {
			arg += ","
		}
		arg += fmt.Sprintf("%q", s)
	}
	bad, err := chromedp.Run(ctx, chromedp.Evaluate[string](fmt.Sprintf(js, arg+"]")))
	if err != nil {
		t.Fatalf("%s: %v", page, err)
	}
	if bad != "" {
		t.Errorf("%s at phone width: %s", page, bad)
	}
}

// TestBrowserPhoneWidth: at 390 px, the width of a common phone, the
// console's list, queue and conversation and the borrower's widget fit the
// screen, with every control in reach; and the widget is usable with the
// keyboard and a screen reader: its box has a label, new messages are
// announced from a live log, the launcher says whether the chat is open,
// Escape closes it and gives the focus back, and sending keeps the focus
// in the box.
func TestBrowserPhoneWidth(t *testing.T) {
	t.Parallel()
	b := setup(t, withChat)
	crisis := b.newConversation(t, "DEMO-GB-1")
	b.borrowerSays(t, crisis, "I want to kill myself")
	b.borrowerSays(t, b.conv, "Pay today or the police will arrest you, they told me")
	ctx, run := newBrowser(t, b)

	run("the widget on a phone", append(append([]chromedp.Action[chromedp.Void]{
		chromedp.EmulateViewport(390, 844),
		chromedp.Navigate(b.srv.URL + "/borrower/DEMO-US-1?float=1"),
		chromedp.WaitVisible(chromedp.CSS("button.parley-launch[aria-expanded=false]")),
		chromedp.Click(chromedp.CSS("button.parley-launch")),
		chromedp.WaitVisible(`//span[contains(@class,"pc-status")][.="Online"]`),
		// Opening puts the focus in the message box.
		chromedp.WaitReady(chromedp.CSS(".parley-chat textarea:focus")),
	}, widgetSays("hello, can I pay in two parts? https://pay.example.com/p/3f9a7c2e41b84d0c9e6f3f9a7c2e41b84d0c9e6f")...),
		chromedp.WaitVisible(bubble("pc-agent", "")),
	)...)
	fitsWidth(t, ctx, "widget", ".parley-chat textarea", ".parley-chat button.pc-send", ".parley-chat .pc-x", ".parley-chat .pc-log")
	a11y, err := chromedp.Run(ctx, chromedp.Evaluate[string](`(function () {
		var bad = [], ta = document.querySelector(".parley-chat textarea");
		var label = ta.id && document.querySelector('label[for="' + ta.id + '"]');
		if (!label || !label.textContent.trim()) { bad.push("the message box has no label"); }
		var log = document.querySelector(".parley-chat .pc-log");
		if (log.getAttribute("role") !== "log" || log.getAttribute("aria-live") !== "polite" || !log.getAttribute("aria-label")) { bad.push("the messages are not a labelled live log"); }
		if (!log.querySelector(".pc-msg.pc-agent")) { bad.push("the reply is not inside the live log"); }
		if (document.querySelector("button.parley-launch").getAttribute("aria-expanded") !== "true") { bad.push("the launcher does not say the chat is open"); }
		if (document.activeElement !== ta) { bad.push("after sending, the focus is on " + document.activeElement.tagName); }
		return bad.join("; ");
	})()`))
	if err != nil || a11y != "" {
		t.Errorf("widget accessibility: %s %v", a11y, err)
	}
	run("Escape closes the chat and gives the focus back to the launcher",
		chromedp.KeyEvent("\x1b"),
		chromedp.WaitNotVisible(chromedp.CSS(".parley-chat")),
		chromedp.WaitReady(chromedp.CSS("button.parley-launch[aria-expanded=false]:focus")),
	)

	run("the list on a phone", signIn(b, sup, "/console/",
		chromedp.WaitVisible(chromedp.CSS(`body[data-live="true"]`)),
		chromedp.WaitVisible(`//tbody[@id="rows"]//a[contains(., "Maria Lopez")]`),
	)...)
	fitsWidth(t, ctx, "list", "#rows a", "#logout", ".filters button")
	run("the queue on a phone",
		chromedp.Navigate(b.srv.URL+"/console/queues"),
		chromedp.WaitVisible(`//*[@id="urgent-alert"]`),
	)
	fitsWidth(t, ctx, "queue", "#q-handoff-rows a", "#q-handoff-rows button.claim", "#q-handoff-rows input.assign-to", "#q-handoff-rows button.assign")
	conv, err := b.store.OpenConversation(b.ctx, "DEMO-US-1", agent.ChannelChat)
	if err != nil {
		t.Fatal(err)
	}
	s := b.login(t, sup)
	if res, body := s.do("POST", "/api/conversations/"+b.conv+"/takeover", nil); res.StatusCode != http.StatusOK {
		t.Fatalf("takeover = %d %s", res.StatusCode, body)
	}
	for _, id := range []string{b.conv, conv.ID} {
		run("a conversation on a phone",
			chromedp.Navigate(b.srv.URL+"/console/conversations/"+id),
			chromedp.WaitVisible(chromedp.CSS(`body[data-live="true"]`)),
		)
		fitsWidth(t, ctx, "conversation "+id, "#transcript", "#note-text", "#note-form button")
	}
	run("the owner's controls", chromedp.Navigate(b.srv.URL+"/console/conversations/"+b.conv), chromedp.WaitVisible(chromedp.CSS("#send-form")))
	fitsWidth(t, ctx, "owned conversation", "#handback", "#send-text", "#send-form button[type=submit]", "#canned")
}
