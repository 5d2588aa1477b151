package rules

import (
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/parley-collections/parley/agent"
)

func TestParseAmount(t *testing.T) {
	t.Parallel()
	tests := []struct {
		text, currency string
		want           string // "" when there is no amount
	}{
		{"150", "USD", "150.00"},
		{"1,200.50", "USD", "1200.50"},
		{"$150", "USD", "150.00"},
		{"150 dollars", "USD", "150.00"},
		{"one hundred fifty", "USD", "150.00"},
		{"a hundred and fifty bucks", "USD", "150.00"},
		{"fifteen hundred", "USD", "1500.00"},
		{"twenty-five dollars", "USD", "25.00"},
		{"two grand", "USD", "2000.00"},
		{"1.2k", "USD", "1200.00"},
		{"2k", "USD", "2000.00"},
		{"£75.5", "GBP", "75.50"},
		{"₹5,000", "INR", "5000.00"},
		{"Rs 500", "INR", "500.00"},
		{"一千二百", "CNY", "1200.00"},
		{"一千二", "CNY", "1200.00"},
		{"两千", "CNY", "2000.00"},
		{"1.2万", "CNY", "12000.00"},
		{"五百块", "CNY", "500.00"},
		{"500元", "CNY", "500.00"},
		{"¥500", "CNY", "500.00"},
		{"￥500", "CNY", "500.00"},
		{"三百五十", "CNY", "350.00"},
		{"三百五", "CNY", "350.00"},
		{"两万五", "CNY", "25000.00"},
		{"一千零五十块", "CNY", "1050.00"},
		{"one hundred hundred hundred hundred hundred hundred hundred hundred hundred dollars", "USD", ""},
		{"每月能还五百", "CNY", "500.00"},
		{"五百块钱", "CNY", "500.00"},
		{"三千人民币", "CNY", "3000.00"},
		{"两百美元", "USD", "200.00"},
		{"五百人", "CNY", ""},
		{"I can pay 150 a month", "", "150.00"},
		{"１５０", "USD", "150.00"},
		{"I can pay 150", "usd", "150.00"},
		// not amounts
		{"my zip is 60601", "USD", ""},
		{"I was born in 1985", "USD", ""},
		{"April 12 1985", "USD", ""},
		{"in 10 days", "USD", ""},
		{"in 6 payments", "USD", ""},
		{"over 12 months", "USD", ""},
		{"分12期", "CNY", ""},
		{"last four of my SSN is 1234", "USD", ""},
		{"身份证后四位1234", "CNY", ""},
		{"I'm 45 years old", "USD", ""},
		{"I have 3 kids", "USD", ""},
		{"3/15", "USD", ""},
		{"on the 15th", "USD", ""},
		{"chapter 7", "USD", ""},
		{"option 2", "USD", ""},
		{"下周五", "CNY", ""},
		{"3月15号", "CNY", ""},
		{"一下", "CNY", ""},
		{"hello", "USD", ""},
		{"", "USD", ""},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			t.Parallel()
			got, ok := ParseAmount(tt.text, tt.currency)
			if tt.want == "" {
				if ok {
					t.Fatalf("ParseAmount(%q) = %v, want none", tt.text, got)
				}
				return
			}
			cur := tt.currency
			if cur == "" {
				cur = "USD"
			}
			want := agent.MustMoney(tt.want, cur)
			if !ok || got != want {
				t.Fatalf("ParseAmount(%q, %q) = %v, %v; want %v", tt.text, tt.currency, got, ok, want)
			}
		})
	}
}

func TestParseDate(t *testing.T) {
	t.Parallel()
	// now is Saturday 28 November 2026.
	tests := []struct {
		text string
		want time.Time // zero when there is no date
	}{
		{"on Friday", day(2026, 12, 4)},
		{"friday", day(2026, 12, 4)},
		{"next friday", day(2026, 12, 4)},
		{"this saturday", day(2026, 12, 5)},
		{"on monday", day(2026, 11, 30)},
		{"next monday", day(2026, 11, 30)},
		{"on the 15th", day(2026, 12, 15)},
		{"the 28th", day(2026, 11, 28)},
		{"on the 1st", day(2026, 12, 1)},
		{"March 3", day(2027, 3, 3)},
		{"Dec 24th", day(2026, 12, 24)},
		{"3 march", day(2027, 3, 3)},
		{"3/3", day(2027, 3, 3)},
		{"12/1", day(2026, 12, 1)},
		{"tomorrow", day(2026, 11, 29)},
		{"tmrw", day(2026, 11, 29)},
		{"today", day(2026, 11, 28)},
		{"day after tomorrow", day(2026, 11, 30)},
		{"in 3 days", day(2026, 12, 1)},
		{"in 2 weeks", day(2026, 12, 12)},
		{"end of the month", day(2026, 11, 30)},
		{"next week", day(2026, 11, 30)},
		{"明天", day(2026, 11, 29)},
		{"后天", day(2026, 11, 30)},
		{"下周五", day(2026, 12, 4)},
		{"下星期一", day(2026, 11, 30)},
		{"周五", day(2026, 12, 4)},
		{"3月15号", day(2027, 3, 15)},
		{"十二月五日", day(2026, 12, 5)},
		{"15号", day(2026, 12, 15)},
		{"月底", day(2026, 11, 30)},
		{"下个月5号", day(2026, 12, 5)},
		{"3天后", day(2026, 12, 1)},
		{"两周后", day(2026, 12, 12)},
		{"一个月以后", day(2026, 12, 28)},
		{"两个星期内", day(2026, 12, 12)},
		{"2027-01-15", day(2027, 1, 15)},
		{"I will pay 150", time.Time{}},
		{"每周还两百", time.Time{}},
		{"may I pay 3 dollars", time.Time{}},
		{"I may 2", time.Time{}},
		{"I'll pay May 5", day(2027, 5, 5)},
		{"it is may 5", day(2027, 5, 5)},
		{"I'll take the 2nd one", time.Time{}},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			t.Parallel()
			got, ok := ParseDate(tt.text, now)
			if tt.want.IsZero() {
				if ok {
					t.Fatalf("ParseDate(%q) = %v, want none", tt.text, got)
				}
				return
			}
			if !ok || !got.Equal(tt.want) || got.Location() != chicago {
				t.Fatalf("ParseDate(%q) = %v, %v; want %v", tt.text, got, ok, tt.want)
			}
		})
	}
}

func TestParseDOB(t *testing.T) {
	t.Parallel()
	tests := []struct {
		text string
		want []string
	}{
		{"sept 23 1979", []string{"1979-09-23"}},
		{"9/23/79", []string{"1979-09-23"}},
		{"23/09/1979", []string{"1979-09-23"}},
		{"1979-09-23", []string{"1979-09-23"}},
		{"1979/09/23", []string{"1979-09-23"}},
		{"1979年9月23日", []string{"1979-09-23"}},
		{"一九七九年九月二十三日", []string{"1979-09-23"}},
		{"September 23rd, 1979", []string{"1979-09-23"}},
		{"23rd of September 1979", []string{"1979-09-23"}},
		{"April 12 1985", []string{"1985-04-12"}},
		{"my date of birth is May 1 1980", []string{"1980-05-01"}},
		{"born may 3rd, 1980", []string{"1980-05-03"}},
		{"1 May 1980", []string{"1980-05-01"}},
		{"1980年五月一日", []string{"1980-05-01"}},
		{"04/05/1985", []string{"1985-04-05", "1985-05-04"}},
		{"4/12/85", []string{"1985-04-12", "1985-12-04"}},
		{"1/2/16", []string{"1916-01-02", "2016-01-02", "1916-02-01", "2016-02-01"}},
		{"19790923", []string{"1979-09-23"}},
		{"29/02/1984", []string{"1984-02-29"}},
		{"29/02/1985", nil},
		{"2026-11-01", nil},
		{"March 3", nil},
		{"I was born in 1985", nil},
		// Chinese dates of birth in every common form.
		{"1992年8月8日", []string{"1992-08-08"}},
		{"1992年08月08日", []string{"1992-08-08"}},
		{"1992年8月8号", []string{"1992-08-08"}},
		{"1992 年 8 月 8 日", []string{"1992-08-08"}},
		{"我是1992年8月8日出生的", []string{"1992-08-08"}},
		{"1992.8.8", []string{"1992-08-08"}},
		{"1992.08.08", []string{"1992-08-08"}},
		{"1992/8/8", []string{"1992-08-08"}},
		{"1992-8-8", []string{"1992-08-08"}},
		{"１９９２年８月８日", []string{"1992-08-08"}},
		{"１９９２．８．８", []string{"1992-08-08"}},
		{"一九九二年八月八日", []string{"1992-08-08"}},
		{"一九九二年八月八号", []string{"1992-08-08"}},
		{"一九九二年十二月三十一日", []string{"1992-12-31"}},
		{"二〇〇〇年一月一日", []string{"2000-01-01"}},
		{"1992年2月30日", nil},
		// A two-digit year takes the century that makes a plausible date
		// of birth (10 to 110 years ago): 2092 is to come, so 92年 is
		// 1992; 1905 is too long ago, so 05年 is 2005. When both are
		// plausible both readings go to the record, which has one.
		{"92年8月8日", []string{"1992-08-08"}},
		{"九二年八月八日", []string{"1992-08-08"}},
		{"05年3月4日", []string{"2005-03-04"}},
		{"16年1月2日", []string{"1916-01-02", "2016-01-02"}},
		{"92.8.8", []string{"1992-08-08"}},
		{"92/8/8", []string{"1992-08-08"}},
		{"92.08.08", []string{"1992-08-08"}},
		// A dotted date with the year last is day first (8.9.1992 is 8 September).
		{"8.9.1992", []string{"1992-09-08", "1992-08-09"}},
		{"31.12.1992", []string{"1992-12-31"}},
		// Amounts and versions are no dates.
		{"1.200.00", nil},
		{"12.50", nil},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			t.Parallel()
			got := ParseDOB(tt.text, now)
			if diff := cmp.Diff(tt.want, got, cmpopts.EquateEmpty()); diff != "" {
				t.Fatalf("ParseDOB(%q) (-want +got):\n%s", tt.text, diff)
			}
		})
	}
}

func TestParsePostcode(t *testing.T) {
	t.Parallel()
	tests := []struct{ text, want string }{
		{"SW1A 1AA", "SW1A1AA"},
		{"my postcode is ec1a 1bb", "EC1A1BB"},
		{"M1 1AE", "M11AE"},
		{"B33 8TH", "B338TH"},
		{"zip 60601", "60601"},
		{"ZIP 60601-1234", "60601"},
		{"邮编 200030", "200030"},
		{"PIN 400 001", "400001"},
		{"pin code 400001", "400001"},
		{"60601", "60601"},
		{"$60601", ""},
		{"hello", ""},
		{"SW1A", ""},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			t.Parallel()
			got, ok := ParsePostcode(tt.text)
			if got != tt.want || ok != (tt.want != "") {
				t.Fatalf("ParsePostcode(%q) = %q, %v; want %q", tt.text, got, ok, tt.want)
			}
		})
	}
}

func TestDetectLang(t *testing.T) {
	t.Parallel()
	tests := []struct{ text, want string }{
		{"how much do I owe", "en"},
		{"我还欠多少钱", "zh"},
		{"OK 好的", "zh"},
		{"退订 STOP", "zh"},
		{"我想pay 150 a month", "en"},
		{"ＨＥＬＬＯ", "en"},
		{"60601", ""},
		{"", ""},
		{"¥500!", ""},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			t.Parallel()
			if got := DetectLang(tt.text); got != tt.want {
				t.Fatalf("DetectLang(%q) = %q, want %q", tt.text, got, tt.want)
			}
		})
	}
}

func TestNumbers(t *testing.T) {
	t.Parallel()
	tests := []struct {
		text string
		want int64 // in units
	}{
		{"twelve", 12}, {"one hundred fifty", 150}, {"a hundred and fifty", 150}, {"fifteen hundred", 1500},
		{"two thousand five hundred", 2500}, {"twenty five", 25}, {"two fifty", 250}, {"nine ninety nine", 999},
		{"一千二百", 1200}, {"一千二", 1200}, {"三百五", 350}, {"两万五", 25000}, {"十五", 15}, {"二十", 20},
		{"一万二千三百", 12300}, {"一千零五", 1005}, {"五", 5}, {"一百", 100}, {"两千", 2000}, {"十万", 100000},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			t.Parallel()
			a := analyze(tt.text)
			got, end, _, ok := readNumber(a.seq, 0)
			if !ok || end != len(a.seq) || got != tt.want*100 {
				t.Fatalf("readNumber(%q) = %d (end %d of %d), %v; want %d", tt.text, got/100, end, len(a.seq), ok, tt.want)
			}
		})
	}
}
