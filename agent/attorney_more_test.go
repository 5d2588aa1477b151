package agent

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestAttorneyNameInOtherForms: a name after an advocate's title in
// Devanagari, after 她叫 in mixed text and after "the attorney here is".
func TestAttorneyNameInOtherForms(t *testing.T) {
	t.Parallel()
	tests := []struct {
		text string
		want AttorneyDetails
	}{
		{"मेरे वकील श्री राजेश कुमार हैं, फोन 98290 11223", AttorneyDetails{Name: "राजेश कुमार", Phone: "98290 11223"}},
		{"I found a lawyer，她叫林美玲，电话 13900001111", AttorneyDetails{Name: "林美玲", Phone: "13900001111"}},
		{"Legal Aid took my case. The attorney here is Rosa Mendez", AttorneyDetails{Name: "Rosa Mendez"}},
	}
	for _, tc := range tests {
		if diff := cmp.Diff(tc.want, readAttorneyDetails(tc.text)); diff != "" {
			t.Errorf("readAttorneyDetails(%q) (-want +got):\n%s", tc.text, diff)
		}
	}
}
