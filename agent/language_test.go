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
