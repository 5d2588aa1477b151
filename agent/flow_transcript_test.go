package agent_test

import (
	"flag"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/parley-collections/parley/agent"
)

var update = flag.Bool("update", false, "rewrite the golden transcripts in testdata/flows")

type scriptedTurn struct {
	lang, text string
	cmds       []agent.Command
}

// links hides the random part of payment links, so transcripts are stable.
var links = regexp.MustCompile(`https://pay\.example\.com/p/[a-z]+`)

// TestTranscripts renders whole conversations, every reply with its
// template versions and the turn's events, and compares them with the golden
// transcripts: a change in wording, composition or events shows as a diff.
func TestTranscripts(t *testing.T) {
	t.Parallel()
	offer := func(id string) agent.Command { return agent.Command{Intent: agent.IntentAcceptOffer, OfferID: id} }
	tests := []struct {
		name  string
		acct  agent.Account
		ch    agent.Channel
		turns []scriptedTurn
	}{
		{"en-negotiation", usAccount(), agent.ChannelSMS, []scriptedTurn{
			{"", "how much do I owe?", []agent.Command{cmd(agent.IntentAskBalance)}},
			{"", "April 12 1985, 60601", []agent.Command{identity("1985-04-12", "60601")}},
			{"", "are you a bot?", []agent.Command{cmd(agent.IntentAskBot)}},
			{"", "what are my options", []agent.Command{cmd(agent.IntentProposePlan)}},
			{"", "too much", []agent.Command{cmd(agent.IntentRejectOffer)}},
			{"", "I can do 150 a month", []agent.Command{{Intent: agent.IntentProposePlan, Amount: money("150.00"), Frequency: agent.Monthly}}},
			{"", "ok option 1", []agent.Command{offer("1")}},
			{"", "thanks", []agent.Command{cmd(agent.IntentThanks)}},
		}},
		{"en-protective", usAccount(), agent.ChannelSMS, []scriptedTurn{
			{"", "I lost my job", []agent.Command{cmd(agent.IntentHardship)}},
			{"", "1985-04-12 60601", []agent.Command{identity("1985-04-12", "60601")}},
			{"", "actually I don't think I owe this", []agent.Command{cmd(agent.IntentDispute)}},
			{"", "what's my balance", []agent.Command{cmd(agent.IntentAskBalance)}},
			{"", "HELP", []agent.Command{cmd(agent.IntentHelp)}},
			{"", "STOP", []agent.Command{cmd(agent.IntentOptOut)}},
			{"", "hello?", []agent.Command{cmd(agent.IntentGreeting)}},
		}},
		{"zh-negotiation", cnAccount(), agent.ChannelChat, []scriptedTurn{
			{"zh", "你好，我欠多少钱", []agent.Command{cmd(agent.IntentGreeting), cmd(agent.IntentAskBalance)}},
			{"zh", "1990年8月8日", []agent.Command{identity("1990-08-08", "")}},
			{"zh", "身份证后四位1234", []agent.Command{last4("1234")}},
			{"zh", "你是机器人吗", []agent.Command{cmd(agent.IntentAskBot)}},
			{"zh", "我想分期", []agent.Command{cmd(agent.IntentProposePlan)}},
			{"zh", "选方案3", []agent.Command{offer("3")}},
		}},
		{"zh-crisis", cnAccount(), agent.ChannelChat, []scriptedTurn{
			{"zh", "1990-08-08 1234", []agent.Command{identity("1990-08-08", ""), last4("1234")}},
			{"zh", "我不想活了", []agent.Command{cmd(agent.IntentVulnerable)}},
			{"zh", "我欠多少", []agent.Command{cmd(agent.IntentAskBalance)}},
			{"zh", "转人工", []agent.Command{cmd(agent.IntentRequestHuman)}},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			b := setup(t, tt.acct, tt.ch)
			var out strings.Builder
			for _, turn := range tt.turns {
				res := b.turnLang(turn.lang, turn.text, turn.cmds...)
				out.WriteString("> " + turn.text + "\n")
				for _, m := range res.Replies {
					out.WriteString("< [" + m.TemplateVersion + "]\n" + links.ReplaceAllString(m.Text, "https://pay.example.com/p/…") + "\n")
				}
				if len(res.Replies) == 0 {
					out.WriteString("< (nothing)\n")
				}
				ks := make([]string, 0, len(res.Events))
				for _, k := range kinds(res.Events) {
					ks = append(ks, string(k))
				}
				out.WriteString("= " + string(res.Conversation.State) + " [" + strings.Join(ks, " ") + "]\n\n")
			}
			path := filepath.Join("testdata", "flows", tt.name+".golden")
			if *update {
				if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(path, []byte(out.String()), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run go test ./agent -run TestTranscripts -update)", err)
			}
			if diff := cmp.Diff(string(want), out.String()); diff != "" {
				t.Errorf("%s (-want +got):\n%s", path, diff)
			}
		})
	}
}
