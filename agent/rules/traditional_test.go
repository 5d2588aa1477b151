package rules

import (
	"context"
	"reflect"
	"testing"

	"github.com/parley-collections/parley/agent"
)

// TestTraditionalChineseReadsAsSimplified checks that a message in
// traditional characters is read exactly as its simplified twin.
func TestTraditionalChineseReadsAsSimplified(t *testing.T) {
	t.Parallel()
	b := New()
	for _, pair := range [][2]string{
		{"我想分期還款，每個月大概可以還兩千", "我想分期还款，每个月大概可以还两千"},
		{"請問我還欠多少錢", "请问我还欠多少钱"},
		{"不要再給我發簡訊了", "不要再给我发简讯了"},
		{"我已經請了律師", "我已经请了律师"},
		{"這筆債不是我的", "这笔债不是我的"},
		{"生日1990年8月8日，後四位1234", "生日1990年8月8日，后四位1234"},
	} {
		read := func(s string) []agent.Command {
			u, err := b.Understand(context.Background(), agent.TurnContext{Now: now, Currency: "CNY"}, s)
			if err != nil {
				t.Fatal(err)
			}
			return u.Commands
		}
		if got, want := read(pair[0]), read(pair[1]); !reflect.DeepEqual(got, want) {
			t.Errorf("%s read as %+v\n%s read as %+v", pair[0], got, pair[1], want)
		}
	}
}

// TestTaiwaneseIdentityWords: 身分證 and 後四碼 name the last digits of an ID.
func TestTaiwaneseIdentityWords(t *testing.T) {
	t.Parallel()
	u, err := New().Understand(context.Background(), agent.TurnContext{Now: now, Currency: "CNY"}, "我的生日是1988年5月6日，身分證後四碼2468")
	if err != nil {
		t.Fatal(err)
	}
	var kinds []agent.IdentityKind
	for _, c := range u.Commands {
		for _, cl := range c.Identity {
			kinds = append(kinds, cl.Kind)
		}
	}
	if !reflect.DeepEqual(kinds, []agent.IdentityKind{agent.IdentityDOB, agent.IdentityIDLast4}) {
		t.Errorf("facts read: %v, want dob and id_last4 (%+v)", kinds, u.Commands)
	}
}
