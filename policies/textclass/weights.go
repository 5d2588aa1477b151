package textclass

import (
	_ "embed" // the weights
	"sync"
)

// The weights `parley train` writes; see docs/models.md.
var (
	//go:embed weights/intent.bin
	intentWeights string
	//go:embed weights/content.bin
	contentWeights string
)

var (
	intents = sync.OnceValue(func() *Model { return mustLoad(intentWeights) })
	content = sync.OnceValue(func() *Model { return mustLoad(contentWeights) })
)

// Intents returns the embedded borrower-intent model, loaded on first use.
func Intents() *Model { return intents() }

// Content returns the embedded outbound-content model, loaded on first use.
func Content() *Model { return content() }

// mustLoad loads embedded weights; a test loads both, so a failure here
// is a broken build, not a run-time condition.
func mustLoad(data string) *Model {
	m, err := Load(data)
	if err != nil {
		panic(err)
	}
	return m
}
