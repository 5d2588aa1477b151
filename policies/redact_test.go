package policies

import (
	"strings"
	"testing"
	"time"
)

// Secrets a borrower types are masked to their kind and last four before
// the message is stored; everything else in the message stays as written.
func TestRedactSecrets(t *testing.T) {
	cases := []struct {
		in, want string
		kinds    []string
	}{
		{"my ssn is 987-65-4321 card 5500 0000 0000 0004", "my ssn is [SSN ending 4321] card [card ending 0004]", []string{"SSN", "card"}},
		{"card number 4111111111111111 exp 09/28 cvv 737", "card number [card ending 1111] exp [security code] cvv [security code]", []string{"card", "security code", "security code"}},
		{"Social security 123456789, please", "Social security [SSN ending 6789], please", []string{"SSN"}},
		{"SSN: 123 45 6789", "SSN: [SSN ending 6789]", []string{"SSN"}},
		{"Aadhaar 2345 6789 0124 and PAN ABCPE1234F", "Aadhaar [Aadhaar ending 0124] and PAN [PAN ending 234F]", []string{"Aadhaar", "PAN"}},
		{"my aadhar is 491876345021", "my aadhar is [Aadhaar ending 5021]", []string{"Aadhaar"}},
		{"NI number AB 12 34 56 C", "NI number [NI number ending 456C]", []string{"NI number"}},
		{"my bank account number is 12345678 sort code 20-00-00", "my bank account number is [account ending 5678] sort code [routing ending 0000]", []string{"account", "routing"}},
		{"我的身份证号是11010519491231002X", "我的身份证号是[resident ID ending 002X]", []string{"resident ID"}},
		{"身份证 440524 19800101 0013，银行卡号6222020200000000006", "身份证 [resident ID ending 0013]，银行卡号[card ending 0006]", []string{"resident ID", "card"}},
		{"卡号：６２２２０２０２００００００００００６ 安全码 123", "卡号：[card ending 0006] 安全码 [security code]", []string{"card", "security code"}},
		{"Card 3782 822463 10005 is mine", "Card [card ending 0005] is mine", []string{"card"}},
	}
	for _, c := range cases {
		got, found := RedactSecrets(c.in)
		if got != c.want {
			t.Errorf("RedactSecrets(%q)\n got %q\nwant %q", c.in, got, c.want)
		}
		var kinds []string
		for _, s := range found {
			kinds = append(kinds, s.Kind)
			if !strings.Contains(c.want, s.Last4) {
				t.Errorf("%q: last four %q not in the masked text", c.in, s.Last4)
			}
		}
		if strings.Join(kinds, ",") != strings.Join(c.kinds, ",") {
			t.Errorf("RedactSecrets(%q) kinds %v, want %v", c.in, kinds, c.kinds)
		}
	}
}

// Amounts, dates, phone numbers, postcodes and references are no secrets:
// the transcript keeps them.
func TestRedactSecretsKeepsOrdinaryNumbers(t *testing.T) {
	for _, in := range []string{
		"I can pay 1500 on 2026-12-20",
		"I can pay $1,250.00 next Friday",
		"call me at +1 312 555 0199 after 5",
		"我下个月15号还2000元",
		"my zip is 60601",
		"born 1990-01-22",
		"reference 123456789012 on the letter",
		"4111 1111 1111 1112 is not a card",
		"order 1234567812345670abc",
		"电话13812345678",
		"",
	} {
		got, found := RedactSecrets(in)
		if got != in || len(found) != 0 {
			t.Errorf("RedactSecrets(%q) = %q, %v; want it unchanged", in, got, found)
		}
	}
}

// A checked identity answer is stored masked: the dates and postcodes of
// the kinds checked, nothing else.
func TestMaskIdentityAnswers(t *testing.T) {
	cases := []struct {
		in            string
		dob, postcode bool
		want          string
	}{
		{"1990-01-22", true, false, "[date of birth]"},
		{"dob 22/01/1990 and zip 60601", true, true, "dob [date of birth] and zip [postcode]"},
		{"dob 22/01/1990 and zip 60601", true, false, "dob [date of birth] and zip 60601"},
		{"born January 22, 1990", true, false, "born [date of birth]"},
		{"born 22nd of January 1990", true, false, "born [date of birth]"},
		{"我的生日是1990年1月22日，邮编100101", true, true, "我的生日是[date of birth]，邮编[postcode]"},
		{"19900122", true, false, "[date of birth]"},
		{"postcode SW1A 1AA", false, true, "postcode [postcode]"},
		{"zip 60601-1234", false, true, "zip [postcode]"},
		{"pin 400 001", false, true, "pin [postcode]"},
		{"I can pay $60601 on 2026-12-20", false, true, "I can pay $60601 on 2026-12-20"},
		{"I can pay 500 on 2026-12-20", false, false, "I can pay 500 on 2026-12-20"},
		{"dob 1990-01-22, I pay on 2026-12-20", true, false, "dob [date of birth], I pay on 2026-12-20"},
	}
	now := time.Date(2026, 12, 6, 0, 0, 0, 0, time.UTC)
	for _, c := range cases {
		if got := MaskIdentityAnswers(c.in, c.dob, c.postcode, now); got != c.want {
			t.Errorf("MaskIdentityAnswers(%q, %v, %v)\n got %q\nwant %q", c.in, c.dob, c.postcode, got, c.want)
		}
	}
}
