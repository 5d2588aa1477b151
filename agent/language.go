package agent

import (
	"regexp"
	"strings"

	"github.com/parley-collections/parley/prompts"
)

// Explicit requests for a language: asking to speak, write or reply in it,
// or the language's name with "please". A message that only mentions a
// language ("my English is not very good") asks for nothing.
var (
	askEnglish = regexp.MustCompile(`(?i)\b(?:speak|write|reply|respond|answer|talk|continue|switch|change)\b[^.?!]{0,20}\b(?:in|to)?\s*english\b|\benglish\s*,?\s*please\b|\bin english\b[^.?!]{0,12}\bplease\b|\bplease\b[^.?!]{0,20}\bin english\b|\bdo you speak english\b|(?:说|讲|用|改成|换成|切换到?)(?:英文|英语)`)
	askChinese = regexp.MustCompile(`(?i)\b(?:speak|write|reply|respond|answer|talk|continue|switch|change)\b[^.?!]{0,20}\b(?:in|to)?\s*(?:chinese|mandarin)\b|\b(?:chinese|mandarin)\s*,?\s*please\b|\bin (?:chinese|mandarin)\b[^.?!]{0,12}\bplease\b|(?:说|讲|用|改成|换成|切换到?)(?:中文|汉语|普通话|华语)`)
)

// languageRequest returns "en" or "zh" when text asks to continue in that
// language, "" otherwise.
func languageRequest(text string) string {
	if !namesLanguage(text) {
		return ""
	}
	text = strings.TrimSpace(text)
	en, zh := askEnglish.FindStringIndex(text), askChinese.FindStringIndex(text)
	switch {
	case en != nil && (zh == nil || en[0] > zh[0]):
		return "en"
	case zh != nil:
		return "zh"
	}
	return ""
}

// languageNames are what every request askEnglish or askChinese matches
// holds, in lower case.
var languageNames = []string{"english", "chinese", "mandarin", "英文", "英语", "中文", "汉语", "普通话", "华语"}

// namesLanguage reports whether text holds one of languageNames in any
// case, as the patterns' (?i) reads them (it folds the long s, ſ, to s):
// without one, neither pattern can match, and most messages have none.
func namesLanguage(text string) bool {
	folded := strings.ToLower(strings.ReplaceAll(text, "ſ", "s"))
	for _, n := range languageNames {
		if strings.Contains(folded, n) {
			return true
		}
	}
	return false
}

// switchLanguage honours an explicit request for a language: the
// conversation continues in it until asked otherwise. It reports whether
// the turn asked.
func (f *flow) switchLanguage() bool {
	t := f.t
	want := languageRequest(t.Inbound.Text)
	if want == "" {
		return false
	}
	t.Locale = want
	t.Conversation.Locale = want
	return true
}

// languageAck acknowledges the switch when the message asked for nothing
// else; other requests in the same message are answered in the new
// language instead.
func (f *flow) languageAck() {
	for _, c := range f.cmds {
		switch c.Intent {
		case IntentUnknown, IntentGreeting:
		default:
			return
		}
	}
	f.handled = true
	f.say(prompts.Language{})
}
