package rules

import (
	"testing"

	"github.com/parley-collections/parley/agent"
)

// threeSpans are three monthly plans of different lengths: 4, 8 and 12
// payments, the smallest payment last.
var threeSpans = []agent.Plan{
	installmentOffer("1", 4, "450.00"),
	installmentOffer("2", 8, "225.00"),
	installmentOffer("3", 12, "150.00"),
}

// TestOfferPickedByPlaceInList: an option picked by where it sits in the
// list as the borrower saw it (the top, the bottom, uppermost, 最上面,
// 最下面, sabse upar, sabse neeche) chooses that one, in English, Chinese
// and Hinglish; the same words about something else choose nothing.
func TestOfferPickedByPlaceInList(t *testing.T) {
	t.Parallel()
	wantChosen(t, threeSpans, []pickCase{
		{"the top one is fine", "1"},
		{"put me on the top option", "1"},
		{"I'll go with the plan at the top", "1"},
		{"the bottom one, thanks", "3"},
		{"最上面那个就行", "1"},
		{"要最下面的那个", "3"},
		{"最底下那个吧", "3"},
		{"sabse upar wala theek hai", "1"},
		{"sabse niche wali kar do", "3"},
		{"sabse neeche wala le lunga", "3"},
	})
	for _, text := range []string{
		"I'm at the top of my overdraft",
		"top priority is keeping the car",
		"最上面写的是什么意思",
	} {
		if c, ok := first(readWith(t, text, threeSpans), agent.IntentAcceptOffer); ok && c.OfferID != "" {
			t.Errorf("%q chooses option %s", text, c.OfferID)
		}
	}
}

// TestOfferPickedByNumberOfInstalments: in Chinese the length of a plan is
// said as its number of instalments (期数): 期数最短, 期数最多, 期数最少的
// choose by it when one plan fits.
func TestOfferPickedByNumberOfInstalments(t *testing.T) {
	t.Parallel()
	wantChosen(t, threeSpans, []pickCase{
		{"期数最短的那个", "1"},
		{"我要期数最多的", "3"},
		{"选期数最少的方案", "1"},
		{"the one with the fewest instalments please", "1"},
	})
}

// pickCase is a message and the number of the option it should choose.
type pickCase struct{ text, id string }

// wantChosen reads each message with table open and wants its option chosen.
func wantChosen(t *testing.T, table []agent.Plan, cases []pickCase) {
	t.Helper()
	for _, tc := range cases {
		cmds := readWith(t, tc.text, table)
		if c, ok := first(cmds, agent.IntentAcceptOffer); !ok || c.OfferID != tc.id {
			t.Errorf("%q read as %+v; want offer %s chosen", tc.text, cmds, tc.id)
		}
	}
}
