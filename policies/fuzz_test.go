package policies

import (
	"bufio"
	"bytes"
	"encoding/json"
	"strings"
	"testing"
	"time"
)

// FuzzCheck feeds arbitrary texts and contexts to Check and holds it to the
// contract: a decision of the closed set, violations never nil and always
// cited, threats blocked, deferrals with a time to send, and a revised text
// that needs no further disclosure.
func FuzzCheck(f *testing.F) {
	f.Add("Nobody is going to arrest you over a debt.", "US", "chat", true, false, int64(1772474400))
	f.Add("We know where you live. Pay £1,200.00 today.", "GB", "sms", true, true, int64(1772474400))
	f.Add("我们不会联系您的家人。您的欠款为一千二百元。", "CN", "voice", false, true, int64(1772474400))
	f.Add("Your card 4111 1111 1111 1111 is on file.", "IN", "email", true, false, int64(1772500000))
	f.Add("a r r e s t f*** c0nsequences ｆａｍｉｌｙ 1.2万 ¥1,200 1200元", "US-MA", "", false, false, int64(0))
	g := Default()
	f.Fuzz(func(t *testing.T, text, jur, channel string, verified, first bool, unix int64) {
		p := Proposal{ID: "f", Text: text, Channel: channel, FirstMessage: first}
		facts := Facts{Jurisdiction: jur, RecipientVerified: verified, HasBalance: true, Balance: 120000,
			AllowedAmounts: []Amount{20000}, Timezone: "America/Chicago"}
		if unix != 0 {
			facts.Now = time.Unix(unix%(1<<40), 0).UTC()
		}
		d := g.Check(p, facts)
		if d.Violations == nil {
			t.Fatal("nil violations / 违规列表为 nil")
		}
		switch d.Action {
		case Allow, Revise, Defer, Block, Escalate:
		default:
			t.Fatalf("action %q outside the closed set / 决定不在集合内", d.Action)
		}
		for _, v := range d.Violations {
			if !categories[v.Category] || v.Rule == "" || v.Citation == "" || v.Detail == "" {
				t.Fatalf("violation %+v lacks category, rule, citation or detail / 违规信息不完整", v)
			}
			if (v.Category == CatThreat || v.Category == CatHarassment) && d.Action != Block {
				t.Fatalf("%s decided %s, want block / 威胁必须拦截", v.Category, d.Action)
			}
		}
		if d.Action == Allow && (len(d.Violations) != 0 || d.Text != text) {
			t.Fatalf("allow with violations %v or a changed text / 放行却有违规或改动", d.Violations)
		}
		if d.Action == Defer && (d.SendAt.IsZero() || d.SendAt.Before(facts.Now)) {
			t.Fatalf("defer to %v from %v / 延后时间无效", d.SendAt, facts.Now)
		}
		if d.Action == Revise {
			again := g.Check(Proposal{ID: "f", Text: d.Text, Channel: channel, FirstMessage: first}, facts)
			for _, v := range again.Violations {
				if v.Category == CatDisclosureMissing {
					t.Fatalf("revised text %q still misses %v / 修订后仍缺披露", d.Text, v)
				}
			}
		}
	})
}

// FuzzCheckLines feeds arbitrary bytes to the JSON Lines reader: it must
// answer every non-blank line with one JSON object that names a decision,
// in order, and never fail on input.
func FuzzCheckLines(f *testing.F) {
	f.Add([]byte(`{"id":"m1","text":"Pay now or else.","jurisdiction":"US","now":"2026-11-28T21:00:00Z"}` + "\n"))
	f.Add([]byte(`{"id":"m2","text":"","jurisdiction":"CN"}` + "\nnot json\n\n" + `{"id":3}`))
	f.Add([]byte(`{"id":"m4","text":"x","channel":"sms","jurisdiction":"US-NY","timezone":"America/New_York","initiated_by":"borrower","recipient_verified":true,"first_message":false,"facts":{"balance":"1200.00","allowed_amounts":["200.00"],"opted_out_channels":["sms"],"cease":false,"last_phone_conversation_at":null,"calls_last_7d":3}}`))
	f.Add([]byte("\r\n\t{\"id\":\"\\u4e2d\",\"text\":\"\\u0000\"}\r\n"))
	g := Default()
	f.Fuzz(func(t *testing.T, data []byte) {
		var out bytes.Buffer
		if err := CheckLines(g, bytes.NewReader(data), &out); err != nil {
			t.Fatalf("CheckLines: %v / 读取失败", err)
		}
		want := 0
		for _, line := range strings.Split(string(data), "\n") {
			if len(bytes.TrimSpace([]byte(line))) > 0 {
				want++
			}
		}
		got := 0
		sc := bufio.NewScanner(&out)
		sc.Buffer(make([]byte, 4<<20), 4<<20)
		for sc.Scan() {
			got++
			var d struct {
				ID       *string `json:"id"`
				Decision string  `json:"decision"`
			}
			if err := json.Unmarshal(sc.Bytes(), &d); err != nil || d.ID == nil || d.Decision == "" {
				t.Fatalf("output %q is no decision: %v / 输出不是决定", sc.Text(), err)
			}
		}
		if got != want {
			t.Fatalf("%d answers for %d lines / 输出行数不符", got, want)
		}
	})
}
