package rules

import (
	"testing"

	"github.com/parley-collections/parley/agent"
)

// TestMoneyTightInChinese: money said to be tight with a word between
// (手头很紧, 手头有点紧), cash flow that will not turn over, or a budget
// that is strained, is hardship, with or without an offer on the table;
// a tight schedule is not.
func TestMoneyTightInChinese(t *testing.T) {
	t.Parallel()
	for _, text := range []string{
		"我现在手头很紧，能不能少还一点", "这个月手头有点紧", "最近手頭比較緊", "资金周转不开", "实在周转不过来了",
		"家里经济很紧张", "最近经济拮据", "手头不宽裕",
	} {
		for _, offers := range [][]agent.Plan{nil, oneOffer} {
			if _, ok := first(readWith(t, text, offers), agent.IntentHardship); !ok {
				t.Errorf("%q (offers %d): %+v, want hardship", text, len(offers), readWith(t, text, offers))
			}
		}
	}
	for _, text := range []string{"时间很紧，我明天再说", "这个月安排得很紧凑"} {
		if _, ok := first(readWith(t, text, nil), agent.IntentHardship); ok {
			t.Errorf("%q read as hardship", text)
		}
	}
}
