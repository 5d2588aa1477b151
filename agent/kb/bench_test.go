package kb

import (
	"context"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"time"

	kbfiles "github.com/parley-collections/parley/kb"
)

// benchBase builds a Base of n chunks, each a shuffle of sentences from
// the starter documents of its language, so vocabulary and length are
// realistic.
func benchBase(b *testing.B, n int, emb Embedder) *Base {
	b.Helper()
	docs, err := ReadDocuments(kbfiles.FS())
	if err != nil {
		b.Fatal(err)
	}
	pool := map[string][]string{}
	for _, d := range docs {
		for _, c := range d.Chunks(ChunkOptions{}) {
			pool[d.Locale] = append(pool[d.Locale], sentences(c.Text, 200)...)
		}
	}
	rng := rand.New(rand.NewPCG(1, 2))
	chunks := make([]Chunk, n)
	for i := range chunks {
		lang := []string{"en", "zh"}[i%2]
		var parts []string
		for j := 0; j < 5; j++ {
			parts = append(parts, pool[lang][rng.IntN(len(pool[lang]))])
		}
		chunks[i] = Chunk{ID: fmt.Sprint(i), DocID: fmt.Sprintf("%s/doc%d", lang, i/10), Title: "Synthetic", Locale: lang, Text: strings.Join(parts, " ")}
	}
	base := &Base{emb: emb, index: NewIndex(emb.Dimension()), byLocale: map[string]int{}}
	if err := base.Add(context.Background(), chunks); err != nil {
		b.Fatal(err)
	}
	return base
}

// BenchmarkSearch10k measures one Search (embedding the query included)
// over 10,000 chunks and reports the median alongside Go's mean.
func BenchmarkSearch10k(b *testing.B) {
	qs := readQuestions(b)
	for _, bc := range []struct {
		name string
		emb  Embedder
	}{
		{"local-4096", NewLocalEmbedder(DefaultDimension)},
		{"dense-768", denseEmbedder{NewLocalEmbedder(768)}},
		{"dense-1536", denseEmbedder{NewLocalEmbedder(1536)}},
	} {
		b.Run(bc.name, func(b *testing.B) {
			base := benchBase(b, 10000, bc.emb)
			ctx := context.Background()
			var took []time.Duration
			b.ResetTimer()
			for i := 0; b.Loop(); i++ {
				q := qs[i%len(qs)]
				start := time.Now()
				if _, err := base.Search(ctx, q.Q, q.Locale, 5); err != nil {
					b.Fatal(err)
				}
				took = append(took, time.Since(start))
			}
			slices.Sort(took)
			b.ReportMetric(float64(took[len(took)/2].Microseconds())/1000, "median-ms")
		})
	}
}

// denseEmbedder makes every dimension non-zero, as endpoint embeddings
// are, so the flat-scan path is measured.
type denseEmbedder struct{ e *LocalEmbedder }

func (d denseEmbedder) Dimension() int { return d.e.Dimension() }
func (d denseEmbedder) Embed(ctx context.Context, texts []string) ([][]float32, error) {
	vs, err := d.e.Embed(ctx, texts)
	for _, v := range vs {
		for i := range v {
			v[i] += 1e-3
		}
	}
	return vs, err
}
