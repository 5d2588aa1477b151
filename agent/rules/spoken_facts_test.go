package rules

import (
	"slices"
	"testing"

	"github.com/parley-collections/parley/agent"
)

// TestLooselySpokenIdentity: identity facts as they come out of a call or
// a quick message: a cardinal day in words ("five march"), a two-digit year
// in words after the month and day ("march fifth ninety one"), a Chinese
// date with no 日 after the day (1991年3月5), Chinese digits said one by
// one (四四一七, 一九九一年), and a British postcode spelled out letter by
// letter with its numbers in words. A wrong value is read as written, so it
// matches nothing.
func TestLooselySpokenIdentity(t *testing.T) {
	t.Parallel()
	askZIP := agentSaid("To protect your privacy, please confirm your date of birth and your ZIP code.")
	askPost := agentSaid("To protect your privacy, please confirm your date of birth and your postcode.")
	askID := agentSaid("为了保护您的隐私，请提供您的出生日期和身份证号码后四位。")
	for _, tc := range []struct {
		text             string
		history          []agent.Message
		dob, post, last4 string
		notDOB           string
	}{
		{text: "born five march nineteen ninety one, zip seven three three oh one", history: askZIP, dob: "1991-03-05", post: "73301"},
		{text: "my date of birth is eleven october nineteen seventy and pin code five six zero zero three four", history: askPost, dob: "1970-10-11", post: "560034"},
		{text: "november nine nineteen eighty, zip is 73301", history: askZIP, dob: "1980-11-09", post: "73301"},
		{text: "um it was march fifth ninety one and my zip's seven three three oh one", history: askZIP, dob: "1991-03-05", post: "73301"},
		{text: "birthday october thirtieth sixty eight", history: askZIP, dob: "1968-10-30"},
		{text: "the fourth of july eighty two, zip 73301", history: askZIP, dob: "1982-07-04", post: "73301"},
		{text: "postcode is S W one A, one A A and I was born the second of may 1990", history: askPost, dob: "1990-05-02", post: "SW1A1AA"},
		{text: "the postcode's L S six, four A B", history: askPost, post: "LS64AB"},
		{text: "B S eleven nine Q T is the postcode", history: askPost, post: "BS119QT"},
		{text: "1991年3月5，身份证后四位4417", history: askID, dob: "1991-03-05", last4: "4417"},
		{text: "生日92年11月3，尾号2208", history: askID, dob: "1992-11-03", last4: "2208"},
		{text: "我九二年三月五號生，身份證後四位係四四一七", history: askID, dob: "1992-03-05", last4: "4417"},
		{text: "出生日期一九九一年三月五日，尾号二零八八", history: askID, dob: "1991-03-05", last4: "2088"},
		{text: "born march fifth ninety one", history: askZIP, dob: "1991-03-05", notDOB: "1990-03-05"},
		{text: "hi you rang about the phone bill i think, my birthday is may third seventy two and zip oh four one oh one", dob: "1972-05-03", post: "04101"},
	} {
		cmds := runWith(t, tc.text, tc.history)
		dobs, posts, ids := claimed(cmds, agent.IdentityDOB), claimed(cmds, agent.IdentityPostcode), claimed(cmds, agent.IdentityIDLast4)
		if tc.dob != "" && !slices.Contains(dobs, tc.dob) || tc.notDOB != "" && slices.Contains(dobs, tc.notDOB) {
			t.Errorf("%q: dates of birth %q, want %s", tc.text, dobs, tc.dob)
		}
		if tc.post != "" && !slices.Contains(posts, tc.post) {
			t.Errorf("%q: postcodes %q, want %s", tc.text, posts, tc.post)
		}
		if tc.last4 != "" && !slices.Equal(ids, []string{tc.last4}) {
			t.Errorf("%q: ID last four %q, want %s", tc.text, ids, tc.last4)
		}
		if _, plan := first(cmds, agent.IntentProposePlan); plan {
			t.Errorf("%q: read as a plan: %+v", tc.text, cmds)
		}
	}
}

// TestSpokenWordsStayWords: the readings above do not turn everyday
// numbers into facts: an amount in words after a month, a count of months,
// and Chinese digits that are a sum stay what they are.
func TestSpokenWordsStayWords(t *testing.T) {
	t.Parallel()
	for _, text := range []string{"i can pay in june two hundred", "can i start in march fifty a month", "三五百块可以吗"} {
		cmds := runWith(t, text, nil)
		if dobs := claimed(cmds, agent.IdentityDOB); len(dobs) > 0 {
			t.Errorf("%q: read a date of birth %q", text, dobs)
		}
	}
}

// TestHowMuchAreWeTalking: "how much are we talking (about)" asks for the balance.
func TestHowMuchAreWeTalking(t *testing.T) {
	t.Parallel()
	for _, text := range []string{"so how much are we talking about here", "ok how much we talking", "alright how much are we looking at"} {
		cmds := runWith(t, text, nil)
		if _, ok := first(cmds, agent.IntentAskBalance); !ok {
			t.Errorf("%q: no balance question in %+v", text, cmds)
		}
	}
}
