package console_test

import (
	"context"
	"fmt"
	"html"
	"net/http"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/parley-collections/parley/agent"
	"github.com/parley-collections/parley/channels/chat"
)

// chatSecret signs the borrower's chat tokens in browser tests.
var chatSecret = []byte("a console test chat secret, 32 bytes or more")

// withChat serves the chat channel beside the console, as parley serve
// does: an outbox dispatcher with the chat sender, the chat handler under
// /chat/, and at /borrower/{account} a page with the widget signed in as
// that account's borrower.
func withChat(o *setupOptions) {
	var disp *agent.Dispatcher
	o.agent = func(c *agent.Config) {
		disp = &agent.Dispatcher{Store: c.Store.(agent.OutboxStore), Senders: map[agent.Channel]agent.Sender{agent.ChannelChat: chat.NewSender(c.Bus), agent.ChannelSMS: quietSMS{}},
			Clock: c.Clock, Bus: c.Bus}
		c.OnEnqueue = disp.Kick
	}
	o.serve = func(b *testBundle, console http.Handler) http.Handler {
		// The widget mints its token on the wall clock, the server checks it
		// on the test's clock, which may be far in the past: allow the gap.
		ttl := time.Since(b.clock.Now()) + 2*time.Hour
		ch, err := chat.NewHandler(chat.Config{Secret: chatSecret, Orchestrator: b.orch, Store: b.store, Bus: b.bus, Clock: b.clock, MaxTokenTTL: ttl})
		if err != nil {
			panic(err)
		}
		go func() { _ = disp.Run(b.ctx) }()
		go func() { _ = ch.Run(b.ctx) }()
		mux := http.NewServeMux()
		mux.Handle("/chat/", ch)
		mux.HandleFunc("GET /borrower/{account}", func(w http.ResponseWriter, r *http.Request) {
			// The widget checks expiry on the wall clock, the server on the test's.
			tok, err := chat.MintToken(chatSecret, r.PathValue("account"), time.Since(start)+time.Hour, start)
			if err != nil {
				http.Error(w, err.Error(), http.StatusInternalServerError)
				return
			}
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			// ?float=1: the widget opens from a button in the corner, as on
			// a host page that gives it no place of its own.
			target := ` data-target="#chat"`
			if r.URL.Query().Get("float") != "" {
				target = ""
			}
			fmt.Fprintf(w, `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Chat</title></head>
<body style="margin:0"><div id="chat" style="height:100vh"></div>
<script src="/chat/widget.js" data-token="%s"%s data-lang="en" data-link-hosts="pay.example.com"></script></body></html>`, html.EscapeString(tok), target)
		})
		mux.Handle("/", console)
		return mux
	}
}

// quietSMS accepts every text message and sends it nowhere.
type quietSMS struct{}

func (quietSMS) Send(_ context.Context, m agent.Outbound) (string, error) {
	return "test-" + m.MessageID, nil
}

// widgetSays types a borrower's message into the widget and sends it.
func widgetSays(text string) []chromedp.Action[chromedp.Void] {
	return []chromedp.Action[chromedp.Void]{
		chromedp.SendKeys(chromedp.CSS(".parley-chat textarea"), text),
		chromedp.Click(chromedp.CSS(".parley-chat button.pc-send")),
	}
}

// bubble is the XPath of a widget bubble of class cls containing text.
func bubble(cls, text string) string {
	return `//div[contains(@class,"pc-msg") and contains(@class,"` + cls + `")][contains(., "` + text + `")]`
}

// TestBrowserBorrowerSeesWhoIsTalking: the borrower's widget shows when a
// person joins and when the assistant is back, and the question the
// borrower asked in between is answered after the hand-back. Then, in the
// same browser, the console shows the borrower typing
// (borrowerTypingShown), and another borrower's widget shows links and
// history (widgetLinksAndHistory).
func TestBrowserBorrowerSeesWhoIsTalking(t *testing.T) {
	t.Parallel()
	b := setup(t, withChat)
	ctx, run := newBrowser(t, b)
	run("open the chat and say hello",
		append([]chromedp.Action[chromedp.Void]{
			chromedp.Navigate(b.srv.URL + "/borrower/DEMO-US-1"),
			chromedp.WaitVisible(`//span[contains(@class,"pc-status")][.="Online"]`),
		}, append(widgetSays("hello"),
			chromedp.WaitVisible(bubble("pc-agent", "")))...)...)
	conv, err := b.store.OpenConversation(b.ctx, "DEMO-US-1", agent.ChannelChat)
	if err != nil {
		t.Fatal(err)
	}
	s := b.login(t, sup)
	if res, body := s.do("POST", "/api/conversations/"+conv.ID+"/takeover", nil); res.StatusCode != http.StatusOK {
		t.Fatalf("takeover = %d %s", res.StatusCode, body)
	}
	run("see a person join",
		chromedp.WaitVisible(bubble("pc-system", "A member of our team, Sam, has joined")),
	)
	run("ask while the person has the conversation",
		append(widgetSays("how much do I owe?"),
			chromedp.WaitVisible(`//div[contains(@class,"pc-own")][contains(., "how much do I owe?")]/span[contains(@class,"pc-meta")][not(contains(., "Sending"))]`))...)
	if res, body := s.do("POST", "/api/conversations/"+conv.ID+"/handback", nil); res.StatusCode != http.StatusOK {
		t.Fatalf("handback = %d %s", res.StatusCode, body)
	}
	run("see the assistant back, answering the question",
		chromedp.WaitVisible(bubble("pc-system", "You're back with Ava, the automated assistant")),
		chromedp.WaitVisible(bubble("pc-system", "You're back with Ava")+`/following-sibling::div[contains(@class,"pc-agent")][contains(., "$")]`),
	)
	borrowerTypingShown(t, b, ctx, conv)
	widgetLinksAndHistory(t, b, ctx, run, "DEMO-GB-1")
}
