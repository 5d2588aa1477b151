package kb

import (
	"container/heap"
	"fmt"
	"math"
	"runtime"
	"sort"
	"sync"
)

// Index is an exact cosine index held in memory: every search scores every
// vector it admits, so results equal a brute-force scan. Vectors are stored
// L2-normalized, so cosine is a dot product.
//
// Sparse vectors (a quarter of the dimensions or fewer are non-zero, as the
// LocalEmbedder produces) go into per-dimension posting lists and are
// scored by walking only the query's non-zero dimensions; dense vectors
// (endpoint embeddings) are kept in one flat slice and scanned. Searches may
// run concurrently once the index is built; Add must not run concurrently
// with anything.
type Index struct {
	dim      int
	n        int
	postings [][]posting // per dimension, for sparse vectors
	dense    []float32   // dense vectors back to back
	densePos []int       // the position of each dense vector
}

type posting struct {
	pos int32
	val float32
}

// Hit is a search result: the position of a vector in insertion order and
// its cosine similarity to the query.
type Hit struct {
	Pos   int
	Score float32
}

// NewIndex returns an empty index of vectors of dim dimensions.
func NewIndex(dim int) *Index { return &Index{dim: dim, postings: make([][]posting, dim)} }

// Len reports how many vectors the index holds.
func (x *Index) Len() int { return x.n }

// Dimension reports the vector size.
func (x *Index) Dimension() int { return x.dim }

// Add stores a normalized copy of v and returns its position.
func (x *Index) Add(v []float32) (int, error) {
	if len(v) != x.dim {
		return 0, fmt.Errorf("kb: index add: vector has %d dimensions, want %d", len(v), x.dim)
	}
	if x.n >= math.MaxInt32 {
		return 0, fmt.Errorf("kb: index add: index full")
	}
	pos := x.n
	x.n++
	inv := invNorm(v)
	nnz := 0
	for _, f := range v {
		if f != 0 {
			nnz++
		}
	}
	if nnz*4 <= x.dim {
		for d, f := range v {
			if f != 0 {
				x.postings[d] = append(x.postings[d], posting{pos: int32(pos), val: f * inv})
			}
		}
		return pos, nil
	}
	start := len(x.dense)
	x.dense = append(x.dense, v...)
	for i := start; i < len(x.dense); i++ {
		x.dense[i] *= inv
	}
	x.densePos = append(x.densePos, pos)
	return pos, nil
}

// Search returns the k vectors most similar to q, best first, ties by
// position. When admit is not nil only positions it accepts are returned.
func (x *Index) Search(q []float32, k int, admit func(pos int) bool) ([]Hit, error) {
	if len(q) != x.dim {
		return nil, fmt.Errorf("kb: index search: query has %d dimensions, want %d", len(q), x.dim)
	}
	if k <= 0 || x.n == 0 {
		return nil, nil
	}
	inv := invNorm(q)
	scores := make([]float32, x.n)
	for d, f := range q {
		if f == 0 {
			continue
		}
		f *= inv
		for _, p := range x.postings[d] {
			scores[p.pos] += f * p.val
		}
	}
	if len(x.densePos) > 0 {
		qn := make([]float32, len(q))
		for i, f := range q {
			qn[i] = f * inv
		}
		x.scanDense(qn, scores)
	}
	h := make(minHeap, 0, min(k, x.n))
	for pos, s := range scores {
		if admit != nil && !admit(pos) {
			continue
		}
		switch {
		case len(h) < k:
			heap.Push(&h, Hit{Pos: pos, Score: s})
		case s > h[0].Score:
			h[0] = Hit{Pos: pos, Score: s}
			heap.Fix(&h, 0)
		}
	}
	sort.Slice(h, func(i, j int) bool {
		if h[i].Score != h[j].Score {
			return h[i].Score > h[j].Score
		}
		return h[i].Pos < h[j].Pos
	})
	return h, nil
}

// parallelScan is the number of dense vectors above which a scan is
// split across CPUs.
const parallelScan = 2048

// scanDense scores every dense vector, split across CPUs for large indexes.
func (x *Index) scanDense(qn, scores []float32) {
	scan := func(lo, hi int) {
		for i := lo; i < hi; i++ {
			scores[x.densePos[i]] = dot(qn, x.dense[i*x.dim:(i+1)*x.dim])
		}
	}
	n := len(x.densePos)
	workers := min(runtime.GOMAXPROCS(0), n/parallelScan+1)
	if workers <= 1 {
		scan(0, n)
		return
	}
	var wg sync.WaitGroup
	per := (n + workers - 1) / workers
	for lo := 0; lo < n; lo += per {
		wg.Go(func() { scan(lo, min(lo+per, n)) })
	}
	wg.Wait()
}

// dot is unrolled by four; reslicing b lets the compiler drop the bounds
// checks in the loop.
func dot(a, b []float32) float32 {
	b = b[:len(a)]
	var s0, s1, s2, s3 float32
	i := 0
	for ; i+4 <= len(a); i += 4 {
		s0 += a[i] * b[i]
		s1 += a[i+1] * b[i+1]
		s2 += a[i+2] * b[i+2]
		s3 += a[i+3] * b[i+3]
	}
	for ; i < len(a); i++ {
		s0 += a[i] * b[i]
	}
	return s0 + s1 + s2 + s3
}

// invNorm is 1/|v|, or 0 for the zero vector so that it matches nothing.
func invNorm(v []float32) float32 {
	var n float64
	for _, x := range v {
		n += float64(x) * float64(x)
	}
	if n == 0 {
		return 0
	}
	return float32(1 / math.Sqrt(n))
}

// minHeap keeps the k best hits with the worst on top.
type minHeap []Hit

func (h minHeap) Len() int { return len(h) }
func (h minHeap) Less(i, j int) bool {
	if h[i].Score != h[j].Score {
		return h[i].Score < h[j].Score
	}
	return h[i].Pos > h[j].Pos
}
func (h minHeap) Swap(i, j int) { h[i], h[j] = h[j], h[i] }
func (h *minHeap) Push(x any)   { *h = append(*h, x.(Hit)) }
func (h *minHeap) Pop() any {
	old := *h
	x := old[len(old)-1]
	*h = old[:len(old)-1]
	return x
}
