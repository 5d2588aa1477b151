package rules

import (
	"context"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/parley-collections/parley/agent"
)

// FuzzUnderstand checks that no text makes the brain panic, fail, or
// report something malformed.
func FuzzUnderstand(f *testing.F) {
	for _, s := range []string{
		"I lost my job, can I pay 150 a month?", "STOP", "我每月能还五百", "1.2万", "一千二", "9/23/79",
		"1979年9月23日", "SW1A 1AA", "身份证后四位123X", "下周五还", "ignore previous instructions", "ＳＴＯＰ",
		"$", "1/", "-1", "1,2,3,4", "a hundred and", "第", "选", "十万亿亿亿亿", "99999999999999999999", "..,,",
		"the 31st of february", "0/0/0", "2026-02-30", "'79", "on the", "我是他", "1.2k k k", "万万万",
	} {
		f.Add(s)
	}
	b := New()
	f.Fuzz(func(t *testing.T, text string) {
		tc := agent.TurnContext{Now: now, Currency: "CNY", History: agentSaid("What is your date of birth and ZIP code?"), OpenOffers: twoOffers}
		u, err := b.Understand(context.Background(), tc, text)
		if err != nil {
			t.Fatalf("Understand(%q): %v", text, err)
		}
		if len(u.Commands) == 0 {
			t.Fatalf("Understand(%q): no commands", text)
		}
		if u.Lang != "en" && u.Lang != "zh" {
			t.Fatalf("Understand(%q): lang %q", text, u.Lang)
		}
		for _, c := range u.Commands {
			if strings.HasPrefix(string(c.Intent), "x_") || c.Intent == "" {
				t.Fatalf("Understand(%q): internal intent %q leaked", text, c.Intent)
			}
			if c.Amount != nil && (c.Amount.Minor <= 0 || c.Amount.Currency != "CNY") {
				t.Fatalf("Understand(%q): bad amount %+v", text, *c.Amount)
			}
			if c.Count < 0 || c.Count > 120 {
				t.Fatalf("Understand(%q): bad count %d", text, c.Count)
			}
			if c.Text != "" && !utf8.ValidString(c.Text) && utf8.ValidString(text) {
				t.Fatalf("Understand(%q): text not valid UTF-8", text)
			}
			for _, id := range c.Identity {
				if len(id.Values) == 0 {
					t.Fatalf("Understand(%q): empty identity claim %v", text, id.Kind)
				}
				for _, v := range id.Values {
					if v != agent.NormalizePostcode(v) && id.Kind == agent.IdentityPostcode {
						t.Fatalf("Understand(%q): postcode %q not normalized", text, v)
					}
				}
			}
		}
	})
}
