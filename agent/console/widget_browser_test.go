package console_test

import (
	"context"
	"net/http"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/parley-collections/parley/agent"
)

// widgetLinksAndHistory: a payment link from the team is a safe,
// shortened link in the borrower's widget, a link the borrower typed stays
// text, and a chat opened again in a new tab shows the whole conversation,
// the borrower's own messages too, in order and once each; a reload
// repeats nothing. (Run by TestBrowserBorrowerSeesWhoIsTalking, in its
// browser, on another account.)
func widgetLinksAndHistory(t *testing.T, b *testBundle, ctx context.Context, run func(string, ...chromedp.Action[chromedp.Void]), account string) {
	t.Helper()
	const link = "https://pay.example.com/p/3f9a7c2e41b84d0c9e6f"
	run("chat", append(append([]chromedp.Action[chromedp.Void]{
		chromedp.Navigate(b.srv.URL + "/borrower/" + account),
		chromedp.WaitVisible(`//span[contains(@class,"pc-status")][.="Online"]`),
	}, widgetSays("hello, see http://example.net/x")...),
		chromedp.WaitVisible(bubble("pc-agent", "")),
	)...)
	conv, err := b.store.OpenConversation(b.ctx, account, agent.ChannelChat)
	if err != nil {
		t.Fatal(err)
	}
	s := b.login(t, sup)
	if res, body := s.do("POST", "/api/conversations/"+conv.ID+"/takeover", nil); res.StatusCode != http.StatusOK {
		t.Fatalf("takeover = %d %s", res.StatusCode, body)
	}
	if res, body := s.do("POST", "/api/conversations/"+conv.ID+"/messages", map[string]string{"text": "You can pay here: " + link + "."}); res.StatusCode != http.StatusCreated {
		t.Fatalf("send = %d %s", res.StatusCode, body)
	}
	anchor := `//div[contains(@class,"pc-supervisor")]//a[@href="` + link + `"][@rel="noopener noreferrer"][@target="_blank"]`
	run("the payment link is a link, shortened",
		chromedp.WaitVisible(anchor),
		chromedp.WaitVisible(anchor+`[starts-with(., "pay.example.com/")][contains(., "…")]`),
		chromedp.WaitNotPresent(`//div[contains(@class,"pc-own")]//a`),
	)
	// transcript is the widget's bubbles, in order: class and text.
	transcript := func() string {
		t.Helper()
		v, err := chromedp.Run(ctx, chromedp.Evaluate[string](`Array.prototype.map.call(document.querySelectorAll(".pc-msg"), function (b) {
			var c = b.cloneNode(true), m = c.querySelector(".pc-meta");
			if (m) { m.remove(); }
			return b.className + ": " + c.textContent; }).join("\n")`))
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
	before := transcript()

	run("reload: nothing twice",
		chromedp.Reload(),
		chromedp.WaitVisible(`//span[contains(@class,"pc-status")][.="Online"]`),
		chromedp.WaitVisible(anchor),
	)
	if after := transcript(); after != before {
		t.Fatalf("after a reload the widget holds\n%s\nbefore\n%s", after, before)
	}
	// A new tab has no session storage: everything comes from the server.
	if _, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`sessionStorage.clear(), true`)); err != nil {
		t.Fatal(err)
	}
	run("open the chat in a fresh tab",
		chromedp.Reload(),
		chromedp.WaitVisible(`//span[contains(@class,"pc-status")][.="Online"]`),
		chromedp.WaitVisible(anchor),
		chromedp.WaitVisible(`(//div[contains(@class,"pc-msg")])[1][contains(@class,"pc-own")][contains(., "hello, see http://example.net/x")]`),
	)
	if after := transcript(); after != before {
		t.Fatalf("reopened, the widget holds\n%s\nbefore\n%s", after, before)
	}
}
