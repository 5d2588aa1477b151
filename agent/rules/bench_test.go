package rules

import (
	"context"
	"testing"

	"github.com/parley-collections/parley/agent"
)

// benchMessages are typical borrower messages in both languages.
var benchMessages = []string{
	"I lost my job, can I pay 150 a month?",
	"how much do I owe",
	"STOP",
	"my date of birth is April 12 1985 and my zip is 60601",
	"I'll pay $200 next friday",
	"this isn't my debt, stop calling me",
	"我失业了，每个月只能还三百",
	"下周五还五百块",
	"你是机器人吗",
	"yes that works, I'll take option 2",
	"I'm her husband, what does she owe",
	"hey there, I got laid off last month and I'm struggling. could we do 75 every 2 weeks?",
}

// BenchmarkUnderstand reads one typical message per iteration.
func BenchmarkUnderstand(b *testing.B) {
	br := New()
	tc := agent.TurnContext{Now: now, Currency: "USD", History: agentSaid("What is your date of birth?")}
	ctx := context.Background()
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		if _, err := br.Understand(ctx, tc, benchMessages[i%len(benchMessages)]); err != nil {
			b.Fatal(err)
		}
		i++
	}
}

// BenchmarkUnderstandLong reads the longest message Understand looks at:
// maxText bytes of mixed English, Chinese and numbers.
func BenchmarkUnderstandLong(b *testing.B) {
	br := New()
	var long []byte
	for len(long) < maxText {
		long = append(long, benchMessages[len(long)%len(benchMessages)]...)
		long = append(long, ' ')
	}
	text := string(long[:maxText])
	tc := agent.TurnContext{Now: now, Currency: "USD"}
	ctx := context.Background()
	b.ReportAllocs()
	for b.Loop() {
		if _, err := br.Understand(ctx, tc, text); err != nil {
			b.Fatal(err)
		}
	}
}
