// Package qdrant is Parley's production knowledge base: passages of the
// knowledge-base documents stored as vectors in a Qdrant collection over
// gRPC (github.com/qdrant/go-client), searched with the same Embedder
// that indexed them. Store implements agent.Knowledge.
//
// # Wiring
//
// cmd/parley opens it when QDRANT_URL is set, with the embedder the
// collection was filled with (`parley kb ingest DIR` uses the endpoint's
// embeddings when PARLEY_LLM_BASE_URL is set, else kb.LocalEmbedder):
//
//	store, err := qdrant.Open(ctx, qdrant.ConfigFromEnv(os.Getenv), emb)
//
// Open refuses a collection of another dimension, so a server cannot
// search with an embedder other than the one that indexed it.
//
// # What must not happen here
//
// It never logs query text or API keys, never mixes embedders of different
// dimensions in one collection (Open refuses), and never decides what
// a borrower is told: it returns passages with the document they came from.
package qdrant

import (
	"context"
	"crypto/sha1"
	"crypto/tls"
	"errors"
	"fmt"
	"log/slog"
	"net/url"
	"strconv"
	"strings"

	"github.com/qdrant/go-client/qdrant"

	"github.com/parley-collections/parley/agent"
	"github.com/parley-collections/parley/agent/kb"
)

// Config says where the Qdrant server is.
type Config struct {
	// URL is the server's gRPC address (QDRANT_URL): "http://host:6334",
	// "https://host:6334" for TLS, or "host:port". The port defaults to 6334.
	URL string
	// APIKey is sent as the api-key metadata (QDRANT_API_KEY).
	APIKey string
	// Collection holds the passages; default "parley_kb".
	Collection string
	// TLSConfig overrides the TLS settings of an https URL.
	TLSConfig *tls.Config
	// Logger receives operational events, never text; default slog.Default().
	Logger *slog.Logger
}

// ConfigFromEnv reads QDRANT_URL and QDRANT_API_KEY through getenv.
func ConfigFromEnv(getenv func(string) string) Config {
	return Config{URL: strings.TrimSpace(getenv("QDRANT_URL")), APIKey: strings.TrimSpace(getenv("QDRANT_API_KEY"))}
}

// LogValue keeps the API key out of logs.
func (c Config) LogValue() slog.Value {
	return slog.GroupValue(slog.String("url", c.URL), slog.String("collection", c.Collection), slog.Bool("api_key_set", c.APIKey != ""))
}

// Store is a knowledge base in one Qdrant collection. It is safe for
// concurrent use.
type Store struct {
	client     *qdrant.Client
	collection string
	emb        kb.Embedder
	log        *slog.Logger
}

var _ agent.Knowledge = (*Store)(nil)

// DefaultCollection is the collection used when Config names none.
const DefaultCollection = "parley_kb"

// Open connects to Qdrant and makes sure the collection exists, creating
// it with emb's dimension and cosine distance when it is missing. An
// existing collection of another dimension is an error.
func Open(ctx context.Context, cfg Config, emb kb.Embedder) (*Store, error) {
	if emb == nil {
		return nil, errors.New("qdrant: open: nil embedder")
	}
	qc, err := clientConfig(cfg)
	if err != nil {
		return nil, fmt.Errorf("qdrant: open: %w", err)
	}
	client, err := qdrant.NewClient(qc)
	if err != nil {
		return nil, fmt.Errorf("qdrant: open: %w", err)
	}
	s := &Store{client: client, collection: cfg.Collection, emb: emb, log: cfg.Logger}
	if s.collection == "" {
		s.collection = DefaultCollection
	}
	if s.log == nil {
		s.log = slog.Default()
	}
	if err := s.ensureCollection(ctx); err != nil {
		client.Close()
		return nil, fmt.Errorf("qdrant: open: %w", err)
	}
	return s, nil
}

// clientConfig reads the URL into the client's settings.
func clientConfig(cfg Config) (*qdrant.Config, error) {
	raw := strings.TrimSpace(cfg.URL)
	if raw == "" {
		return nil, errors.New("no URL")
	}
	if !strings.Contains(raw, "://") {
		raw = "http://" + raw
	}
	u, err := url.Parse(raw)
	if err != nil {
		return nil, fmt.Errorf("bad URL: %w", err)
	}
	if u.Scheme != "http" && u.Scheme != "https" {
		return nil, fmt.Errorf("bad URL scheme %q", u.Scheme)
	}
	host, portText := u.Hostname(), u.Port()
	if host == "" {
		return nil, errors.New("URL has no host")
	}
	port := 6334
	if portText != "" {
		if port, err = strconv.Atoi(portText); err != nil || port <= 0 || port > 65535 {
			return nil, fmt.Errorf("bad port %q", portText)
		}
	}
	return &qdrant.Config{
		Host: host, Port: port, APIKey: cfg.APIKey,
		UseTLS: u.Scheme == "https", TLSConfig: cfg.TLSConfig,
		// A version mismatch is only logged by the client; readiness is
		// checked by the collection calls that follow.
		SkipCompatibilityCheck: true,
	}, nil
}

func (s *Store) ensureCollection(ctx context.Context) error {
	exists, err := s.client.CollectionExists(ctx, s.collection)
	if err != nil {
		return err
	}
	dim := s.emb.Dimension()
	if !exists {
		err := s.client.CreateCollection(ctx, &qdrant.CreateCollection{
			CollectionName: s.collection,
			VectorsConfig:  qdrant.NewVectorsConfig(&qdrant.VectorParams{Size: uint64(dim), Distance: qdrant.Distance_Cosine}),
		})
		if err != nil {
			return err
		}
		// Keyword indexes keep the locale and document filters fast as the
		// collection grows.
		for _, field := range []string{"locale", "doc_id"} {
			_, err := s.client.CreateFieldIndex(ctx, &qdrant.CreateFieldIndexCollection{
				CollectionName: s.collection, FieldName: field,
				FieldType: qdrant.FieldType_FieldTypeKeyword.Enum(), Wait: qdrant.PtrOf(true),
			})
			if err != nil {
				return fmt.Errorf("index %s: %w", field, err)
			}
		}
		s.log.Info("qdrant collection created", slog.String("collection", s.collection), slog.Int("dimension", dim))
		return nil
	}
	info, err := s.client.GetCollectionInfo(ctx, s.collection)
	if err != nil {
		return err
	}
	params := info.GetConfig().GetParams().GetVectorsConfig().GetParams()
	if params == nil {
		return fmt.Errorf("collection %s has no single unnamed vector", s.collection)
	}
	if int(params.GetSize()) != dim {
		return fmt.Errorf("collection %s holds %d-dimension vectors, the embedder makes %d", s.collection, params.GetSize(), dim)
	}
	return nil
}

// Close releases the connections.
func (s *Store) Close() error { return s.client.Close() }

// batch bounds one upsert request.
const batch = 64

// Upsert embeds chunks and stores them, first removing every earlier
// passage of the same documents so that a shortened document leaves no
// stale passages behind. Point ids derive from chunk ids, so re-running an
// ingest is idempotent.
func (s *Store) Upsert(ctx context.Context, chunks []kb.Chunk) error {
	var docs []string
	seen := map[string]bool{}
	for _, c := range chunks {
		if !seen[c.DocID] {
			seen[c.DocID] = true
			docs = append(docs, c.DocID)
		}
	}
	if len(docs) > 0 {
		_, err := s.client.Delete(ctx, &qdrant.DeletePoints{
			CollectionName: s.collection, Wait: qdrant.PtrOf(true),
			Points: qdrant.NewPointsSelectorFilter(&qdrant.Filter{Must: []*qdrant.Condition{qdrant.NewMatchKeywords("doc_id", docs...)}}),
		})
		if err != nil {
			return fmt.Errorf("qdrant: upsert: delete old passages: %w", err)
		}
	}
	vecs, err := kb.EmbedChunks(ctx, s.emb, chunks)
	if err != nil {
		return fmt.Errorf("qdrant: upsert: %w", err)
	}
	for start := 0; start < len(chunks); start += batch {
		end := min(start+batch, len(chunks))
		points := make([]*qdrant.PointStruct, 0, end-start)
		for i := start; i < end; i++ {
			c := chunks[i]
			points = append(points, &qdrant.PointStruct{
				Id:      qdrant.NewID(pointID(c.ID)),
				Vectors: qdrant.NewVectorsDense(vecs[i]),
				Payload: map[string]*qdrant.Value{
					"chunk_id": qdrant.NewValueString(c.ID),
					"doc_id":   qdrant.NewValueString(c.DocID),
					"title":    qdrant.NewValueString(c.Title),
					"locale":   qdrant.NewValueString(c.Locale),
					"heading":  qdrant.NewValueString(c.Heading),
					"text":     qdrant.NewValueString(c.Text),
				},
			})
		}
		if _, err := s.client.Upsert(ctx, &qdrant.UpsertPoints{CollectionName: s.collection, Wait: qdrant.PtrOf(true), Points: points}); err != nil {
			return fmt.Errorf("qdrant: upsert: %w", err)
		}
	}
	return nil
}

// Search returns the k passages nearest to query, preferring the query's
// language: passages of that locale first, and every locale only when it
// has none.
func (s *Store) Search(ctx context.Context, query, locale string, k int) ([]agent.Passage, error) {
	if strings.TrimSpace(query) == "" || k <= 0 {
		return nil, nil
	}
	vec, lang, err := kb.EmbedQuery(ctx, s.emb, query, locale)
	if err != nil {
		return nil, fmt.Errorf("qdrant: search: %w", err)
	}
	hits, err := s.query(ctx, vec, k, lang)
	if err == nil && len(hits) == 0 {
		hits, err = s.query(ctx, vec, k, "")
	}
	if err != nil {
		return nil, fmt.Errorf("qdrant: search: %w", err)
	}
	out := make([]agent.Passage, 0, len(hits))
	for _, h := range hits {
		p := h.GetPayload()
		out = append(out, agent.Passage{
			DocID: p["doc_id"].GetStringValue(), Title: p["title"].GetStringValue(),
			Text: p["text"].GetStringValue(), Score: float64(h.GetScore()),
		})
	}
	return out, nil
}

func (s *Store) query(ctx context.Context, vec []float32, k int, lang string) ([]*qdrant.ScoredPoint, error) {
	req := &qdrant.QueryPoints{
		CollectionName: s.collection,
		Query:          qdrant.NewQueryDense(vec),
		Limit:          qdrant.PtrOf(uint64(k)),
		WithPayload:    qdrant.NewWithPayload(true),
	}
	if lang != "" {
		req.Filter = &qdrant.Filter{Must: []*qdrant.Condition{qdrant.NewMatch("locale", lang)}}
	}
	return s.client.Query(ctx, req)
}

// pointID maps a chunk id to a stable UUID (name-based, SHA-1, version 5
// layout), since Qdrant ids must be UUIDs or integers.
func pointID(chunkID string) string {
	h := sha1.Sum([]byte("parley-kb\x00" + chunkID))
	h[6] = h[6]&0x0f | 0x50
	h[8] = h[8]&0x3f | 0x80
	return fmt.Sprintf("%x-%x-%x-%x-%x", h[0:4], h[4:6], h[6:8], h[8:10], h[10:16])
}
