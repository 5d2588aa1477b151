package kb

import (
	"context"
	"sync"

	"github.com/parley-collections/parley/agent"
)

// Lazy is a knowledge base built by its first search: a run in which no
// one asks a question (most eval runs) never embeds the documents. The
// build runs once; its error is every search's.
type Lazy struct {
	once sync.Once
	load func() (*Base, error)
	b    *Base
	err  error
}

var _ agent.Knowledge = (*Lazy)(nil)

// NewLazy returns a knowledge base that load builds when first searched.
func NewLazy(load func() (*Base, error)) *Lazy { return &Lazy{load: load} }

// Search builds the base if it is not built yet and searches it.
func (l *Lazy) Search(ctx context.Context, query, locale string, k int) ([]agent.Passage, error) {
	l.once.Do(func() { l.b, l.err = l.load() })
	if l.err != nil {
		return nil, l.err
	}
	return l.b.Search(ctx, query, locale, k)
}
