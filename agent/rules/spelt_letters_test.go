package rules

import (
	"slices"
	"testing"

	"github.com/parley-collections/parley/agent"
)

// TestLettersAndOldNumeralsSpoken: a British postcode spelled out on a call
// whose letters the normalization writes out as words (R as "are", U as
// "you", Y as "why") keeps those letters; a Chinese date with 廿 or 卅
// for twenty or thirty (三月廿八, 十月卅一) is the 28th or the 31st.
func TestLettersAndOldNumeralsSpoken(t *testing.T) {
	t.Parallel()
	askPost := agentSaid("To protect your privacy, please confirm your date of birth and your postcode.")
	askID := agentSaid("为了保护您的隐私，请提供您的出生日期和身份证号码后四位。")
	for _, tc := range []struct {
		text      string
		history   []agent.Message
		dob, post string
	}{
		{text: "the postcode's N R four, seven U R", history: askPost, post: "NR47UR"},
		{text: "B R two, eight Y R and I was born the ninth of June 1975", history: askPost, dob: "1975-06-09", post: "BR28YR"},
		{text: "我八八年三月廿八出世，尾号五五零二", history: askID, dob: "1988-03-28"},
		{text: "出生日期一九七九年十月卅一日", history: askID, dob: "1979-10-31"},
	} {
		cmds := runWith(t, tc.text, tc.history)
		dobs, posts := claimed(cmds, agent.IdentityDOB), claimed(cmds, agent.IdentityPostcode)
		if tc.dob != "" && !slices.Contains(dobs, tc.dob) {
			t.Errorf("%q: dates of birth %q, want %s", tc.text, dobs, tc.dob)
		}
		if tc.post != "" && !slices.Contains(posts, tc.post) {
			t.Errorf("%q: postcodes %q, want %s", tc.text, posts, tc.post)
		}
	}
}
