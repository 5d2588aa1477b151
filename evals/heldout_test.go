package evals_test

import (
	"testing"

	"github.com/parley-collections/parley/evals"
)

// TestHeldOutSuitesLoad only parses the suites that CI does not run: the
// dialogue suite and the held-out batches (suites-fresh, suites-fresh2 to
// suites-fresh11), which are run once, after the code is frozen, and never
// tuned on. A format error in any of them fails here; whether their cases
// pass is not checked.
func TestHeldOutSuitesLoad(t *testing.T) {
	for _, dir := range []string{"suites-dialogue", "suites-fresh", "suites-fresh2", "suites-fresh3", "suites-fresh4", "suites-fresh5", "suites-fresh6", "suites-fresh7", "suites-fresh8", "suites-fresh9", "suites-fresh10", "suites-fresh11"} {
		suites, err := evals.Load(dir)
		if err != nil {
			t.Fatalf("%s: %v", dir, err)
		}
		n := 0
		for _, s := range suites {
			n += len(s.Cases)
		}
		if len(suites) == 0 || n == 0 {
			t.Errorf("%s: no cases loaded", dir)
		}
	}
}
