package rules

import (
	"slices"
	"testing"

	"github.com/parley-collections/parley/agent"
)

// TestDevanagariIdentity: a date of birth with the month's name in
// Devanagari and a PIN code after the Hindi words for them verify like
// their English.
func TestDevanagariIdentity(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct{ text, dob, post string }{
		{"जन्म तिथि 3 दिसंबर 1986, पिन कोड 400001", "1986-12-03", "400001"},
		{"मेरा जन्मदिन 12 अप्रैल 1985 है और पिनकोड 560034", "1985-04-12", "560034"},
		{"जन्म की तारीख 21 सितम्बर 1990 और पिन 110017", "1990-09-21", "110017"},
	} {
		cmds := runWith(t, tc.text, nil)
		dobs, posts := claimed(cmds, agent.IdentityDOB), claimed(cmds, agent.IdentityPostcode)
		if !slices.Contains(dobs, tc.dob) || !slices.Contains(posts, tc.post) {
			t.Errorf("%q: dates of birth %q, postcodes %q; want %s and %s", tc.text, dobs, posts, tc.dob, tc.post)
		}
	}
}
