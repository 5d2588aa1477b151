package rules

import (
	"context"
	"regexp"
	"regexp/syntax"
	"slices"
	"strings"
	"testing"

	"github.com/parley-collections/parley/agent"
)

// TestContactRestrictions reads contact restrictions in English and
// Chinese, and no restriction in words about the moment or that allow
// contact.
func TestContactRestrictions(t *testing.T) {
	b := New()
	for _, tc := range []struct {
		text string
		want []string // names of the restrictions; nil: none
		also agent.Intent
	}{
		{"please don't call me at work", []string{"not at work"}, ""},
		{"don't contact me at my job", []string{"not at work"}, ""},
		{"never message me while I'm at work", []string{"not at work"}, ""},
		{"do not call my work number", []string{"not at work"}, ""},
		{"my boss doesn't allow personal calls, don't contact me at work", []string{"not at work"}, ""},
		{"do not call my office, my employer doesn't allow it", []string{"not at work"}, ""},
		{"kindly do not call on my office number", []string{"not at work"}, ""},
		{"don't contact me before noon", []string{"not before noon"}, ""},
		{"I can't talk before 12pm", []string{"not before noon"}, ""},
		{"no calls before midday please", []string{"not before noon"}, ""},
		{"please don't call before 12", []string{"not before noon"}, ""},
		{"and never before noon", []string{"not before noon"}, ""},
		{"only text me after 6pm", []string{"only by sms", "not before 6pm"}, ""},
		{"text only please, and only after 6pm", []string{"only by sms", "not before 6pm"}, ""},
		{"just text me, after 6 pm", []string{"only by sms", "not before 6pm"}, ""},
		{"only contact me by email", []string{"only by email"}, ""},
		{"email only please", []string{"only by email"}, ""},
		{"please just email me from now on", []string{"only by email"}, ""},
		{"I only want to hear from you by email", []string{"only by email"}, ""},
		{"don't contact me on weekends", []string{"not on weekends"}, ""},
		{"no calls on saturday or sunday please", []string{"not on weekends"}, ""},
		{"please never text me at the weekend", []string{"not on weekends"}, ""},
		{"don't call me after 9pm", []string{"not after 9pm"}, ""},
		{"no messages after 9 at night please", []string{"not after 9pm"}, ""},
		{"nothing after 9pm", []string{"not after 9pm"}, ""},
		{"please only contact me after 6pm, I can't take calls at work", []string{"not at work", "not before 6pm"}, ""},
		{"email only please, and never before noon", []string{"only by email", "not before noon"}, ""},
		{"don't text me at work. what's my balance?", []string{"not at work"}, agent.IntentAskBalance},
		{"不要打我单位电话", []string{"not at work"}, ""},
		{"别打我公司电话", []string{"not at work"}, ""},
		{"上班的时候不要联系我", []string{"not at work"}, ""},
		{"请不要联系我单位", []string{"not at work"}, ""},
		{"晚上九点以后别联系我", []string{"not after 9pm"}, ""},
		{"晚上9点后不要打电话", []string{"not after 9pm"}, ""},
		{"21点以后不要给我打电话", []string{"not after 9pm"}, ""},
		{"中午12点之前别联系我", []string{"not before noon"}, ""},
		{"中午之前不要打电话", []string{"not before noon"}, ""},
		{"上午别给我打电话", []string{"not before noon"}, ""},
		{"只能发短信", []string{"only by sms"}, ""},
		{"只发短信联系我", []string{"only by sms"}, ""},
		{"请只用短信联系我", []string{"only by sms"}, ""},
		{"以后只用邮件联系我", []string{"only by email"}, ""},
		{"周末不要联系我", []string{"not on weekends"}, ""},
		{"周六周日别打电话", []string{"not on weekends"}, ""},
		{"晚上6点以后再联系我", []string{"not before 6pm"}, ""},
		{"不要 call 我 at work", []string{"not at work"}, ""},
		{"only after 12 please, I work nights", []string{"not before noon"}, ""},
		{"put everything in writing by email please", []string{"only by email"}, ""},
		{"my office is off limits, never ring me there", []string{"not at work"}, ""},
		{"keep your calls away from my workplace", []string{"not at work"}, ""},
		{"keep the texts to weekdays please", []string{"not on weekends"}, ""},
		{"weekdays only for your messages", []string{"not on weekends"}, ""},
		{"can we keep all this to email going forward", []string{"only by email"}, ""},
		{"let's stick to email from now on", []string{"only by email"}, ""},
		{"周末是陪家人的时间，只在工作日联系我", []string{"not on weekends"}, ""},
		{"以后都走邮件吧", []string{"only by email"}, ""},
		{"I work weekdays only", nil, ""},
		{"keep the change", nil, ""},
		{"I'm busy right now, can we talk later?", nil, ""},
		{"I'm at work right now", nil, ""},
		{"you can call me at work, that's fine", nil, ""},
		{"I can't pay before the 15th", nil, ""},
		{"I lost my job and can't pay", nil, agent.IntentHardship},
		{"stop texting me", nil, agent.IntentOptOut},
		{"别再联系我了", nil, agent.IntentCease},
		{"I'll pay 100 a month, but do not call me at work", []string{"not at work"}, agent.IntentProposePlan},
	} {
		got, intents := restrictionNames(t, b, tc.text)
		want := slices.Clone(tc.want)
		slices.Sort(want)
		if !slices.Equal(got, want) {
			t.Errorf("%q: restrictions %q, want %q (%v)", tc.text, got, want, intents)
		}
		if tc.want != nil && (slices.Contains(intents, agent.IntentOptOut) || slices.Contains(intents, agent.IntentCease)) {
			t.Errorf("%q: a restriction read as an opt-out or a cease too: %v", tc.text, intents)
		}
		if tc.also != "" && !slices.Contains(intents, tc.also) {
			t.Errorf("%q: %v lacks %s", tc.text, intents, tc.also)
		}
	}
}

// restrictionNames reads text and returns the names of the restrictions
// read, sorted, and the intents of the reading.
func restrictionNames(t *testing.T, b *Brain, text string) ([]string, []agent.Intent) {
	t.Helper()
	u, err := b.Understand(context.Background(), agent.TurnContext{Currency: "USD"}, text)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	var intents []agent.Intent
	for _, c := range u.Commands {
		intents = append(intents, c.Intent)
		for _, r := range c.Restrictions {
			got = append(got, agent.RestrictionNames(r)...)
		}
	}
	slices.Sort(got)
	return got, intents
}

// TestContactRestrictionsSaidAsPreferences: e-mail asked for beside calls
// or texts refused, over one or two sentences, is contact by e-mail only;
// "nothing before 7pm" needs no word for contact; "can't pick up" is one.
func TestContactRestrictionsSaidAsPreferences(t *testing.T) {
	t.Parallel()
	b := New()
	for _, tc := range []struct {
		text string
		want []string
	}{
		{"please email me instead, no phone calls or texts", []string{"only by email"}},
		{"If you have to reach me, use email. Stop phoning.", []string{"only by email"}},
		{"Please quit calling. Email would be better for me.", []string{"only by email"}},
		{"有事发邮件到我邮箱，不要打电话", []string{"only by email"}},
		{"nothing before 7pm, I'm on shift all day", []string{"not before 7pm"}},
		{"I'm at the depot until 4 so I can't pick up before 4pm", []string{"not before 4pm"}},
		// A preference with nothing refused restricts nothing.
		{"email is fine too if that's easier", nil},
	} {
		got, intents := restrictionNames(t, b, tc.text)
		if !slices.Equal(got, tc.want) {
			t.Errorf("%q: restrictions %q, want %q (%v)", tc.text, got, tc.want, intents)
		}
	}
}

// TestOnlyWordsInEveryChannelPattern: every pattern of reChannelEN holds
// "only", "just" or "in writing", which onlyWords looks for before them.
func TestOnlyWordsInEveryChannelPattern(t *testing.T) {
	t.Parallel()
	for _, re := range reChannelEN {
		if src := re.String(); !strings.Contains(src, "only") && !strings.Contains(src, "just") && !strings.Contains(src, "in writing") {
			t.Errorf("%s needs none of the words onlyWords looks for", src)
		}
	}
	for _, s := range []string{"only email me", "just text me", "email only", "in writing by email please"} {
		if !onlyWords(s) {
			t.Errorf("onlyWords(%q) = false", s)
		}
	}
}

// TestEmailPreferenceNeedsMailWords: each way rePreferEmail reads e-mail
// asked for holds a word of preferEmailWords, which emailPreferred looks
// for before it.
func TestEmailPreferenceNeedsMailWords(t *testing.T) {
	t.Parallel()
	for _, s := range []string{"email me", "use my e-mail", "by email instead", "e-mail would be better", "write to me by email",
		"发邮件给我", "寄个电子邮件到", "用邮箱联系"} {
		if !rePreferEmail.MatchString(s) {
			t.Errorf("rePreferEmail does not match %q", s)
		}
		if !hasAny(s, preferEmailWords) {
			t.Errorf("%q holds none of preferEmailWords", s)
		}
	}
}

// TestChineseRestrictionPatternsNeedNonASCII: no Chinese restriction
// pattern can match a text of ASCII characters alone, which
// readRestrictions relies on to leave them out on such a sentence. The
// check follows each compiled pattern on ASCII runes only (every branch
// and every empty-width assertion taken) and fails if it reaches a match.
func TestChineseRestrictionPatternsNeedNonASCII(t *testing.T) {
	t.Parallel()
	res := []*regexp.Regexp{reContactZH, reKeepToZH, reWeekdaysZH, reChannelZH, reTimeZH, reBareZH, reEveningZH}
	res = append(append(res, rePlaceZH...), reDaysZH...)
	for _, re := range res {
		if asciiMatch(t, re) {
			t.Errorf("%s can match a text of ASCII characters alone", re)
		}
	}
	for _, re := range []*regexp.Regexp{reContactEN, rePlaceEN, reNegBeforeEN} {
		if !asciiMatch(t, re) {
			t.Errorf("asciiMatch(%s) = false, want true", re)
		}
	}
	for _, s := range []string{"不要打我单位电话", "晚上九点以后别联系我", "只能发短信"} {
		if !nonASCII(s) {
			t.Errorf("nonASCII(%q) = false", s)
		}
	}
	if nonASCII("don't call me at work after 9pm") {
		t.Error(`nonASCII("don't call me at work after 9pm") = true`)
	}
}

// asciiMatch reports whether re's program can reach a match reading only
// runes below 0x80.
func asciiMatch(t *testing.T, re *regexp.Regexp) bool {
	t.Helper()
	parsed, err := syntax.Parse(re.String(), syntax.Perl)
	if err != nil {
		t.Fatal(err)
	}
	prog, err := syntax.Compile(parsed.Simplify())
	if err != nil {
		t.Fatal(err)
	}
	seen := make([]bool, len(prog.Inst))
	stack := []uint32{uint32(prog.Start)}
	for len(stack) > 0 {
		pc := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if seen[pc] {
			continue
		}
		seen[pc] = true
		in := &prog.Inst[pc]
		switch in.Op {
		case syntax.InstMatch:
			return true
		case syntax.InstFail:
		case syntax.InstAlt, syntax.InstAltMatch:
			stack = append(stack, in.Out, in.Arg)
		case syntax.InstRune, syntax.InstRune1, syntax.InstRuneAny, syntax.InstRuneAnyNotNL:
			for r := rune(0); r < 0x80; r++ {
				if in.MatchRune(r) {
					stack = append(stack, in.Out)
					break
				}
			}
		default: // empty-width assertions, captures, no-ops
			stack = append(stack, in.Out)
		}
	}
	return false
}

// TestTimePatternsNeedBeforeOrAfter: every English time pattern holds
// "before" or "after", which readRestrictions looks for before them.
func TestTimePatternsNeedBeforeOrAfter(t *testing.T) {
	t.Parallel()
	for _, re := range []*regexp.Regexp{reNegBeforeEN, reNegAfterEN, reOnlyAfterEN, reOnlyBeforeEN} {
		if src := re.String(); !strings.Contains(src, `\bbefore\s+`) && !strings.Contains(src, `\bafter\s+`) {
			t.Errorf("%s needs neither before nor after", src)
		}
	}
}

// TestEnglishRestrictionPatternsNeedTheirWords: the workplace, off-limits,
// keep-to and weekday patterns each need one of the words readRestrictions
// looks for before them: every alternative of the pattern's last group
// (or of the pattern) holds one.
func TestEnglishRestrictionPatternsNeedTheirWords(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		re    *regexp.Regexp
		words []string
		alts  []string // the alternatives one of which every match holds
	}{
		{rePlaceEN, placeWords, []string{"work", "job", "office", "workplace", "place of work", "employer"}},
		{reOffLimitsEN, offLimitsWords, []string{"off[- ]limits", "out of bounds", "a no[- ]go", `\bkeep\b`}},
		{reKeepToEN, keepToWords, []string{"keep", "stick", "stay"}},
		{reWeekdaysEN, weekdaysOnlyWords, []string{`to\s+weekdays`, "weekdays only", "only (?:on )?weekdays", "only (?:on )?business days", "monday to friday only"}},
	} {
		src := tc.re.String()
		for _, alt := range tc.alts {
			if !strings.Contains(src, alt) {
				t.Errorf("%s: no alternative %s", src, alt)
			}
			plain := strings.NewReplacer(`\b`, "", "[- ]", " ", `\s+`, " ", "(?:on )?", "").Replace(alt)
			if !slices.ContainsFunc(tc.words, func(w string) bool { return strings.Contains(plain, w) }) {
				t.Errorf("%s: the alternative %s holds none of %q", src, alt, tc.words)
			}
		}
	}
	for _, s := range []string{"don't call me at work", "my office is off limits", "keep it to email", "only on weekdays please", "a no-go"} {
		if !hasAny(s, placeWords) && !hasAny(s, offLimitsWords) && !hasAny(s, keepToWords) && !hasAny(s, weekdaysOnlyWords) {
			t.Errorf("%q holds none of the words", s)
		}
	}
}

// TestAskingForAPersonInOtherChineseWords: asking for a person to step in
// or handle it, not only to be transferred, asks for a person.
func TestAskingForAPersonInOtherChineseWords(t *testing.T) {
	t.Parallel()
	for _, text := range []string{"可以让人工帮我看看吗", "请人工介入一下", "这事还是人工来办吧", "讓人工處理"} {
		if _, ok := first(readWith(t, text, nil), agent.IntentRequestHuman); !ok {
			t.Errorf("%q read as %+v, want a request for a person", text, readWith(t, text, nil))
		}
	}
}
