package policies

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestFoldLexical(t *testing.T) {
	t.Parallel()
	tests := []struct{ in, want string }{
		{"Face the C0NSEQUENCES", "face the consequences"},
		{"your fam1ly", "your family"},
		{"you will be a r r e s t e d.", "you will be arrested."},
		{"f.a.m.i.l.y and kids", "family and kids"},
		{"Ｗｅ　ｗｉｌｌ　ａｒｒｅｓｔ　ｙｏｕ", "we will arrest you"},
		{"坐 牢 的滋味", "坐牢的滋味"},
		{"a$$hole", "asshole"},
		{"pay $1,200 by 10am on the 2nd", "pay $1,200 by 10am on the 2nd"},
		{"plan A, B or C", "plan a, b or c"},
		{"1 2 3 go", "1 2 3 go"},
		{"zero\u200bwidth  and\ttabs", "zerowidth and tabs"},
		{"stupid!", "stupid!"},
	}
	for _, tc := range tests {
		t.Run(tc.in, func(t *testing.T) {
			t.Parallel()
			got := string(foldLexical(nil, foldBase(nil, tc.in)))
			if got != tc.want {
				t.Errorf("foldLexical(%q) = %q, want %q / 归一化结果不符", tc.in, got, tc.want)
			}
		})
	}
}

func TestMaskedWord(t *testing.T) {
	t.Parallel()
	for in, want := range map[string]bool{
		"what the f*** is this": true, "sh*t": true, "b*tch": true, "f**k off": true,
		"see note*": false, "**bold**": false, "5 * 3": false, "a*": false,
		// Markdown bold that closes after a word of its own.
		"go to **Help → Hardship support** in the app": false, "tap **Make a payment** below": false,
		"**What I can't do:** remove late marks": false, "you piece of sh**": true, "what a bast***": true,
		"**Note** you f***": true, "**Note** what a sh**": true,
	} {
		if got := maskedWord(foldBase(nil, in)); got != want {
			t.Errorf("maskedWord(%q) = %v, want %v / 遮蔽脏话识别不符", in, got, want)
		}
	}
}

func TestMatcherReportsSameTextTerms(t *testing.T) {
	t.Parallel()
	m := newMatcher([]term{
		{text: "arrest", wordStart: true, wordEnd: true},
		{text: "arrest", wordStart: true, prefix: true},
		{text: "rest", wordStart: true, wordEnd: true},
	})
	got := m.scan([]byte("arrested arrest"), nil)
	want := []hit{{term: 1, start: 0, end: 6}, {term: 0, start: 9, end: 15}, {term: 1, start: 9, end: 15}}
	if diff := cmp.Diff(want, got, cmp.AllowUnexported(hit{})); diff != "" {
		t.Errorf("hits (-want +got) / 匹配结果不符:\n%s", diff)
	}
}

func TestFindAmounts(t *testing.T) {
	t.Parallel()
	tests := []struct {
		in   string
		want []money
	}{
		{"pay 1200 today", []money{{120000, ""}}},
		{"balance 1,200.00", []money{{120000, ""}}},
		{"$1,200", []money{{120000, "USD"}}},
		{"¥1,200 or ￥1,200", []money{{120000, "CNY"}, {120000, "CNY"}}},
		{"1200元", []money{{120000, "CNY"}}},
		{"一千二百元", []money{{120000, "CNY"}}},
		{"一千二块钱", []money{{120000, "CNY"}}},
		{"两万元", []money{{2000000, "CNY"}}},
		{"1.2万", []money{{1200000, ""}}},
		{"£1,200.50", []money{{120050, "GBP"}}},
		{"₹1,20,000", []money{{12000000, "INR"}}},
		{"settle for 1.2k", []money{{120000, ""}}},
		{"Rs. 500", []money{{50000, "INR"}}},
		{"75 pounds", []money{{7500, "GBP"}}},
		{"15% off, 30 days, 3 payments, 12 months", nil},
		{"call 1-800-555-0100 at 9:30 on 12/03/2026", nil},
		{"in 2026, reference 123456789", nil},
		{"分12期，每期100元，3月15日", []money{{10000, "CNY"}}},
		{"还2000就行", []money{{200000, ""}}},
		{"一笔勾销，三天内", nil},
		{"version 1.234", nil},
	}
	for _, tc := range tests {
		t.Run(tc.in, func(t *testing.T) {
			t.Parallel()
			var got []money
			findAmounts(foldBase(nil, tc.in), func(m money) bool { got = append(got, m); return true })
			if diff := cmp.Diff(tc.want, got, cmp.AllowUnexported(money{})); diff != "" {
				t.Errorf("amounts in %q (-want +got) / 金额识别不符:\n%s", tc.in, diff)
			}
		})
	}
}

func TestFindPII(t *testing.T) {
	t.Parallel()
	tests := []struct {
		in    string
		kinds []int
	}{
		{"card 4111 1111 1111 1111", []int{piiCard}},
		{"card 4111-1111-1111-1112", nil}, // fails Luhn: a reference number
		{"amex 3782 822463 10005", []int{piiCard}},
		{"phone +86 138 0013 8000", nil},
		{"ssn 078-05-1120", []int{piiSSN}},
		{"ssn 000-12-3456", nil},
		{"routing 021000021", []int{piiRouting}},
		{"ticket 123456789", nil},
		{"account number 12345678", []int{piiAccount}},
		{"account ending 5678", nil},
		{"身份证11010519491231002X", []int{piiResidentID}},
		{"身份证110105194912310021", nil},
		{"date of birth 1985-04-12", []int{piiBirthDate}},
		{"born on April 12, 1985", []int{piiBirthDate}},
		{"dob 12/04/85", []int{piiBirthDate}},
		{"出生日期1985年4月12日", []int{piiBirthDate}},
		{"please confirm your date of birth", nil},
		{"due on April 12, 2026", nil},
		{"unlike mr jane doe", []int{piiOtherBorrower}},
	}
	for _, tc := range tests {
		t.Run(tc.in, func(t *testing.T) {
			t.Parallel()
			got, _ := findPII(foldBase(nil, tc.in), []string{"Jane Doe"})
			var want uint16
			for _, k := range tc.kinds {
				want |= 1 << k
			}
			if got != want {
				t.Errorf("findPII(%q) = %b, want %b / 个人信息识别不符", tc.in, got, want)
			}
		})
	}
}

func TestMaskCards(t *testing.T) {
	t.Parallel()
	got, n := maskCards("cards 4111 1111 1111 1111 and 5500000000000004, ref 4111 1111 1111 1112")
	want := "cards **** **** **** 1111 and ************0004, ref 4111 1111 1111 1112"
	if got != want || n != 2 {
		t.Errorf("maskCards = %q, %d; want %q, 2 / 卡号遮蔽不符", got, n, want)
	}
}

// TestMatcherTransitionsAreTheLongestSuffix checks the automaton of the
// embedded lexicon state by state: from the state of a prefix of some
// term, a byte leads to the state of the longest suffix of that prefix and
// the byte that is itself a prefix of some term; out and dict name the
// states where terms end.
func TestMatcherTransitionsAreTheLongestSuffix(t *testing.T) {
	t.Parallel()
	m := lexiconMatcher(t)
	state := map[string]int{"": 0}
	for _, tm := range m.terms {
		s := 0
		for j := 0; j < len(tm.text); j++ {
			s = int(m.step(int32(s), m.class[tm.text[j]]))
			state[tm.text[:j+1]] = s
		}
	}
	ends := map[string]bool{}
	for _, tm := range m.terms {
		ends[tm.text] = true
	}
	longest := func(p string) string {
		for k := 0; k <= len(p); k++ {
			if _, ok := state[p[k:]]; ok {
				return p[k:]
			}
		}
		return ""
	}
	rep := make([]byte, m.nclass) // a byte of each class
	for b := 255; b >= 0; b-- {
		rep[m.class[b]] = byte(b)
	}
	if len(state) != len(m.out) {
		t.Fatalf("%d prefixes, %d states", len(state), len(m.out))
	}
	bad := 0
	for p, s := range state {
		for c := 0; c < m.nclass && bad < 10; c++ {
			if got, want := int(m.step(int32(s), uint8(c))), state[longest(p+string([]byte{rep[c]}))]; got != want {
				t.Errorf("from %q on %q: state %d, want %d", p, rep[c], got, want)
				bad++
			}
		}
		if (m.out[s] != 0) != ends[p] {
			t.Errorf("out of %q = %d, a term ends there: %v", p, m.out[s], ends[p])
		}
		want := -1
		for k := 1; k <= len(p); k++ {
			if ends[p[k:]] {
				want = state[p[k:]]
				break
			}
		}
		if int(m.dict[s]) != want {
			t.Errorf("dict of %q = %d, want %d", p, m.dict[s], want)
		}
	}
}
