package agent

import (
	"testing"

	"github.com/parley-collections/parley/policies"
	"github.com/parley-collections/parley/prompts"
)

// TestFallbackIsItsTemplate: the fallback of a reply of every purpose,
// in every locale and asked for again, is its template rendered afresh,
// with the purpose a collection reply's fallback takes.
func TestFallbackIsItsTemplate(t *testing.T) {
	t.Parallel()
	kinds := map[string]string{
		policies.PurposeCollection:         "",
		policies.PurposeIdentity:           "",
		policies.PurposeHelp:               "",
		policies.PurposeOptOutConfirmation: "opt_out",
		policies.PurposeHandoff:            "handoff",
		policies.PurposeStopNotice:         "handoff",
		policies.PurposeDisputeAck:         "dispute",
	}
	for _, locale := range prompts.Locales {
		for purpose, kind := range kinds {
			text, version, err := prompts.Render(locale, prompts.Fallback{Kind: kind})
			if err != nil {
				t.Fatal(err)
			}
			want := purpose
			if purpose == policies.PurposeCollection {
				want = policies.PurposeIdentity
			}
			for range 2 {
				f := &flow{t: &Turn{Locale: locale}}
				got := f.fallback(purpose)
				if got == nil || got.Text != text || got.TemplateVersion != version || got.Purpose != want {
					t.Errorf("%s, %q: fallback %+v, want %q (%s), purpose %q", locale, purpose, got, text, version, want)
				}
			}
		}
	}
}
