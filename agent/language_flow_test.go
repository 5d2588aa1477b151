package agent_test

import (
	"strings"
	"testing"
	"unicode"

	"github.com/parley-collections/parley/agent"
)

func hasHan(s string) bool {
	for _, r := range s {
		if unicode.Is(unicode.Han, r) {
			return true
		}
	}
	return false
}

// "can you speak English?" in a Chinese conversation switches it to
// English for the rest of the conversation, and "说中文" back; the
// request is acknowledged, not misunderstood.
func TestLanguageSwitchForTheRestOfTheConversation(t *testing.T) {
	t.Parallel()
	b := setup(t, cnAccount(), agent.ChannelChat)
	first := b.turnLang("zh", "你好", cmd(agent.IntentGreeting))
	if !hasHan(text(first)) {
		t.Fatalf("a Chinese account's greeting: %q", text(first))
	}
	res := b.turnLang("en", "can you speak English?", cmd(agent.IntentUnknown))
	if hasHan(text(res)) || !strings.Contains(text(res), "English") {
		t.Fatalf("after asking for English: %q", text(res))
	}
	if res.Conversation.Locale != "en" {
		t.Fatalf("conversation locale %q, want en", res.Conversation.Locale)
	}
	c := identity("1990-08-08", "")
	c.Identity = append(c.Identity, last4("1234").Identity...)
	next := b.turnLang("", "1990-08-08 1234", c)
	// The creditor's name stays Chinese; the words around it are English.
	if !strings.Contains(text(next), "matches our records") {
		t.Fatalf("the next turn went back to Chinese: %q", text(next))
	}
	back := b.turnLang("zh", "说中文", cmd(agent.IntentUnknown))
	if !hasHan(text(back)) || back.Conversation.Locale != "zh" {
		t.Fatalf("after 说中文: %q (locale %q)", text(back), back.Conversation.Locale)
	}
	later := b.turnLang("en", "thanks", cmd(agent.IntentThanks))
	if !hasHan(text(later)) && text(later) != "" {
		t.Fatalf("an English word after 说中文 switched the language back: %q", text(later))
	}
}
