package policies

import (
	"strings"
	"testing"
	"time"
)

// TestLinkDigitsAreNotAmounts: a payment link's token may hold any digits;
// they are not amounts, while an amount beside the link still is.
func TestLinkDigitsAreNotAmounts(t *testing.T) {
	t.Parallel()
	g := Default()
	f := Facts{Jurisdiction: "US", Now: time.Date(2026, 11, 28, 20, 0, 0, 0, time.UTC), Timezone: "America/Chicago",
		RecipientVerified: true, HasBalance: true, Balance: 120000, AllowedAmounts: []Amount{15000}}
	link := "https://pay.example.com/p/eyJwIjoicGxhbl85OTk5In0.Zm9vMTIzNDU2"
	ok := g.Check(Proposal{Text: "Thank you. Pay $150.00 here: " + link + " This communication is from a debt collector.", Channel: "chat"}, f)
	for _, v := range ok.Violations {
		if v.Category == CatUngroundedAmount {
			t.Fatalf("digits in a link read as an amount: %+v", ok.Violations)
		}
	}
	bad := g.Check(Proposal{Text: "Pay $999.00 here: " + link, Channel: "chat"}, f)
	found := false
	for _, v := range bad.Violations {
		found = found || v.Category == CatUngroundedAmount
	}
	if !found {
		t.Fatalf("an ungrounded amount beside a link passed: %+v", bad)
	}
}

// TestLinkTokensSayNothing: a payment link's random token may spell a
// word of any lexicon family or a run of digits like a card number; what
// a link's path spells is not what the message says. The same words in
// the message's own text are still found.
func TestLinkTokensSayNothing(t *testing.T) {
	t.Parallel()
	g := Default()
	f := Facts{Jurisdiction: "US", Now: time.Date(2026, 11, 28, 20, 0, 0, 0, time.UTC), Timezone: "America/Chicago",
		RecipientVerified: true, HasBalance: true, Balance: 120000, AllowedAmounts: []Amount{15000}}
	for _, token := range []string{
		"eyJwIjoicGxhbl8x_shitZm9v.abc", "eyJ-dick-Zm9v.x", "eyJ_crap_0.arrest-Yz", "eyJ.4111111111111111_x", "jail_lawsuit-QQ.fuckme",
	} {
		text := "Thank you. Pay $150.00 here: https://pay.example.com/p/" + token + " This communication is from a debt collector."
		d := g.Check(Proposal{Text: text, Channel: "chat"}, f)
		if !d.Sendable() {
			t.Errorf("a link token blocked the message: %q %+v", token, d.Violations)
		}
	}
	d := g.Check(Proposal{Text: "Pay $150.00 here, you piece of shit: https://pay.example.com/p/abc This communication is from a debt collector.", Channel: "chat"}, f)
	if d.Sendable() {
		t.Errorf("profanity beside a link passed: %+v", d)
	}
}

// TestHasDottedLabel checks the shortcut of eachLink: a text in which
// readHost finds a host somewhere has a dotted label.
func TestHasDottedLabel(t *testing.T) {
	t.Parallel()
	texts := []string{"a.b", "pay at x-.y now", "see pay.example.com/x", "www.example", "end.", "1.50", ". .a", "a..b", "。。", "e.g. this"}
	for _, l := range loadLabelled(t, "testdata/labelled.jsonl") {
		texts = append(texts, string(foldBase(nil, l.Text)))
	}
	for _, text := range texts {
		b := []byte(text)
		host := false
		for i := range b {
			if readHost(b, i) > i {
				host = true
			}
		}
		if host && !hasDottedLabel(b) {
			t.Errorf("%q: readHost finds a host, hasDottedLabel reports none", text)
		}
	}
}

// TestNoticeAfterALinkStandsApart: a notice the guard adds after a message
// that ends with a link is set apart from it, so that no reader takes the
// notice into the link; in Chinese, where notices are joined without a
// space, it starts a new line.
func TestNoticeAfterALinkStandsApart(t *testing.T) {
	t.Parallel()
	g := Default()
	f := Facts{Jurisdiction: "US", Now: time.Date(2026, 11, 28, 20, 0, 0, 0, time.UTC), Timezone: "America/Chicago",
		RecipientVerified: true, HasBalance: true, Balance: 120000, AllowedAmounts: []Amount{20000}}
	link := "https://pay.example.com/p/eyJwIjoicGxhbl85OTk5In0.Zm9vMTIzNDU2"
	for _, text := range []string{
		"好的，已为您确认：分6期，每月还款$200.00。\n您可以通过以下安全链接付款：\n" + link,
		"Done: 6 monthly payments of $200.00. Pay securely here: " + link,
	} {
		d := g.Check(Proposal{Text: text, Channel: "chat"}, f)
		if !d.Sendable() {
			t.Fatalf("%q: not sendable: %+v", text, d.Violations)
		}
		rest, ok := strings.CutPrefix(d.Text, text)
		if !ok || rest == "" {
			t.Fatalf("%q revised to %q; want the notice added after it", text, d.Text)
		}
		if rest[0] != ' ' && rest[0] != '\n' {
			t.Errorf("the notice is joined to the link: %q", d.Text)
		}
	}
}
