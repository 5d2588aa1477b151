// Package qdranttest is an in-process Qdrant for tests: a gRPC server on
// 127.0.0.1 implementing the collection and point calls agent/qdrant makes
// (collection exists, create and get; points upsert, delete by filter and
// query), with exact cosine search and keyword filters. It reproduces the
// wire contract, not Qdrant's full semantics; it is never used in
// production code.
package qdranttest

import (
	"context"
	"math"
	"net"
	"slices"
	"sort"
	"strings"
	"sync"
	"testing"

	"github.com/qdrant/go-client/qdrant"
	"google.golang.org/grpc"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/metadata"
	"google.golang.org/grpc/status"
)

// Server is a running fake Qdrant.
type Server struct {
	// URL is the address to put in QDRANT_URL: "http://127.0.0.1:PORT".
	URL string

	mu          sync.Mutex
	dims        map[string]uint64
	distance    map[string]qdrant.Distance
	points      map[string]map[string]*qdrant.PointStruct // collection -> point id -> point
	indexes     map[string][]string                       // collection -> indexed payload fields
	apiKeys     []string
	failQueries bool
}

// Start serves a fake Qdrant until the test ends.
func Start(t testing.TB) *Server {
	t.Helper()
	s := &Server{dims: map[string]uint64{}, distance: map[string]qdrant.Distance{},
		points: map[string]map[string]*qdrant.PointStruct{}, indexes: map[string][]string{}}
	lis, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	srv := grpc.NewServer(grpc.UnaryInterceptor(func(ctx context.Context, req any, _ *grpc.UnaryServerInfo, h grpc.UnaryHandler) (any, error) {
		md, _ := metadata.FromIncomingContext(ctx)
		s.mu.Lock()
		s.apiKeys = append(s.apiKeys, strings.Join(md.Get("api-key"), ","))
		s.mu.Unlock()
		return h(ctx, req)
	}))
	qdrant.RegisterCollectionsServer(srv, collections{s: s})
	qdrant.RegisterPointsServer(srv, points{s: s})
	go srv.Serve(lis)
	t.Cleanup(srv.Stop)
	s.URL = "http://" + lis.Addr().String()
	return s
}

// Collection reports a collection's vector size and distance, and whether it exists.
func (s *Server) Collection(name string) (dim uint64, d qdrant.Distance, ok bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	dim, ok = s.dims[name]
	return dim, s.distance[name], ok
}

// Count reports how many points a collection holds.
func (s *Server) Count(collection string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return len(s.points[collection])
}

// Payloads returns the payload field of every point of a collection, sorted.
func (s *Server) Payloads(collection, field string) []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []string
	for _, p := range s.points[collection] {
		out = append(out, p.GetPayload()[field].GetStringValue())
	}
	sort.Strings(out)
	return out
}

// Indexes returns the payload fields indexed in a collection, sorted.
func (s *Server) Indexes(collection string) []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := slices.Clone(s.indexes[collection])
	sort.Strings(out)
	return out
}

// APIKeys returns the api-key metadata of every call so far.
func (s *Server) APIKeys() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return slices.Clone(s.apiKeys)
}

// FailQueries makes every query fail as an unavailable server would.
func (s *Server) FailQueries(fail bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.failQueries = fail
}

// collections and points split the fake by service, since both services
// have a Delete.
type collections struct {
	qdrant.UnimplementedCollectionsServer
	s *Server
}

type points struct {
	qdrant.UnimplementedPointsServer
	s *Server
}

func (c collections) CollectionExists(_ context.Context, r *qdrant.CollectionExistsRequest) (*qdrant.CollectionExistsResponse, error) {
	_, _, ok := c.s.Collection(r.GetCollectionName())
	return &qdrant.CollectionExistsResponse{Result: &qdrant.CollectionExists{Exists: ok}}, nil
}

func (c collections) Create(_ context.Context, r *qdrant.CreateCollection) (*qdrant.CollectionOperationResponse, error) {
	s := c.s
	s.mu.Lock()
	defer s.mu.Unlock()
	if _, ok := s.dims[r.GetCollectionName()]; ok {
		return nil, status.Error(codes.AlreadyExists, "exists")
	}
	p := r.GetVectorsConfig().GetParams()
	s.dims[r.GetCollectionName()] = p.GetSize()
	s.distance[r.GetCollectionName()] = p.GetDistance()
	s.points[r.GetCollectionName()] = map[string]*qdrant.PointStruct{}
	return &qdrant.CollectionOperationResponse{Result: true}, nil
}

func (c collections) Get(_ context.Context, r *qdrant.GetCollectionInfoRequest) (*qdrant.GetCollectionInfoResponse, error) {
	dim, d, ok := c.s.Collection(r.GetCollectionName())
	if !ok {
		return nil, status.Error(codes.NotFound, "no collection")
	}
	return &qdrant.GetCollectionInfoResponse{Result: &qdrant.CollectionInfo{Config: &qdrant.CollectionConfig{
		Params: &qdrant.CollectionParams{VectorsConfig: qdrant.NewVectorsConfig(&qdrant.VectorParams{Size: dim, Distance: d})},
	}}}, nil
}

func (p points) Upsert(_ context.Context, r *qdrant.UpsertPoints) (*qdrant.PointsOperationResponse, error) {
	s := p.s
	s.mu.Lock()
	defer s.mu.Unlock()
	col, ok := s.points[r.GetCollectionName()]
	if !ok {
		return nil, status.Error(codes.NotFound, "no collection")
	}
	for _, pt := range r.GetPoints() {
		v := pt.GetVectors().GetVector().GetDense().GetData()
		if uint64(len(v)) != s.dims[r.GetCollectionName()] {
			return nil, status.Error(codes.InvalidArgument, "wrong dimension")
		}
		col[pt.GetId().GetUuid()] = pt
	}
	return &qdrant.PointsOperationResponse{Result: &qdrant.UpdateResult{Status: qdrant.UpdateStatus_Completed}}, nil
}

func (p points) CreateFieldIndex(_ context.Context, r *qdrant.CreateFieldIndexCollection) (*qdrant.PointsOperationResponse, error) {
	s := p.s
	s.mu.Lock()
	defer s.mu.Unlock()
	if _, ok := s.dims[r.GetCollectionName()]; !ok {
		return nil, status.Error(codes.NotFound, "no collection")
	}
	if r.GetFieldType() != qdrant.FieldType_FieldTypeKeyword {
		return nil, status.Error(codes.InvalidArgument, "only keyword indexes are faked")
	}
	s.indexes[r.GetCollectionName()] = append(s.indexes[r.GetCollectionName()], r.GetFieldName())
	return &qdrant.PointsOperationResponse{Result: &qdrant.UpdateResult{Status: qdrant.UpdateStatus_Completed}}, nil
}

func (p points) Delete(_ context.Context, r *qdrant.DeletePoints) (*qdrant.PointsOperationResponse, error) {
	s := p.s
	s.mu.Lock()
	defer s.mu.Unlock()
	col := s.points[r.GetCollectionName()]
	for id, pt := range col {
		if matches(r.GetPoints().GetFilter(), pt.GetPayload()) {
			delete(col, id)
		}
	}
	return &qdrant.PointsOperationResponse{Result: &qdrant.UpdateResult{Status: qdrant.UpdateStatus_Completed}}, nil
}

func (p points) Query(_ context.Context, r *qdrant.QueryPoints) (*qdrant.QueryResponse, error) {
	s := p.s
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.failQueries {
		return nil, status.Error(codes.Unavailable, "down")
	}
	q := r.GetQuery().GetNearest().GetDense().GetData()
	var hits []*qdrant.ScoredPoint
	for _, pt := range s.points[r.GetCollectionName()] {
		if !matches(r.GetFilter(), pt.GetPayload()) {
			continue
		}
		sp := &qdrant.ScoredPoint{Id: pt.GetId(), Score: cosine(q, pt.GetVectors().GetVector().GetDense().GetData())}
		if r.GetWithPayload().GetEnable() {
			sp.Payload = pt.GetPayload()
		}
		hits = append(hits, sp)
	}
	sort.Slice(hits, func(i, j int) bool { return hits[i].Score > hits[j].Score })
	if n := int(r.GetLimit()); len(hits) > n {
		hits = hits[:n]
	}
	return &qdrant.QueryResponse{Result: hits}, nil
}

// matches evaluates Must conditions of keyword matches.
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
