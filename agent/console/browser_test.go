package console_test

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/parley-collections/parley/agent"
)

// chromium finds Debian's chromium (or another Chrome). Without one the
// browser test skips, unless CI is "true", where it fails.
func chromium(t *testing.T) string {
	t.Helper()
	for _, name := range []string{"/usr/bin/chromium", "chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	if os.Getenv("CI") == "true" {
		t.Fatal("chromium is missing and CI=true: install it with apt-get install -y chromium")
	}
	t.Skip("chromium is missing: install it with apt-get install -y chromium to run the browser test")
	return ""
}

// TestBrowserSupervisorFlow drives the console in headless Chromium: sign
// in, watch a borrower's message arrive without reloading, take over, have
// a threat refused with its reasons and dismiss the blocked draft, send a
// message, hand back, and save a screenshot for people to look at.
func TestBrowserSupervisorFlow(t *testing.T) {
	t.Parallel()
	b := setup(t)
	ctx, run := newBrowser(t, b)
	transcriptHas := func(class, text string) string {
		return `//ol[@id="transcript"]/li[contains(@class,"` + class + `")]//p[contains(., "` + text + `")]`
	}

	run("sign in", signIn(b, sup, "/console/conversations/"+b.conv,
		chromedp.WaitVisible(chromedp.CSS("#transcript")),
		chromedp.WaitVisible(chromedp.CSS(`body[data-live="true"]`)),
	)...)
	// A mark that a reload would wipe.
	if _, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`window.parleyTestMark = true`)); err != nil {
		t.Fatal(err)
	}

	b.borrowerSays(t, b.conv, "Is anyone there? Reference 4217")
	run("see the borrower's message arrive live",
		chromedp.WaitVisible(transcriptHas("msg-borrower", "Reference 4217")),
	)
	if same, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`window.parleyTestMark === true`)); err != nil || !same {
		t.Fatal("the page reloaded to show the message")
	}

	run("take over",
		chromedp.Click(chromedp.CSS("#takeover")),
		chromedp.WaitVisible(chromedp.CSS("#send-form")),
		chromedp.WaitVisible(chromedp.CSS("#handback")),
	)
	if c, _ := b.store.Conversation(b.ctx, b.conv); c.Owner != sup {
		t.Fatalf("after the click the owner is %q", c.Owner)
	}

	run("have a threat refused with its reasons",
		chromedp.SendKeys(chromedp.CSS("#send-text"), "Pay today or the police will arrest you."),
		chromedp.Click(chromedp.CSS("#send-form button[type=submit]")),
		chromedp.WaitVisible(`//div[@id="send-error"]//span[contains(., "guard: block")]`),
		chromedp.WaitVisible(`//ol[@id="transcript"]//del[contains(., "police")]`),
	)
	run("dismiss the blocked draft",
		chromedp.Click(`//ol[@id="transcript"]/li[.//del[contains(., "police")]]//button[contains(@class,"dismiss-draft")]`),
		chromedp.WaitVisible(`//ol[@id="transcript"]/li[.//del[contains(., "police")]]//p[contains(@class,"dismissed")][contains(., "Dismissed by Sam")]`),
		chromedp.WaitNotPresent(`//ol[@id="transcript"]//button[contains(@class,"dismiss-draft")]`),
		chromedp.WaitVisible(`//ol[@id="events"]//strong[contains(., "draft_dismissed")]`),
	)

	// A refused message stays in the box to be mended; start afresh.
	if _, err := chromedp.Run(ctx, chromedp.Evaluate[string](`document.getElementById("send-text").value = ""`)); err != nil {
		t.Fatal(err)
	}
	run("send a message",
		chromedp.SendKeys(chromedp.CSS("#send-text"), "Hi, this is Sam from the team. How can I help?"),
		chromedp.Click(chromedp.CSS("#send-form button[type=submit]")),
		chromedp.WaitVisible(transcriptHas("msg-supervisor", "Sam from the team")),
	)

	shot, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
	if err != nil {
		t.Fatalf("screenshot: %v", err)
	}
	// Kept after the test, for people to look at.
	dir, err := os.MkdirTemp("", "parley-console-")
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, "console-conversation.png")
	if err := os.WriteFile(path, shot, 0o644); err != nil {
		t.Fatal(err)
	}
	t.Logf("screenshot: %s", path)

	run("hand back",
		chromedp.Click(chromedp.CSS("#handback")),
		chromedp.WaitVisible(chromedp.CSS("#takeover")),
		chromedp.WaitVisible(`//ol[@id="events"]//strong[contains(., "handoff_ended")]`),
	)
	if c, _ := b.store.Conversation(b.ctx, b.conv); c.Owner != agent.OwnerAI {
		t.Fatalf("after hand-back the owner is %q", c.Owner)
	}

	run("open the list on a tablet",
		chromedp.EmulateViewport(820, 1180),
		chromedp.Navigate(b.srv.URL+"/console/?channel=sms"),
		chromedp.WaitVisible(`//tbody[@id="rows"]//a[contains(., "Maria Lopez")]`),
		chromedp.WaitVisible(chromedp.CSS(`body[data-live="true"]`)),
		// The dismissed draft no longer flags the conversation.
		chromedp.WaitNotPresent(`//tbody[@id="rows"]//span[contains(@class,"flag-blocked")]`),
	)
	tablet, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
	if err != nil {
		t.Fatalf("tablet screenshot: %v", err)
	}
	path = filepath.Join(dir, "console-list-tablet.png")
	if err := os.WriteFile(path, tablet, 0o644); err != nil {
		t.Fatal(err)
	}
	t.Logf("screenshot: %s", path)
}

// newBrowser starts headless Chromium for one test, with a 3-minute
// budget, and returns its context and a runner that fails the test on the
// first step that fails.
func newBrowser(t *testing.T, b *testBundle) (context.Context, func(step string, actions ...chromedp.Action[chromedp.Void])) {
	t.Helper()
	exe := chromium(t)
	alloc, cancelAlloc := chromedp.NewExecAllocator(b.ctx,
		chromedp.ExecPath(exe),
		chromedp.Headless,
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck,
		chromedp.Flag("disable-dev-shm-usage", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.UserDataDir(t.TempDir()),
		chromedp.WindowSize(1280, 900),
	)
	t.Cleanup(cancelAlloc)
	ctx, cancel := chromedp.NewContext(alloc, chromedp.WithLogf(t.Logf))
	t.Cleanup(cancel)
	ctx, cancelTimeout := context.WithTimeout(ctx, 3*time.Minute)
	t.Cleanup(cancelTimeout)
	run := func(step string, actions ...chromedp.Action[chromedp.Void]) {
		t.Helper()
		if err := chromedp.Do(ctx, actions...); err != nil {
			t.Fatalf("%s: %v", step, err)
		}
	}
	return ctx, run
}

// signIn opens path, which asks to sign in first, and signs in as user.
func signIn(b *testBundle, user, path string, then ...chromedp.Action[chromedp.Void]) []chromedp.Action[chromedp.Void] {
	return append([]chromedp.Action[chromedp.Void]{
		chromedp.Navigate(b.srv.URL + path),
		chromedp.WaitVisible(chromedp.CSS("#login-form")),
		chromedp.SendKeys(chromedp.CSS("#name"), user),
		chromedp.SendKeys(chromedp.CSS("#password"), testPassword),
		chromedp.Click(chromedp.CSS("#login-form button[type=submit]")),
	}, then...)
}
