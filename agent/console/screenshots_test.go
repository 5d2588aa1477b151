package console_test

import (
	"net/http"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/parley-collections/parley/agent"
)

// TestScreenshots saves the pictures in docs/img: the console's list, a
// conversation, the queue, and the borrower's widget at desktop and phone
// width. It runs only when PARLEY_SCREENSHOTS names the folder to write:
//
//	PARLEY_SCREENSHOTS=$PWD/docs/img go test ./agent/console -run TestScreenshots
func TestScreenshots(t *testing.T) {
	dir := os.Getenv("PARLEY_SCREENSHOTS")
	if dir == "" {
		t.Skip("set PARLEY_SCREENSHOTS to the folder for the screenshots (docs/img)")
	}
	b := setup(t, withChat)
	asked := b.newConversation(t, "DEMO-US-MA")
	b.borrowerSays(t, asked, "I want to talk to a real person")
	b.clock.Advance(12 * time.Minute)
	crisis := b.newConversation(t, "DEMO-GB-1")
	b.borrowerSays(t, crisis, "I want to kill myself")
	b.clock.Advance(3 * time.Minute)

	ctx, run := newBrowser(t, b)
	shoot := func(name string) {
		t.Helper()
		png, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if err := os.WriteFile(filepath.Join(dir, name), png, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	// The borrower chats, a person joins, answers with the payment link and hands back.
	run("widget", append(append([]chromedp.Action[chromedp.Void]{
		chromedp.EmulateViewport(1280, 800),
		chromedp.Navigate(b.srv.URL + "/borrower/DEMO-US-1"),
		chromedp.WaitVisible(`//span[contains(@class,"pc-status")][.="Online"]`),
	}, widgetSays("how much do I owe?")...), chromedp.WaitVisible(bubble("pc-agent", "$")))...)
	conv, err := b.store.OpenConversation(b.ctx, "DEMO-US-1", agent.ChannelChat)
	if err != nil {
		t.Fatal(err)
	}
	s := b.login(t, sup)
	s.do("POST", "/api/conversations/"+conv.ID+"/takeover", nil)
	run("a person joins", chromedp.WaitVisible(bubble("pc-system", "has joined")))
	run("ask", append(widgetSays("can I pay it in two parts?"), chromedp.WaitVisible(bubble("pc-own", "two parts")))...)
	if res, body := s.do("POST", "/api/conversations/"+conv.ID+"/messages", map[string]string{"text": "Hi, this is Sam. Yes: you can pay in two parts here: https://pay.example.com/p/3f9a7c2e41b84d0c9e6f"}); res.StatusCode != http.StatusCreated {
		t.Fatalf("send = %d %s", res.StatusCode, body)
	}
	run("the link", chromedp.WaitVisible(`//a[contains(@class,"pc-link")]`))
	s.do("POST", "/api/conversations/"+conv.ID+"/notes", map[string]string{"text": "Offered two payments; check back on Friday."})
	shoot("widget-desktop.png")
	run("phone", chromedp.EmulateViewport(390, 844), chromedp.Reload(), chromedp.WaitVisible(`//a[contains(@class,"pc-link")]`))
	shoot("widget-phone.png")

	run("console list", append(signIn(b, sup, "/console/",
		chromedp.WaitVisible(chromedp.CSS(`body[data-live="true"]`))), chromedp.EmulateViewport(1280, 800))...)
	shoot("console-list.png")
	run("console list on a phone", chromedp.EmulateViewport(390, 844), chromedp.Reload(), chromedp.WaitVisible(chromedp.CSS(`body[data-live="true"]`)))
	shoot("console-list-phone.png")
	run("queue", chromedp.EmulateViewport(1280, 800), chromedp.Navigate(b.srv.URL+"/console/queues"), chromedp.WaitVisible(`//*[@id="urgent-alert"]`))
	shoot("console-queue.png")
	run("queue on a phone", chromedp.EmulateViewport(390, 844), chromedp.Reload(), chromedp.WaitVisible(`//*[@id="urgent-alert"]`))
	shoot("console-queue-phone.png")
	run("conversation", chromedp.EmulateViewport(1280, 800), chromedp.Navigate(b.srv.URL+"/console/conversations/"+conv.ID),
		chromedp.WaitVisible(`//ol[@id="transcript"]//p[contains(., "two parts")]`))
	shoot("console-conversation.png")
	run("conversation on a phone", chromedp.EmulateViewport(390, 844), chromedp.Reload(), chromedp.WaitVisible(chromedp.CSS("#transcript")))
	shoot("console-conversation-phone.png")
}
