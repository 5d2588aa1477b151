package qdrant

import (
	"context"
	"math"
	"net"
	"os"
	"slices"
	"sort"
	"strings"
	"sync"
	"testing"
	"testing/fstest"

	"github.com/google/go-cmp/cmp"
	"github.com/qdrant/go-client/qdrant"
	"google.golang.org/grpc"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/metadata"
	"google.golang.org/grpc/status"

	"github.com/parley-collections/parley/agent/kb"
)

// fakeQdrant implements the Qdrant gRPC calls Store makes, with exact
// cosine search and keyword filters, on 127.0.0.1.
type fakeQdrant struct {
	mu          sync.Mutex
	dims        map[string]uint64
	distance    map[string]qdrant.Distance
	points      map[string]map[string]*qdrant.PointStruct // collection -> point id -> point
	apiKeys     []string
	failQueries bool
}

// collectionsServer and pointsServer split the fake by service, since both
// services have a Delete.
type collectionsServer struct {
	qdrant.UnimplementedCollectionsServer
	f *fakeQdrant
}

type pointsServer struct {
	qdrant.UnimplementedPointsServer
	f *fakeQdrant
}

func startFake(t *testing.T) (*fakeQdrant, string) {
	t.Helper()
	f := &fakeQdrant{dims: map[string]uint64{}, distance: map[string]qdrant.Distance{}, points: map[string]map[string]*qdrant.PointStruct{}}
	lis, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	srv := grpc.NewServer(grpc.UnaryInterceptor(func(ctx context.Context, req any, info *grpc.UnaryServerInfo, h grpc.UnaryHandler) (any, error) {
		md, _ := metadata.FromIncomingContext(ctx)
		f.mu.Lock()
		f.apiKeys = append(f.apiKeys, strings.Join(md.Get("api-key"), ","))
		f.mu.Unlock()
		return h(ctx, req)
	}))
	qdrant.RegisterCollectionsServer(srv, collectionsServer{f: f})
	qdrant.RegisterPointsServer(srv, pointsServer{f: f})
	go srv.Serve(lis)
	t.Cleanup(srv.Stop)
	return f, "http://" + lis.Addr().String()
}

func (c collectionsServer) CollectionExists(_ context.Context, r *qdrant.CollectionExistsRequest) (*qdrant.CollectionExistsResponse, error) {
	f := c.f
	f.mu.Lock()
	defer f.mu.Unlock()
	_, ok := f.dims[r.GetCollectionName()]
	return &qdrant.CollectionExistsResponse{Result: &qdrant.CollectionExists{Exists: ok}}, nil
}

func (c collectionsServer) Create(_ context.Context, r *qdrant.CreateCollection) (*qdrant.CollectionOperationResponse, error) {
	f := c.f
	f.mu.Lock()
	defer f.mu.Unlock()
	if _, ok := f.dims[r.GetCollectionName()]; ok {
		return nil, status.Error(codes.AlreadyExists, "exists")
	}
	p := r.GetVectorsConfig().GetParams()
	f.dims[r.GetCollectionName()] = p.GetSize()
	f.distance[r.GetCollectionName()] = p.GetDistance()
	f.points[r.GetCollectionName()] = map[string]*qdrant.PointStruct{}
	return &qdrant.CollectionOperationResponse{Result: true}, nil
}

func (c collectionsServer) Get(_ context.Context, r *qdrant.GetCollectionInfoRequest) (*qdrant.GetCollectionInfoResponse, error) {
	f := c.f
	f.mu.Lock()
	defer f.mu.Unlock()
	dim, ok := f.dims[r.GetCollectionName()]
	if !ok {
		return nil, status.Error(codes.NotFound, "no collection")
	}
	return &qdrant.GetCollectionInfoResponse{Result: &qdrant.CollectionInfo{Config: &qdrant.CollectionConfig{
		Params: &qdrant.CollectionParams{VectorsConfig: qdrant.NewVectorsConfig(&qdrant.VectorParams{Size: dim, Distance: qdrant.Distance_Cosine})},
	}}}, nil
}

func (ps pointsServer) Upsert(_ context.Context, r *qdrant.UpsertPoints) (*qdrant.PointsOperationResponse, error) {
	f := ps.f
	f.mu.Lock()
	defer f.mu.Unlock()
	col, ok := f.points[r.GetCollectionName()]
	if !ok {
		return nil, status.Error(codes.NotFound, "no collection")
	}
	for _, p := range r.GetPoints() {
		v := p.GetVectors().GetVector().GetDense().GetData()
		if uint64(len(v)) != f.dims[r.GetCollectionName()] {
			return nil, status.Error(codes.InvalidArgument, "wrong dimension")
		}
		col[p.GetId().GetUuid()] = p
	}
	return &qdrant.PointsOperationResponse{Result: &qdrant.UpdateResult{Status: qdrant.UpdateStatus_Completed}}, nil
}

func (ps pointsServer) Delete(_ context.Context, r *qdrant.DeletePoints) (*qdrant.PointsOperationResponse, error) {
	f := ps.f
	f.mu.Lock()
	defer f.mu.Unlock()
	col := f.points[r.GetCollectionName()]
	for id, p := range col {
		if matches(r.GetPoints().GetFilter(), p.GetPayload()) {
			delete(col, id)
		}
	}
	return &qdrant.PointsOperationResponse{Result: &qdrant.UpdateResult{Status: qdrant.UpdateStatus_Completed}}, nil
}

func (ps pointsServer) Query(_ context.Context, r *qdrant.QueryPoints) (*qdrant.QueryResponse, error) {
	f := ps.f
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.failQueries {
		return nil, status.Error(codes.Unavailable, "down")
	}
	q := r.GetQuery().GetNearest().GetDense().GetData()
	var hits []*qdrant.ScoredPoint
	for _, p := range f.points[r.GetCollectionName()] {
		if !matches(r.GetFilter(), p.GetPayload()) {
			continue
		}
		sp := &qdrant.ScoredPoint{Id: p.GetId(), Score: cosine(q, p.GetVectors().GetVector().GetDense().GetData())}
		if r.GetWithPayload().GetEnable() {
			sp.Payload = p.GetPayload()
		}
		hits = append(hits, sp)
	}
	sort.Slice(hits, func(i, j int) bool { return hits[i].Score > hits[j].Score })
	if n := int(r.GetLimit()); len(hits) > n {
		hits = hits[:n]
	}
	return &qdrant.QueryResponse{Result: hits}, nil
}

// matches evaluates the Must keyword conditions Store sends.
func matches(f *qdrant.Filter, payload map[string]*qdrant.Value) bool {
	for _, c := range f.GetMust() {
		fc := c.GetField()
		v := payload[fc.GetKey()].GetStringValue()
		if kw := fc.GetMatch().GetKeyword(); kw != "" && v != kw {
			return false
		}
		if kws := fc.GetMatch().GetKeywords(); kws != nil && !slices.Contains(kws.GetStrings(), v) {
			return false
		}
	}
	return true
}

func cosine(a, b []float32) float32 {
	var ab, aa, bb float64
	for i := range a {
		ab += float64(a[i]) * float64(b[i])
		aa += float64(a[i]) * float64(a[i])
		bb += float64(b[i]) * float64(b[i])
	}
	if aa == 0 || bb == 0 {
		return 0
	}
	return float32(ab / math.Sqrt(aa*bb))
}

func (f *fakeQdrant) count(collection string) int {
	f.mu.Lock()
	defer f.mu.Unlock()
	return len(f.points[collection])
}

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
	f, url := startFake(t)
	ctx := context.Background()
	emb := kb.NewLocalEmbedder(256)
	s, err := Open(ctx, Config{URL: url, APIKey: "secret-key"}, emb)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if f.dims[DefaultCollection] != 256 || f.distance[DefaultCollection] != qdrant.Distance_Cosine {
		t.Fatalf("collection created with %d dims, distance %v", f.dims[DefaultCollection], f.distance[DefaultCollection])
	}
	cs := chunks(t, docs)
	if err := s.Upsert(ctx, cs); err != nil {
		t.Fatal(err)
	}
	if err := s.Upsert(ctx, cs); err != nil { // idempotent
		t.Fatal(err)
	}
	if n := f.count(DefaultCollection); n != len(cs) {
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
	for _, k := range f.apiKeys {
		if k != "secret-key" {
			t.Fatalf("a call carried api-key %q", k)
		}
	}
}

func TestUpsertRemovesStalePassages(t *testing.T) {
	t.Parallel()
	f, url := startFake(t)
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
	if n := f.count("kb"); n != 3 {
		t.Errorf("%d points, want 3", n)
	}
}

func TestOpenChecksDimension(t *testing.T) {
	t.Parallel()
	_, url := startFake(t)
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
	f, url := startFake(t)
	ctx := context.Background()
	s, err := Open(ctx, Config{URL: url}, kb.NewLocalEmbedder(64))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if got, err := s.Search(ctx, "  ", "en", 3); err != nil || got != nil {
		t.Errorf("blank query = %v, %v", got, err)
	}
	f.mu.Lock()
	f.failQueries = true
	f.mu.Unlock()
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
