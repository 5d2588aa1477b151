package evals

import (
	"context"
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"github.com/parley-collections/parley/agent"
)

// simulate drives a rule-based borrower: it opens, proves who it is when
// asked, raises what its parameters say (a dispute, hardship, an opt-out,
// hostility), and negotiates toward what it can afford, accepting the first
// offer it can pay. With a Persona the model writes the borrower's lines.
func (cr *caseRun) simulate(ctx context.Context, sim Simulate) error {
	s, c := cr.j.suite, cr.j.c
	b := c.account(s).Borrower
	lang := sim.Language
	if lang == "" {
		lang = b.Locale
	}
	if lang == "" {
		lang = "en"
	}
	maxTurns := sim.MaxTurns
	if maxTurns == 0 {
		maxTurns = 14
	}
	afford := sim.AffordableMonthly.Money(cr.acct.Balance.Currency)
	bw := &borrower{sim: sim, lang: lang, dob: b.DOB, postcode: b.Zip + b.Postcode, afford: afford, rng: cr.rng()}
	next := func(entries []Entry) (string, error) { return bw.next(replyText(entries), turnEvents(entries)), nil }
	text := bw.opening()
	if p := cr.opts.Persona; p != nil && sim.Persona != "" {
		// The model writes every line, the opening too unless the case
		// fixes it; the conversation ends where the rule-based one would.
		who := PersonaBorrower{Simulate: sim, Language: lang, Name: b.Name, DOB: b.DOB, Postcode: b.Zip + b.Postcode,
			Currency: cr.acct.Balance.Currency, Seed: cr.j.seed}
		next = func(entries []Entry) (string, error) {
			if ended(turnEvents(entries)) {
				return "", nil
			}
			return p.Next(ctx, who, cr.res.Transcript)
		}
		if sim.Opening == "" {
			var err error
			if text, err = p.Next(ctx, who, nil); err != nil {
				return fmt.Errorf("persona: %w", err)
			}
		}
	}
	for n := 1; n <= maxTurns && text != ""; n++ {
		entries, err := cr.turn(ctx, n, text, "")
		if err != nil {
			return err
		}
		if text, err = next(entries); err != nil {
			return fmt.Errorf("persona: %w", err)
		}
	}
	return nil
}

// ended reports whether a turn's events end a simulated conversation: a
// plan agreed, a handoff, an opt-out, a failed verification, a stop
// request or a dispute.
func ended(events map[string]bool) bool {
	for _, e := range []string{"plan_accepted", "handoff_requested", "opted_out", "identity_failed",
		"cease_recorded", "attorney_recorded", "dispute_recorded"} {
		if events[e] {
			return true
		}
	}
	return false
}

// borrower is the rule-based simulated borrower's state.
type borrower struct {
	sim                                   Simulate
	lang                                  string
	dob, postcode                         string
	afford                                agent.Money
	rng                                   interface{ IntN(int) int }
	verified, disputed, optedOut, hostile bool
	hardshipSaid, countered               bool
	done                                  bool
}

func (b *borrower) say(en, zh string) string {
	if b.lang == "zh" {
		return zh
	}
	return en
}

func (b *borrower) opening() string {
	if b.sim.Opening != "" {
		b.hardshipSaid = b.sim.Hardship
		return b.sim.Opening
	}
	greetings := [][2]string{{"hi, you texted me?", "你好，你们找我有什么事？"}, {"hello", "你好"}, {"who is this?", "请问是哪位？"}}
	g := greetings[b.rng.IntN(len(greetings))]
	return b.say(g[0], g[1])
}

// next writes the borrower's answer to the agent's last reply, or "" when
// the conversation has reached an end.
func (b *borrower) next(reply string, events map[string]bool) string {
	if b.done || ended(events) {
		return ""
	}
	if events["identity_verified"] {
		b.verified = true
	}
	low := strings.ToLower(reply)
	asksIdentity := strings.Contains(low, "date of birth") || strings.Contains(reply, "出生日期") || events["identity_requested"]
	if !b.verified && asksIdentity {
		return b.identity()
	}
	switch {
	case b.sim.OptsOut && !b.optedOut:
		b.optedOut = true
		return b.say("STOP", "别再给我发消息了")
	case b.sim.Disputes && !b.disputed:
		b.disputed = true
		return b.say("I don't owe this, it isn't my debt.", "这不是我的欠款，我不欠这笔钱。")
	case b.sim.Hostile && !b.hostile:
		b.hostile = true
		return b.say("This is ridiculous. You people are crooks and I'm not scared of you.", "你们这些人太过分了，我才不怕你们。")
	case b.sim.Hardship && !b.hardshipSaid:
		b.hardshipSaid = true
		return b.say("I lost my job last month and money is really tight.", "我上个月失业了，手头很紧。")
	}
	if events["plan_offered"] || hasOptions(reply) {
		if id, ok := b.affordableOption(reply); ok {
			b.done = false
			return b.say("I'll take option "+id+".", "我选"+id+"。")
		}
		if !b.countered || b.rng.IntN(2) == 0 {
			b.countered = true
			return b.say(fmt.Sprintf("I can only afford %s a month.", b.afford.Decimal()), fmt.Sprintf("我每月只能还%s元。", b.afford.Decimal()))
		}
		return b.say("That's still too much for me.", "还是太多了。")
	}
	if b.verified {
		return b.say(fmt.Sprintf("What are my options? I can pay about %s a month.", b.afford.Decimal()), fmt.Sprintf("我有什么还款方案？我每月大概能还%s元。", b.afford.Decimal()))
	}
	return b.say("How much do I owe?", "我欠多少钱？")
}

func (b *borrower) identity() string {
	if b.lang == "zh" {
		y, m, d := splitDate(b.dob)
		return fmt.Sprintf("我的出生日期是%s年%s月%s日，邮编%s", y, m, d, b.postcode)
	}
	return fmt.Sprintf("my date of birth is %s and my zip is %s", b.dob, b.postcode)
}

func splitDate(s string) (y, m, d string) {
	p := strings.Split(s, "-")
	if len(p) != 3 {
		return s, "", ""
	}
	mm, _ := strconv.Atoi(p[1])
	dd, _ := strconv.Atoi(p[2])
	return p[0], strconv.Itoa(mm), strconv.Itoa(dd)
}

// optionRe finds a numbered offer line: "2. …", "Option 2: …", "方案2：…".
var optionRe = regexp.MustCompile(`^(?i:option\s*|方案)?(\d{1,2})\s*(?:[.:)]\s|[：、])`)

// option is one numbered offer line in an agent's reply.
type option struct {
	id      string
	monthly int64 // what it costs a month, in minor units
}

func hasOptions(reply string) bool { return len(parseOptions(reply)) > 0 }

// parseOptions reads numbered offer lines ("2. 8 monthly payments of
// $150.00 …") into what each costs a month.
func parseOptions(reply string) []option {
	var out []option
	for _, line := range strings.Split(reply, "\n") {
		line = strings.TrimSpace(line)
		lm := optionRe.FindStringSubmatch(line)
		if lm == nil {
			continue
		}
		id := lm[1]
		m := amountRe.FindStringSubmatch(line)
		if m == nil {
			continue
		}
		amt, err := agent.ParseMoney(m[1], "USD")
		if err != nil {
			continue
		}
		v := amt.Minor
		switch low := strings.ToLower(line); {
		case strings.Contains(low, "fortnightly") || strings.Contains(low, "biweekly") || strings.Contains(line, "每两周"):
			v = v * 26 / 12
		case strings.Contains(low, "weekly") || strings.Contains(line, "每周"):
			v = v * 52 / 12
		}
		out = append(out, option{id: id, monthly: v})
	}
	return out
}

// affordableOption picks the offer the borrower can pay that clears the
// debt fastest: the highest monthly cost within what it can afford.
func (b *borrower) affordableOption(reply string) (string, bool) {
	best, bestV := "", int64(-1)
	for _, o := range parseOptions(reply) {
		if o.monthly <= b.afford.Minor && o.monthly > bestV {
			best, bestV = o.id, o.monthly
		}
	}
	return best, best != ""
}
