package qdrant

import (
	"context"
	"os"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/google/go-cmp/cmp"
	"github.com/qdrant/go-client/qdrant"

	"github.com/parley-collections/parley/agent/kb"
	"github.com/parley-collections/parley/agent/qdrant/qdranttest"
)

var docs = fstest.MapFS{
	"en/pay.md":    {Data: []byte("# How to pay\n\n## Card\n\nPay by debit card with the secure link.\n\n## Transfer\n\nPay by bank transfer with your reference.\n")},
	"en/rights.md": {Data: []byte("# Your rights\n\nYou can stop text messages by replying STOP.\n")},
	"zh/pay.md":    {Data: []byte("# 如何还款\n\n用借记卡通过安全链接付款。\n")},
}

func chunks(t *testing.T, fsys fstest.MapFS) []kb.Chunk {
	t.Helper()
	ds, err := kb.ReadDocuments(fsys)
	if err != nil {
		t.Fatal(err)
	}
	var out []kb.Chunk
	for _, d := range ds {
		out = append(out, d.Chunks(kb.ChunkOptions{})...)
	}
	return out
}

func TestStoreUpsertAndSearch(t *testing.T) {
	t.Parallel()
	f := qdranttest.Start(t)
	url := f.URL
	ctx := context.Background()
	emb := kb.NewLocalEmbedder(256)
	s, err := Open(ctx, Config{URL: url, APIKey: "secret-key"}, emb)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if dim, d, ok := f.Collection(DefaultCollection); !ok || dim != 256 || d != qdrant.Distance_Cosine {
		t.Fatalf("collection created with %d dims, distance %v", dim, d)
	}
	if diff := cmp.Diff([]string{"doc_id", "locale"}, f.Indexes(DefaultCollection)); diff != "" {
		t.Errorf("payload indexes (-want +got):\n%s", diff)
	}
	cs := chunks(t, docs)
	if err := s.Upsert(ctx, cs); err != nil {
		t.Fatal(err)
	}
	if err := s.Upsert(ctx, cs); err != nil { // idempotent
		t.Fatal(err)
	}
	if n := f.Count(DefaultCollection); n != len(cs) {
		t.Fatalf("%d points after two upserts of %d chunks", n, len(cs))
	}
	tests := []struct {
		query, locale string
		wantDoc       string
		wantTitle     string
	}{
		{"can I pay by debit card", "en-GB", "en/pay", "How to pay"},
		{"怎么用借记卡付款", "zh", "zh/pay", "如何还款"},
		{"stop text messages", "en", "en/rights", "Your rights"},
		{"pay by card", "hi", "en/pay", "How to pay"}, // no Hindi passages: every locale
	}
	for _, tt := range tests {
		got, err := s.Search(ctx, tt.query, tt.locale, 2)
		if err != nil {
			t.Fatal(err)
		}
		if len(got) == 0 || got[0].DocID != tt.wantDoc || got[0].Title != tt.wantTitle || got[0].Text == "" {
			t.Errorf("Search(%q, %q) = %+v, want %s first", tt.query, tt.locale, got, tt.wantDoc)
		}
		if tt.locale == "zh" && len(got) != 1 {
			t.Errorf("zh search returned passages of another locale: %+v", got)
		}
	}
	for _, k := range f.APIKeys() {
		if k != "secret-key" {
			t.Fatalf("a call carried api-key %q", k)
		}
	}
}

func TestUpsertRemovesStalePassages(t *testing.T) {
	t.Parallel()
	f := qdranttest.Start(t)
	url := f.URL
	ctx := context.Background()
	s, err := Open(ctx, Config{URL: url, Collection: "kb"}, kb.NewLocalEmbedder(64))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if err := s.Upsert(ctx, chunks(t, docs)); err != nil {
		t.Fatal(err)
	}
	shorter := fstest.MapFS{"en/pay.md": {Data: []byte("# How to pay\n\nUse the secure link.\n")}}
	if err := s.Upsert(ctx, chunks(t, shorter)); err != nil {
		t.Fatal(err)
	}
	// en/pay had two passages and now has one; the other documents keep theirs.
	if n := f.Count("kb"); n != 3 {
		t.Errorf("%d points, want 3", n)
	}
}

func TestOpenChecksDimension(t *testing.T) {
	t.Parallel()
	url := qdranttest.Start(t).URL
	ctx := context.Background()
	s, err := Open(ctx, Config{URL: url}, kb.NewLocalEmbedder(64))
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	if _, err := Open(ctx, Config{URL: url}, kb.NewLocalEmbedder(128)); err == nil || !strings.Contains(err.Error(), "64") {
		t.Errorf("Open with another dimension = %v, want a dimension error", err)
	}
	s, err = Open(ctx, Config{URL: url}, kb.NewLocalEmbedder(64))
	if err != nil {
		t.Errorf("reopening with the same dimension: %v", err)
	} else {
		s.Close()
	}
}

func TestSearchErrors(t *testing.T) {
	t.Parallel()
	f := qdranttest.Start(t)
	url := f.URL
	ctx := context.Background()
	s, err := Open(ctx, Config{URL: url}, kb.NewLocalEmbedder(64))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if got, err := s.Search(ctx, "  ", "en", 3); err != nil || got != nil {
		t.Errorf("blank query = %v, %v", got, err)
	}
	f.FailQueries(true)
	if _, err := s.Search(ctx, "pay", "en", 3); err == nil || !strings.HasPrefix(err.Error(), "qdrant: search:") {
		t.Errorf("search against a failing server = %v", err)
	}
}

func TestClientConfig(t *testing.T) {
	t.Parallel()
	tests := []struct {
		url     string
		host    string
		port    int
		tls     bool
		wantErr bool
	}{
		{"http://localhost:6334", "localhost", 6334, false, false},
		{"https://abc.cloud.qdrant.io", "abc.cloud.qdrant.io", 6334, true, false},
		{"https://abc.cloud.qdrant.io:443", "abc.cloud.qdrant.io", 443, true, false},
		{"qdrant:7000", "qdrant", 7000, false, false},
		{"", "", 0, false, true},
		{"ftp://x", "", 0, false, true},
		{"http://x:99999", "", 0, false, true},
	}
	for _, tt := range tests {
		c, err := clientConfig(Config{URL: tt.url, APIKey: "k"})
		if (err != nil) != tt.wantErr {
			t.Errorf("clientConfig(%q) error %v", tt.url, err)
			continue
		}
		if err == nil && (c.Host != tt.host || c.Port != tt.port || c.UseTLS != tt.tls || c.APIKey != "k") {
			t.Errorf("clientConfig(%q) = %s:%d tls=%v", tt.url, c.Host, c.Port, c.UseTLS)
		}
	}
	env := map[string]string{"QDRANT_URL": " http://q:6334 ", "QDRANT_API_KEY": "k"}
	if c := ConfigFromEnv(func(k string) string { return env[k] }); c.URL != "http://q:6334" || c.APIKey != "k" {
		t.Errorf("ConfigFromEnv = %+v", c)
	}
	if strings.Contains((Config{APIKey: "sekrit"}).LogValue().String(), "sekrit") {
		t.Error("log value shows the API key")
	}
}

func TestPointID(t *testing.T) {
	t.Parallel()
	a, b := pointID("en/pay#0"), pointID("en/pay#1")
	if a == b || a != pointID("en/pay#0") || len(a) != 36 || a[14] != '5' {
		t.Errorf("point ids %q %q", a, b)
	}
	if diff := cmp.Diff(strings.Count(a, "-"), 4); diff != "" {
		t.Error(diff)
	}
}

// TestIntegration runs against a real Qdrant when QDRANT_URL is set, in a
// throwaway collection.
func TestIntegration(t *testing.T) {
	if os.Getenv("QDRANT_URL") == "" {
		t.Skip("QDRANT_URL not set")
	}
	t.Parallel()
	ctx := context.Background()
	cfg := ConfigFromEnv(os.Getenv)
	cfg.Collection = "parley_test_" + strings.ReplaceAll(t.Name(), "/", "_")
	s, err := Open(ctx, cfg, kb.NewLocalEmbedder(256))
	if err != nil {
		t.Fatal(err)
	}
	defer func() {
		s.client.DeleteCollection(ctx, cfg.Collection)
		s.Close()
	}()
	if err := s.Upsert(ctx, chunks(t, docs)); err != nil {
		t.Fatal(err)
	}
	got, err := s.Search(ctx, "pay by debit card", "en", 1)
	if err != nil || len(got) != 1 || got[0].DocID != "en/pay" {
		t.Errorf("Search = %+v, %v", got, err)
	}
}
