package textclass

import (
	"fmt"
	"slices"
	"testing"
)

// TestCrossFold: the folds depend only on the id, cover 0 to k-1 and are
// about equal in size.
func TestCrossFold(t *testing.T) {
	t.Parallel()
	const k, n = 5, 5000
	count := make([]int, k)
	for i := range n {
		id := fmt.Sprintf("row-%d", i)
		f := CrossFold(id, k)
		if f < 0 || f >= k {
			t.Fatalf("%s: fold %d", id, f)
		}
		if CrossFold(id, k) != f {
			t.Fatalf("%s: fold changed", id)
		}
		count[f]++
	}
	for f, c := range count {
		if c < n/k*8/10 || c > n/k*12/10 {
			t.Errorf("fold %d holds %d of %d ids", f, c, n)
		}
	}
}

// TestOutOfFold: every example is scored once, by the model of its own
// fold, which was not trained on it; a second run gives the same scores.
func TestOutOfFold(t *testing.T) {
	t.Parallel()
	var ex []Example
	for i := range 200 {
		text, labels := fmt.Sprintf("thank you for your payment number %d", i), []string(nil)
		if i%3 == 0 {
			text, labels = fmt.Sprintf("we will tell your employer about debt %d", i), []string{"third_party_disclosure"}
		}
		ex = append(ex, Example{ID: fmt.Sprintf("x-%d", i), Lang: "en", Text: text, Labels: labels})
	}
	cfg := TrainConfig{Epochs: 3, Rate: 0.2, L2: 1e-6, Seed: 1}
	scores, fold, models := OutOfFold(KindContent, ContentLabels, ex, 4, cfg)
	if len(models) != 4 || len(scores) != len(ex) || len(fold) != len(ex) {
		t.Fatalf("%d models, %d scores, %d folds", len(models), len(scores), len(fold))
	}
	var buf Buffer
	for i, e := range ex {
		if fold[i] != CrossFold(e.ID, 4) {
			t.Fatalf("%s: fold %d, CrossFold %d", e.ID, fold[i], CrossFold(e.ID, 4))
		}
		if !slices.Equal(scores[i], models[fold[i]].Scores(e.Text, &buf)) {
			t.Fatalf("%s: not scored by its fold's model", e.ID)
		}
	}
	again, _, _ := OutOfFold(KindContent, ContentLabels, ex, 4, cfg)
	for i := range scores {
		if !slices.Equal(scores[i], again[i]) {
			t.Fatalf("%s: scores differ between runs", ex[i].ID)
		}
	}
	tpd := slices.Index(ContentLabels, "third_party_disclosure")
	if scores[0][tpd] < 0.5 || scores[1][tpd] > 0.5 {
		t.Errorf("out-of-fold scores %v, %v do not separate the two kinds of rows", scores[0][tpd], scores[1][tpd])
	}
}
