package textclass

import (
	"slices"
	"testing"
	"time"
)

// benchTexts are messages of about 200 characters, English and Chinese,
// the size the speed target is set for.
var benchTexts = []string{
	"Hi, I lost my job last month and honestly I can't pay the full amount right now. Could we do something like $50 a month until I find work? Also please don't call me at work, text is fine.",
	"This is the second time I'm telling you: I do NOT owe this money, I paid it off in March and I have the receipt. Send me proof in writing or stop contacting me, I'm talking to a lawyer.",
	"您好，我这个月工资还没发，下个礼拜一定还款，能不能先宽限几天？另外请不要打我公司电话，有事发短信就行，谢谢。我之前已经还了三期了，剩下的想分期慢慢还，每个月大概还五百块钱可以吗？麻烦帮我看看怎么办理。",
	"Dear customer, your payment of $240 is overdue. If we do not receive it by Friday we will have no choice but to contact your employer and family about this debt. Act now to avoid further consequences.",
	"王先生您好，您的账户目前逾期金额为3,200元，如您在本周内还款，我们可以为您申请减免部分利息。如有困难，也可以联系我们协商分期还款方案。如果还是不还，我们会联系你的家人和单位。",
}

// BenchmarkIntents200 and BenchmarkContent200 classify each message in
// turn; ns/op is the mean per message, and the median over messages of
// each one's mean time is reported too.
func BenchmarkIntents200(b *testing.B) { benchModel(b, Intents()) }

func BenchmarkContent200(b *testing.B) { benchModel(b, Content()) }

func benchModel(b *testing.B, m *Model) {
	var buf Buffer
	for _, t := range benchTexts {
		m.Above(t, &buf) // grow the buffer
	}
	per := make([]time.Duration, len(benchTexts))
	b.ReportAllocs()
	b.ResetTimer()
	i := 0
	for b.Loop() {
		k := i % len(benchTexts)
		start := time.Now()
		m.Above(benchTexts[k], &buf)
		per[k] += time.Since(start)
		i++
	}
	b.StopTimer()
	runs := max(1, i/len(benchTexts))
	for k := range per {
		per[k] /= time.Duration(runs)
	}
	slices.Sort(per)
	b.ReportMetric(float64(per[len(per)/2].Nanoseconds()), "median-ns/msg")
}
