package openai

import (
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

func TestSplitter(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name      string
		fragments []string
		want      []string
	}{
		{"english", []string{"Hi. How ", "are you? Fine!", " Bye"}, []string{"Hi.", "How are you?", "Fine!", "Bye"}},
		{"decimals stay whole", []string{"It is $1", ".50 now. Ok"}, []string{"It is $1.50 now.", "Ok"}},
		{"chinese", []string{"您好。请", "问有什么", "可以帮您？好的！"}, []string{"您好。", "请问有什么可以帮您？", "好的！"}},
		{"closing quote", []string{`He said "ok." Then`}, []string{`He said "ok."`, "Then"}},
		{"newline", []string{"line one\nline two"}, []string{"line one", "line two"}},
		{"ellipsis", []string{"Well... ok."}, []string{"Well...", "ok."}},
	}
	for _, tt := range tests {
		var s splitter
		var got []string
		for _, f := range tt.fragments {
			got = append(got, s.push(f)...)
		}
		if rest := s.flush(); rest != "" {
			got = append(got, rest)
		}
		if diff := cmp.Diff(tt.want, got); diff != "" {
			t.Errorf("%s (-want +got):\n%s", tt.name, diff)
		}
	}
}

func TestNormalizeDOB(t *testing.T) {
	t.Parallel()
	now := time.Date(2026, 11, 28, 0, 0, 0, 0, time.UTC)
	tests := []struct {
		in   string
		want []string
	}{
		{"1985-04-12", []string{"1985-04-12"}},
		{"1985/4/12", []string{"1985-04-12"}},
		{"19850412", []string{"1985-04-12"}},
		{"1985年4月12日", []string{"1985-04-12"}},
		{"１９８５－０４－１２", []string{"1985-04-12"}},
		{"April 12, 1985", []string{"1985-04-12"}},
		{"12th April 1985", []string{"1985-04-12"}},
		{"Aug 1st 1990", []string{"1990-08-01"}},
		{"04/12/1985", []string{"1985-04-12", "1985-12-04"}},
		{"25/12/1985", []string{"1985-12-25"}},
		{"4/4/85", []string{"1985-04-04"}},
		{"1/2/03", []string{"1903-01-02", "1903-02-01", "2003-01-02", "2003-02-01"}},
		{"1985-02-30", nil},
		{"2027-01-01", nil},
		{"1850-01-01", nil},
		{"yesterday", nil},
	}
	for _, tt := range tests {
		got := normalizeDOB(tt.in, now)
		if diff := cmp.Diff(tt.want, got, cmpEmpty); diff != "" {
			t.Errorf("normalizeDOB(%q) (-want +got):\n%s", tt.in, diff)
		}
	}
}

var cmpEmpty = cmp.FilterValues(func(a, b []string) bool { return len(a) == 0 && len(b) == 0 }, cmp.Ignore())

func TestConfigFromEnv(t *testing.T) {
	t.Parallel()
	env := map[string]string{"PARLEY_LLM_BASE_URL": " http://127.0.0.1:1/v1 ", "OPENAI_API_KEY": "sk-1", "PARLEY_LLM_MODEL": "m"}
	c := ConfigFromEnv(func(k string) string { return env[k] })
	if c.BaseURL != "http://127.0.0.1:1/v1" || c.APIKey != "sk-1" || c.Model != "m" || !c.Configured() {
		t.Errorf("config %+v", c)
	}
	env["PARLEY_LLM_API_KEY"] = "pk-2"
	if c := ConfigFromEnv(func(k string) string { return env[k] }); c.APIKey != "pk-2" {
		t.Errorf("PARLEY_LLM_API_KEY should win, got %q", c.APIKey)
	}
	if (Config{}).Configured() {
		t.Error("an empty config counts as configured")
	}
	d := Config{}.withDefaults()
	if d.TextTimeout != 8*time.Second || d.VoiceTimeout != 3*time.Second || d.BreakerThreshold != 5 || d.Model == "" {
		t.Errorf("defaults %+v", d)
	}
	if v := (Config{APIKey: "sk-secret"}).LogValue().String(); strings.Contains(v, "sk-secret") {
		t.Errorf("log value shows the key: %s", v)
	}
}
