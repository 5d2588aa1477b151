package agent_test

import (
	"strings"
	"testing"

	"github.com/parley-collections/parley/agent"
)

// A borrower's typed secrets never reach the store: the understanding of
// the turn reads their kind and last four, and an identity check on the
// last four still works from them.
func TestTypedSecretsAreStoredMasked(t *testing.T) {
	t.Parallel()
	acct := cnAccount()
	b := setup(t, acct, agent.ChannelChat)
	b.turnLang("zh", "你好", cmd(agent.IntentGreeting))
	// The script is keyed by the text the understanding receives.
	masked := "生日1990年8月8日，身份证[resident ID ending 1234]，卡号[card ending 0006]"
	b.brain.learn(masked, "zh", []agent.Command{identity("1990-08-08", ""), last4("1234")})
	res := b.turnLang("zh", "生日1990年8月8日，身份证310104199008081234，卡号6222020200000000006")
	if !res.Conversation.Verified {
		t.Fatalf("not verified from the masked text; events %v", kinds(res.Events))
	}
	res = b.turn("my ssn is 987-65-4321, card 5500 0000 0000 0004 cvv 123, aadhaar 2345 6789 0124")
	msgs, err := b.store.Messages(b.ctx, res.Conversation.ID, 0, 0)
	if err != nil {
		t.Fatal(err)
	}
	var all strings.Builder
	for _, m := range msgs {
		all.WriteString(m.Text + "\n")
	}
	events, err := b.store.Events(b.ctx, res.Conversation.ID)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range events {
		for _, v := range e.Data {
			all.WriteString(v + "\n")
		}
	}
	for _, secret := range []string{"310104199008081234", "6222020200000000006", "987-65-4321", "5500 0000 0000 0004", "123,", "2345 6789 0124", "1990年8月8日"} {
		if strings.Contains(all.String(), secret) {
			t.Errorf("the store holds %q in clear:\n%s", secret, all.String())
		}
	}
	for _, want := range []string{"[card ending 0006]", "[SSN ending 4321]", "[card ending 0004]", "[security code]", "[Aadhaar ending 0124]", "[date of birth]"} {
		if !strings.Contains(all.String(), want) {
			t.Errorf("the transcript lacks %q:\n%s", want, all.String())
		}
	}
}

// A date of birth and a postcode stay as typed until the turn that checks
// them, which stores the message with them masked; a message with no
// identity answer keeps its dates and numbers.
func TestCheckedIdentityAnswersAreStoredMasked(t *testing.T) {
	t.Parallel()
	b := setup(t, usAccount(), agent.ChannelSMS)
	b.turn("hello", cmd(agent.IntentGreeting))
	res := b.turn("my date of birth is April 12 1985 and my zip is 60601", identity("1985-04-12", "60601"))
	if !res.Conversation.Verified {
		t.Fatalf("not verified; events %v", kinds(res.Events))
	}
	got, err := b.store.Message(b.ctx, res.Inbound.ID)
	if err != nil {
		t.Fatal(err)
	}
	if want := "my date of birth is [date of birth] and my zip is [postcode]"; got.Text != want {
		t.Errorf("stored answer = %q, want %q", got.Text, want)
	}
	res = b.turn("I can pay 60 on 2026-03-01", cmd(agent.IntentUnknown))
	if got, _ := b.store.Message(b.ctx, res.Inbound.ID); got.Text != "I can pay 60 on 2026-03-01" {
		t.Errorf("a message with no identity answer was rewritten: %q", got.Text)
	}
}
