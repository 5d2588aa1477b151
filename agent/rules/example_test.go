package rules_test

import (
	"context"
	"fmt"
	"time"

	"github.com/parley-collections/parley/agent"
	"github.com/parley-collections/parley/agent/rules"
)

func ExampleBrain_Understand() {
	b := rules.New()
	tc := agent.TurnContext{Currency: "USD", Now: time.Date(2026, 11, 28, 15, 0, 0, 0, time.UTC)}
	u, _ := b.Understand(context.Background(), tc, "I lost my job, can I pay 150 a month?")
	for _, c := range u.Commands {
		if c.Amount != nil {
			fmt.Println(c.Intent, c.Amount, c.Frequency)
			continue
		}
		fmt.Println(c.Intent)
	}
	fmt.Println(u.Lang, u.Brain)
	// Output:
	// hardship
	// propose_plan $150.00 monthly
	// en rules
}

func ExampleParseAmount() {
	for _, s := range []string{"a hundred and fifty bucks", "1.2万", "每月能还五百", "my zip is 60601"} {
		m, ok := rules.ParseAmount(s, "CNY")
		fmt.Println(m.Decimal(), ok)
	}
	// Output:
	// 150.00 true
	// 12000.00 true
	// 500.00 true
	// 0.00 false
}

func ExampleParseDate() {
	now := time.Date(2026, 11, 28, 15, 0, 0, 0, time.UTC) // a Saturday
	for _, s := range []string{"next friday", "下周五", "on the 15th", "3月15号"} {
		d, _ := rules.ParseDate(s, now)
		fmt.Println(d.Format("2006-01-02"))
	}
	// Output:
	// 2026-12-04
	// 2026-12-04
	// 2026-12-15
	// 2027-03-15
}
