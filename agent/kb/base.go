package kb

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"strings"

	"github.com/parley-collections/parley/agent"
	kbfiles "github.com/parley-collections/parley/kb"
)

// Base is the in-memory knowledge base: chunks of documents in an exact
// cosine Index, searched through an Embedder. It implements agent.Knowledge.
type Base struct {
	emb      Embedder
	index    *Index
	chunks   []Chunk
	docs     int
	byLocale map[string]int // chunks per locale
}

var _ agent.Knowledge = (*Base)(nil)

// embedBatch bounds one Embed call, which keeps endpoint requests small.
const embedBatch = 64

// New builds a Base over docs, chunked with opt and embedded with emb.
func New(ctx context.Context, docs []Document, emb Embedder, opt ChunkOptions) (*Base, error) {
	if emb == nil {
		return nil, errors.New("kb: new: nil embedder")
	}
	b := &Base{emb: emb, index: NewIndex(emb.Dimension()), docs: len(docs), byLocale: map[string]int{}}
	var chunks []Chunk
	for _, d := range docs {
		chunks = append(chunks, d.Chunks(opt)...)
	}
	if err := b.Add(ctx, chunks); err != nil {
		return nil, fmt.Errorf("kb: new: %w", err)
	}
	return b, nil
}

// LoadDir reads every Markdown file under fsys (en/*.md, zh/*.md, …) and
// builds a Base with default chunk options.
func LoadDir(ctx context.Context, fsys fs.FS, emb Embedder) (*Base, error) {
	docs, err := ReadDocuments(fsys)
	if err != nil {
		return nil, err
	}
	if len(docs) == 0 {
		return nil, errors.New("kb: load: no Markdown documents found")
	}
	return New(ctx, docs, emb, ChunkOptions{})
}

// Default is the knowledge base over the starter documents embedded in the
// binary, with the local embedder: it needs no set-up and no network.
func Default(ctx context.Context) (*Base, error) {
	return LoadDir(ctx, kbfiles.FS(), NewLocalEmbedder(DefaultDimension))
}

// Add embeds chunks and adds them to the index.
func (b *Base) Add(ctx context.Context, chunks []Chunk) error {
	vecs, err := EmbedChunks(ctx, b.emb, chunks)
	if err != nil {
		return err
	}
	for i, v := range vecs {
		if _, err := b.index.Add(v); err != nil {
			return err
		}
		b.chunks = append(b.chunks, chunks[i])
		b.byLocale[chunks[i].Locale]++
	}
	return nil
}

// EmbedChunks embeds each chunk's EmbedText in bounded batches, which
// keeps endpoint requests small, and checks that one vector came back per
// chunk.
func EmbedChunks(ctx context.Context, emb Embedder, chunks []Chunk) ([][]float32, error) {
	out := make([][]float32, 0, len(chunks))
	for start := 0; start < len(chunks); start += embedBatch {
		batch := chunks[start:min(start+embedBatch, len(chunks))]
		texts := make([]string, len(batch))
		for i, c := range batch {
			texts[i] = c.EmbedText()
		}
		vecs, err := emb.Embed(ctx, texts)
		if err != nil {
			return nil, fmt.Errorf("embed: %w", err)
		}
		if len(vecs) != len(batch) {
			return nil, fmt.Errorf("embed: got %d vectors for %d texts", len(vecs), len(batch))
		}
		out = append(out, vecs...)
	}
	return out, nil
}

// EmbedQuery embeds one search query and reports the language whose
// passages to prefer (see QueryLang).
func EmbedQuery(ctx context.Context, emb Embedder, query, locale string) (vec []float32, lang string, err error) {
	vecs, err := emb.Embed(ctx, []string{query})
	if err != nil {
		return nil, "", fmt.Errorf("embed: %w", err)
	}
	if len(vecs) != 1 {
		return nil, "", fmt.Errorf("embed: got %d vectors for 1 text", len(vecs))
	}
	return vecs[0], QueryLang(query, locale), nil
}

// QueryLang is the language whose passages a query should get first. For
// the languages the detector tells apart (English and Chinese, or no
// locale) it is the language the query is written in, since a borrower in
// a Chinese conversation who asks in English reads English best and a
// lexical embedder matches nothing across scripts; for any other locale it
// is the locale's language.
func QueryLang(query, locale string) string {
	switch l := Lang(locale); l {
	case "", "en", "zh":
		return DetectLang(query)
	default:
		return l
	}
}

// Stats reports the number of documents, chunks and the vector dimension.
func (b *Base) Stats() (docs, chunks, dim int) { return b.docs, len(b.chunks), b.index.Dimension() }

// Search returns the k passages most similar to query. Passages in the
// query's language (QueryLang) are preferred: when the base holds any,
// only they are searched; otherwise every passage is.
func (b *Base) Search(ctx context.Context, query, locale string, k int) ([]agent.Passage, error) {
	if strings.TrimSpace(query) == "" || k <= 0 {
		return nil, nil
	}
	vec, lang, err := EmbedQuery(ctx, b.emb, query, locale)
	if err != nil {
		return nil, fmt.Errorf("kb: search: %w", err)
	}
	var admit func(int) bool
	if b.byLocale[lang] > 0 {
		admit = func(pos int) bool { return b.chunks[pos].Locale == lang }
	}
	hits, err := b.index.Search(vec, k, admit)
	if err != nil {
		return nil, fmt.Errorf("kb: search: %w", err)
	}
	out := make([]agent.Passage, 0, len(hits))
	for _, h := range hits {
		if h.Score <= 0 {
			continue
		}
		c := b.chunks[h.Pos]
		out = append(out, agent.Passage{DocID: c.DocID, Title: c.Title, Text: c.Text, Score: float64(h.Score)})
	}
	return out, nil
}
