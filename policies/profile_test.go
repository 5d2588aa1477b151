package policies

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestEmbeddedProfilesLoad(t *testing.T) {
	t.Parallel()
	g, err := NewGuard(Options{})
	if err != nil {
		t.Fatalf("embedded profiles do not load / 内置配置无法加载: %v", err)
	}
	want := []string{"CN", "GB", "IN", "US", "US-CA", "US-MA", "US-NY", "US-WA"}
	if diff := cmp.Diff(want, g.Jurisdictions()); diff != "" {
		t.Errorf("jurisdictions (-want +got) / 司法辖区不符:\n%s", diff)
	}
	if Default() == nil || Default() != Default() {
		t.Error("Default must return one shared guard / Default 应返回同一个实例")
	}
}

func TestProfileMergeStrictestWins(t *testing.T) {
	t.Parallel()
	g := Default()
	tests := []struct {
		name       string
		start, end int
		caps       int
		zone       string
	}{
		{"US", 8 * 60, 21 * 60, 1, "America/New_York"},
		{"US-WA", 8 * 60, 21 * 60, 2, "America/Los_Angeles"}, // 07:30 loses to the federal 08:00
		{"US-MA", 8 * 60, 21 * 60, 2, "America/New_York"},
		{"CN", 8 * 60, 22 * 60, 1, "Asia/Shanghai"},
		{"IN", 8 * 60, 19 * 60, 1, "Asia/Kolkata"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			p := g.profiles[tc.name]
			if p.start != tc.start || p.end != tc.end {
				t.Errorf("window = %d-%d, want %d-%d / 时间窗口不符", p.start, p.end, tc.start, tc.end)
			}
			if len(p.caps) != tc.caps {
				t.Errorf("caps = %d, want %d / 频次上限数量不符", len(p.caps), tc.caps)
			}
			if p.zones[0].String() != tc.zone {
				t.Errorf("first zone = %s, want %s / 时区不符", p.zones[0], tc.zone)
			}
		})
	}
}

func TestNewGuardRejectsBadProfiles(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, doc, want string
	}{
		{"unknown field", "jurisdiction: XX\nwindo: {}\n", "field windo not found"},
		{"no window", "jurisdiction: XX\ncurrency: EUR\ntimezones: [Europe/Paris]\n", "no window"},
		{"bad zone", "jurisdiction: XX\ncurrency: EUR\ntimezones: [Mars/Olympus]\nwindow: {start: \"08:00\", end: \"20:00\", rule: X, citation: Y}\n", "unknown time zone"},
		{"inverted window", "jurisdiction: XX\ncurrency: EUR\ntimezones: [Europe/Paris]\nwindow: {start: \"20:00\", end: \"08:00\", rule: X, citation: Y}\n", "not before end"},
		{"unknown family", "jurisdiction: XX\nparent: US\nrules: {nonsense: {rule: X, citation: Y}}\n", "unknown family"},
		{"unknown parent", "jurisdiction: XX\nparent: ZZ\n", "unknown parent"},
		{"cap with an unknown action", "jurisdiction: XX\nparent: US\ncaps: [{counter: calls_7d, max: 2, action: pause, rule: X, citation: Y}]\n", "action must be block or escalate"},
		{"cap without max", "jurisdiction: XX\nparent: US\ncaps: [{counter: calls_7d, rule: X, citation: Y}]\n", "max must be"},
		{"missing citation", "jurisdiction: XX\nparent: US\nwindow: {start: \"09:00\", end: \"20:00\", rule: X}\n", "rule and citation"},
		{"json unknown channel", `{"jurisdiction":"XX","parent":"US","caps":[{"counter":"calls_7d","max":2,"channels":["fax"],"rule":"X","citation":"Y"}]}`, "unknown channel"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			_, err := NewGuard(Options{Profiles: [][]byte{[]byte(tc.doc)}})
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("err = %v, want one containing %q / 错误信息不符", err, tc.want)
			}
		})
	}
}

func TestNewGuardOverridesAndAdds(t *testing.T) {
	t.Parallel()
	doc := `jurisdiction: CN
currency: CNY
timezones: [Asia/Shanghai]
window: {start: "08:00", end: "21:00", rule: CN-T1, citation: "product default"}
---
{"jurisdiction": "US-TX", "parent": "US", "name": "Texas", "timezones": ["America/Chicago"]}
`
	g, err := NewGuard(Options{Profiles: [][]byte{[]byte(doc)}})
	if err != nil {
		t.Fatalf("NewGuard: %v / 加载失败", err)
	}
	if p := g.profiles["CN"]; p.end != 21*60 {
		t.Errorf("CN window end = %d, want 21:00 after override / 覆盖后的结束时间不符", p.end)
	}
	if p := g.profiles["US-TX"]; p == nil || p.start != 8*60 || len(p.caps) != 1 {
		t.Errorf("US-TX not merged with US: %+v / 未与联邦规则合并", p)
	}
}

// The family and currency of a jurisdiction follow its parent chain, for a
// profile added by configuration as for an embedded one.
func TestProfileFamilyAndCurrency(t *testing.T) {
	t.Parallel()
	doc := `jurisdiction: US-TX
parent: US
name: Texas
timezones: [America/Chicago]
---
jurisdiction: AU
name: Australia
currency: aud
timezones: [Australia/Sydney]
window: {start: "07:30", end: "21:00", rule: AU-T1, citation: "ACCC/ASIC debt collection guideline"}
`
	g, err := NewGuard(Options{Profiles: [][]byte{[]byte(doc)}, NoClassifier: true})
	if err != nil {
		t.Fatalf("NewGuard: %v / 加载失败", err)
	}
	tests := []struct {
		j, family, currency string
		ok                  bool
	}{
		{"US", "US", "USD", true},
		{"US-MA", "US", "USD", true},
		{"US-TX", "US", "USD", true},
		{"GB", "GB", "GBP", true},
		{"CN", "CN", "CNY", true},
		{"IN", "IN", "INR", true},
		{"AU", "AU", "AUD", true},
		{"XX", "", "", false},
	}
	for _, tc := range tests {
		f, ok := g.Family(tc.j)
		if f != tc.family || ok != tc.ok || g.Currency(tc.j) != tc.currency {
			t.Errorf("%s: family %q %v, currency %q; want %q %v %q / 所属体系或币种不符", tc.j, f, ok, g.Currency(tc.j), tc.family, tc.ok, tc.currency)
		}
	}
}
