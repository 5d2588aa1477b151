package agent

import (
	"os"
	"strings"
	"testing"
)

// TestLanguageRequest reads testdata/language_requests.tsv: explicit
// requests for a language, and messages that only mention one.
func TestLanguageRequest(t *testing.T) {
	t.Parallel()
	data, err := os.ReadFile("testdata/language_requests.tsv")
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, line := range strings.Split(strings.TrimSuffix(string(data), "\n"), "\n") {
		if strings.HasPrefix(line, "#") {
			continue
		}
		text, want, ok := strings.Cut(line, "\t")
		if !ok {
			t.Fatalf("line %q has no tab", line)
		}
		n++
		if got := languageRequest(text); got != want {
			t.Errorf("languageRequest(%q) = %q, want %q", text, got, want)
		}
	}
	if n < 20 {
		t.Fatalf("%d cases read", n)
	}
}

// TestLanguageNamesBeforePatterns: namesLanguage, which spares most
// messages the two patterns, passes every message either pattern matches,
// in any case and with the long s that (?i) folds to s.
func TestLanguageNamesBeforePatterns(t *testing.T) {
	t.Parallel()
	for _, text := range []string{"ENGLISH PLEASE", "can you speak engliſh", "Reply in Mandarin", "CHINEſE, please",
		"说英文", "用普通话", "改成中文吧", "do you speak English?"} {
		if !askEnglish.MatchString(text) && !askChinese.MatchString(text) {
			t.Fatalf("%q matches neither pattern: the case is wrong", text)
		}
		if !namesLanguage(text) || languageRequest(text) == "" {
			t.Errorf("%q: namesLanguage %v, languageRequest %q", text, namesLanguage(text), languageRequest(text))
		}
	}
	for _, text := range []string{"how much do I owe?", "I can pay 100 a month"} {
		if namesLanguage(text) {
			t.Errorf("namesLanguage(%q) = true", text)
		}
	}
}
