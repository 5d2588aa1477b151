package rules

import (
	"testing"

	"github.com/parley-collections/parley/agent"
)

// TestDevanagariCrisis: a wish to die written in Hindi in Devanagari,
// alone or inside English or Hinglish, is a crisis; the vowel signs of the
// script stay inside their words.
func TestDevanagariCrisis(t *testing.T) {
	t.Parallel()
	for _, text := range []string{
		"मैं मरना चाहता हूं",
		"अब जीने की कोई वजह नहीं बची",
		"आत्महत्या के ख़याल आ रहे हैं",
		"I can't do this anymore, मैं अपनी जान दे दूंगी",
		"ab aur nahi, मैं ज़िंदा नहीं रहना चाहता",
	} {
		if _, ok := first(readWith(t, text, nil), agent.IntentVulnerable); !ok {
			t.Errorf("%q read as %+v; want a crisis", text, readWith(t, text, nil))
		}
	}
	if got := tokenize(normalize("आत्महत्या")); len(got) != 1 {
		t.Errorf("tokenize(आत्महत्या) = %d tokens; want one word", len(got))
	}
}
