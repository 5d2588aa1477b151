package agent

import (
	"regexp"
	"slices"
	"strings"
	"unicode"

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

// otherLanguages are languages the assistant does not write, by a name a
// borrower may use, with their names in English and Chinese.
var otherLanguages = []struct {
	re     *regexp.Regexp
	en, zh string
}{
	{regexp.MustCompile(`(?i)\b(?:spanish|espa[ñn]ol|castellano)\b`), "Spanish", "西班牙语"},
	{regexp.MustCompile(`(?i)\bhindi\b|हिंदी|हिन्दी`), "Hindi", "印地语"},
	{regexp.MustCompile(`(?i)\btamil\b|தமிழ்`), "Tamil", "泰米尔语"},
	{regexp.MustCompile(`(?i)\b(?:telugu|marathi|kannada|malayalam|gujarati|punjabi)\b`), "", ""},
	{regexp.MustCompile(`(?i)\b(?:bengali|bangla)\b`), "Bengali", "孟加拉语"},
	{regexp.MustCompile(`(?i)\burdu\b`), "Urdu", "乌尔都语"},
	{regexp.MustCompile(`(?i)\b(?:french|fran[çc]ais)\b`), "French", "法语"},
	{regexp.MustCompile(`(?i)\b(?:portuguese|portugu[êe]s)\b`), "Portuguese", "葡萄牙语"},
	{regexp.MustCompile(`(?i)\b(?:vietnamese|korean|tagalog|arabic|russian|polish)\b`), "", ""},
}

// askOther is the shape of a request for a language: a verb of speaking
// or writing, "in" or "en", a please, or a question.
var askOther = regexp.MustCompile(`(?i)\b(?:in|en|speak\w*|write|reply|respond|talk|text|habl\w*|escrib\w*|mein|please|por favor|kripya)\b|में|\?|？`)

// otherLanguage reports a language the borrower asks for that the
// assistant does not write (its names in English and Chinese; a language
// named without its own template is named by the words of the message),
// or unread when the message is written mostly in a script the assistant
// does not read (Devanagari, Tamil, Arabic...). Crisis words in such a
// script are read by the brain and answered before this.
func otherLanguage(text string) (en, zh string, unread bool) {
	if askOther.MatchString(text) {
		for _, l := range otherLanguages {
			if m := l.re.FindString(text); m != "" {
				if l.en == "" {
					name := strings.ToUpper(m[:1]) + strings.ToLower(m[1:])
					return name, name, false
				}
				return l.en, l.zh, false
			}
		}
	}
	known, other := 0, 0
	for _, r := range text {
		switch {
		case unicode.IsLetter(r) && (r < 0x0250 || unicode.Is(unicode.Han, r) || r >= 0xFF21 && r <= 0xFF5A):
			known++
		case unicode.IsLetter(r) || unicode.IsMark(r):
			other++
		}
	}
	return "", "", other > 0 && other > known
}

// otherLanguageAck answers a request for a language the assistant does
// not write, or a message it cannot read, honestly, with a person
// offered, when the message asked for nothing the flows answer.
func (f *flow) otherLanguageAck() {
	for _, c := range f.cmds {
		switch c.Intent {
		case IntentUnknown, IntentGreeting, IntentQuestion, IntentThanks, IntentAffirm, IntentDeny, IntentVulnerability:
		default:
			if f.unread && f.otherLang == "" && slices.ContainsFunc(f.cmds, func(c Command) bool { return strings.HasPrefix(string(c.Intent), "ask_") }) {
				// A question read in a script the assistant does not
				// write is answered in English, with a person offered
				// for the language.
				f.say(prompts.Language{Unread: true, Answered: true})
			}
			return
		}
	}
	f.handled = true
	f.done = true
	f.say(prompts.Language{Other: f.otherLang, OtherZh: f.otherLangZh, Unread: f.unread})
}
