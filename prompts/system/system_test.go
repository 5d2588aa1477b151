package system

import (
	"flag"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

func golden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", name+".golden")
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if diff := cmp.Diff(string(want), got); diff != "" {
		t.Errorf("%s differs from the golden file (-want +got):\n%s", name, diff)
	}
}

func TestRenderPhraseGolden(t *testing.T) {
	t.Parallel()
	for _, locale := range []string{"en", "zh"} {
		for _, channel := range []string{"sms", "chat", "voice"} {
			for _, task := range []Task{TaskReword, TaskAnswer} {
				name := strings.Join([]string{"system", locale, channel, string(task)}, ".")
				t.Run(name, func(t *testing.T) {
					t.Parallel()
					p, err := RenderPhrase(locale, channel, Phrase{Task: task})
					if err != nil {
						t.Fatal(err)
					}
					if want := "system.v1." + locale + "." + channel; p.Version != want {
						t.Errorf("version %q, want %q", p.Version, want)
					}
					golden(t, name, p.Text)
				})
			}
		}
	}
}

func TestRenderUnderstandGolden(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		data Understand
	}{
		{"understand.no-offers", Understand{Today: "2026-11-28", Currency: "USD"}},
		{"understand.offers", Understand{Today: "2026-11-28", Currency: "CNY", OfferIDs: []string{"P-1", "P-2"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			p, err := RenderUnderstand(tt.data)
			if err != nil {
				t.Fatal(err)
			}
			if p.Version != "understand.v1" {
				t.Errorf("version %q", p.Version)
			}
			golden(t, tt.name, p.Text)
		})
	}
}

func TestRenderFallbacksAndErrors(t *testing.T) {
	t.Parallel()
	tests := []struct {
		locale, channel string
		task            Task
		wantVersion     string
		wantErr         bool
	}{
		{"zh-CN", "sms", TaskReword, "system.v1.zh.sms", false},
		{"hi-IN", "voice", TaskAnswer, "system.v1.en.voice", false},
		{"en", "email", TaskAnswer, "system.v1.en.chat", false},
		{"en", "console", TaskReword, "system.v1.en.chat", false},
		{"en", "sms", "summarize", "", true},
		{"en", "sms", "", "", true},
	}
	for _, tt := range tests {
		p, err := RenderPhrase(tt.locale, tt.channel, Phrase{Task: tt.task})
		if (err != nil) != tt.wantErr || p.Version != tt.wantVersion {
			t.Errorf("RenderPhrase(%q, %q, %q) = %q, %v; want %q, error %v", tt.locale, tt.channel, tt.task, p.Version, err, tt.wantVersion, tt.wantErr)
		}
	}
	if _, err := RenderUnderstand(Understand{Today: "2026-11-28"}); err == nil {
		t.Error("understand prompt rendered without a currency")
	}
}

func TestMaxCharsOverride(t *testing.T) {
	t.Parallel()
	p, err := RenderPhrase("en", "sms", Phrase{Task: TaskReword, MaxChars: 160})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(p.Text, "at most 160 characters") {
		t.Errorf("limit not rendered:\n%s", p.Text)
	}
}

// TestPromptsCarryNoNumbersOrTemplates guards the rule that prompts never
// carry account facts: apart from the length limit, the date and the offer
// list, a rendered prompt has no digits, and nothing is left unrendered.
func TestPromptsCarryNoNumbersOrTemplates(t *testing.T) {
	t.Parallel()
	digits := regexp.MustCompile(`[0-9]`)
	for _, v := range Versions() {
		parts := strings.Split(v, ".")
		var text string
		switch parts[0] {
		case "persona":
			// It carries only the fictional borrower's facts, none here.
			p, err := RenderPersona(Persona{Name: "NAME", Language: "en"})
			if err != nil {
				t.Fatal(err)
			}
			text = p.Text
		case "judge":
			p, err := RenderJudge(Judge{})
			if err != nil {
				t.Fatal(err)
			}
			text = p.Text
		case "understand":
			p, err := RenderUnderstand(Understand{Today: "TODAY", Currency: "USD"})
			if err != nil {
				t.Fatal(err)
			}
			// The format examples are the only digits allowed.
			text = strings.NewReplacer(`"150"`, "", `"150.50"`, "").Replace(p.Text)
		default:
			p, err := RenderPhrase(parts[2], parts[3], Phrase{Task: TaskAnswer})
			if err != nil {
				t.Fatal(err)
			}
			text = strings.ReplaceAll(p.Text, "800", "")
			text = strings.ReplaceAll(strings.ReplaceAll(text, "320", ""), "400", "")
		}
		if digits.MatchString(text) {
			t.Errorf("%s carries a number:\n%s", v, text)
		}
		if strings.Contains(text, "{{") || strings.Contains(text, "<no value>") {
			t.Errorf("%s has an unrendered action", v)
		}
	}
}

func TestVersions(t *testing.T) {
	t.Parallel()
	got := Versions()
	slices.Sort(got)
	want := []string{
		"judge.v1", "persona.v1",
		"system.v1.en.chat", "system.v1.en.sms", "system.v1.en.voice",
		"system.v1.zh.chat", "system.v1.zh.sms", "system.v1.zh.voice", "understand.v1",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("versions (-want +got):\n%s", diff)
	}
}

func TestRenderPersonaGolden(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		data Persona
	}{
		{"persona.en", Persona{Name: "Maria Lopez", DOB: "1985-04-12", Postcode: "60601", AffordableMonthly: "150.00",
			Currency: "USD", Description: "a nurse who lost shifts and is worried but polite", Language: "en", Hardship: true}},
		{"persona.zh", Persona{Name: "王芳", DOB: "1990-08-08", Postcode: "200000", Currency: "CNY", Language: "zh",
			Disputes: true, Hostile: true}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			p, err := RenderPersona(tt.data)
			if err != nil {
				t.Fatal(err)
			}
			if p.Version != "persona.v1" {
				t.Errorf("version %q", p.Version)
			}
			golden(t, tt.name, p.Text)
		})
	}
	if _, err := RenderPersona(Persona{}); err == nil {
		t.Error("a persona without a name rendered")
	}
}

func TestRenderJudgeGolden(t *testing.T) {
	t.Parallel()
	p, err := RenderJudge(Judge{})
	if err != nil {
		t.Fatal(err)
	}
	if p.Version != "judge.v1" {
		t.Errorf("version = %q", p.Version)
	}
	for _, c := range JudgeCategories {
		if !strings.Contains(p.Text, "- "+c.Name+": ") {
			t.Errorf("the prompt does not name %s", c.Name)
		}
	}
	golden(t, "judge", p.Text)
}
