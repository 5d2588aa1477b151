package openai

import (
	"context"
	"fmt"
	"sort"

	goopenai "github.com/sashabaranov/go-openai"

	"github.com/parley-collections/parley/agent/kb"
)

// Embedder embeds texts with the endpoint's /embeddings API, for the
// knowledge base when an endpoint is configured. It is safe for concurrent
// use.
type Embedder struct {
	ep  *endpoint
	dim int
}

var _ kb.Embedder = (*Embedder)(nil)

// NewEmbedder returns an Embedder for cfg.EmbeddingModel. When
// cfg.EmbeddingDimension is 0 it embeds one short text to learn the
// dimension, so a wrong model name fails here rather than at the first
// search.
func NewEmbedder(ctx context.Context, cfg Config) (*Embedder, error) {
	ep, err := newEndpoint(cfg)
	if err != nil {
		return nil, fmt.Errorf("openai: new embedder: %w", err)
	}
	e := &Embedder{ep: ep, dim: ep.cfg.EmbeddingDimension}
	if e.dim <= 0 {
		vs, err := e.embed(ctx, []string{"dimension probe"})
		if err != nil {
			return nil, fmt.Errorf("openai: new embedder: %w", err)
		}
		e.dim = len(vs[0])
		if e.dim == 0 {
			return nil, fmt.Errorf("openai: new embedder: %w", fail("embed", ReasonBadResponse))
		}
	}
	return e, nil
}

// Dimension reports the vector size.
func (e *Embedder) Dimension() int { return e.dim }

// Embed returns one vector per text, in order.
func (e *Embedder) Embed(ctx context.Context, texts []string) ([][]float32, error) {
	if len(texts) == 0 {
		return nil, nil
	}
	vs, err := e.embed(ctx, texts)
	if err != nil {
		return nil, err
	}
	for _, v := range vs {
		if len(v) != e.dim {
			return nil, fail("embed", ReasonBadResponse)
		}
	}
	return vs, nil
}

func (e *Embedder) embed(ctx context.Context, texts []string) ([][]float32, error) {
	if !e.ep.breaker.allow() {
		return nil, fail("embed", ReasonCircuitOpen)
	}
	cctx, cancel := context.WithTimeout(ctx, e.ep.cfg.TextTimeout)
	defer cancel()
	var resp goopenai.EmbeddingResponse
	reason := e.ep.call(cctx, func(ctx context.Context) error {
		var err error
		resp, err = e.ep.client.CreateEmbeddings(ctx, goopenai.EmbeddingRequestStrings{
			Input: texts, Model: goopenai.EmbeddingModel(e.ep.cfg.EmbeddingModel),
		})
		return err
	})
	if reason == "" && len(resp.Data) != len(texts) {
		reason = ReasonBadResponse
	}
	e.ep.settle(ctx, reason)
	if reason != "" {
		if err := ctx.Err(); err != nil {
			return nil, fmt.Errorf("openai: embed: %w", err)
		}
		return nil, fail("embed", reason)
	}
	sort.Slice(resp.Data, func(i, j int) bool { return resp.Data[i].Index < resp.Data[j].Index })
	out := make([][]float32, len(texts))
	for i, d := range resp.Data {
		if d.Index != i {
			return nil, fail("embed", ReasonBadResponse)
		}
		out[i] = d.Embedding
	}
	return out, nil
}
