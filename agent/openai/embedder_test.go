package openai

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// embeddingServer answers /embeddings with vectors [len(text), index, 1]
// listed in reverse order, as some servers do; mangle may spoil the body.
func embeddingServer(t *testing.T, mangle func(w http.ResponseWriter, n int) bool) (*httptest.Server, *atomic.Int32) {
	t.Helper()
	var calls atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		n := int(calls.Add(1))
		if r.URL.Path != "/v1/embeddings" {
			http.NotFound(w, r)
			return
		}
		if mangle != nil && mangle(w, n) {
			return
		}
		var req struct {
			Input []string `json:"input"`
			Model string   `json:"model"`
		}
		json.NewDecoder(r.Body).Decode(&req)
		var data []string
		for i := len(req.Input) - 1; i >= 0; i-- {
			data = append(data, fmt.Sprintf(`{"object":"embedding","index":%d,"embedding":[%d,%d,1]}`, i, len(req.Input[i]), i))
		}
		w.Header().Set("Content-Type", "application/json")
		fmt.Fprintf(w, `{"object":"list","data":[%s],"model":%q,"usage":{"prompt_tokens":2,"total_tokens":2}}`, strings.Join(data, ","), req.Model)
	}))
	t.Cleanup(srv.Close)
	return srv, &calls
}

func TestEmbedder(t *testing.T) {
	t.Parallel()
	srv, calls := embeddingServer(t, nil)
	e, err := NewEmbedder(context.Background(), Config{BaseURL: srv.URL + "/v1"})
	if err != nil {
		t.Fatal(err)
	}
	if e.Dimension() != 3 || calls.Load() != 1 {
		t.Fatalf("dimension %d after %d calls; want 3 learned from one probe", e.Dimension(), calls.Load())
	}
	got, err := e.Embed(context.Background(), []string{"a", "bbb"})
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([][]float32{{1, 0, 1}, {3, 1, 1}}, got); diff != "" {
		t.Errorf("vectors (-want +got):\n%s", diff)
	}
	if v, err := e.Embed(context.Background(), nil); v != nil || err != nil {
		t.Errorf("empty input = %v, %v", v, err)
	}
}

func TestEmbedderFailures(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name   string
		mangle func(w http.ResponseWriter, n int) bool
		reason string
	}{
		{"too few vectors", func(w http.ResponseWriter, n int) bool {
			if n == 1 {
				return false
			}
			w.Header().Set("Content-Type", "application/json")
			w.Write([]byte(`{"object":"list","data":[{"object":"embedding","index":0,"embedding":[1,2,3]}]}`))
			return true
		}, ReasonBadResponse},
		{"wrong dimension", func(w http.ResponseWriter, n int) bool {
			if n == 1 {
				return false
			}
			w.Header().Set("Content-Type", "application/json")
			w.Write([]byte(`{"object":"list","data":[{"object":"embedding","index":0,"embedding":[1]},{"object":"embedding","index":1,"embedding":[1]}]}`))
			return true
		}, ReasonBadResponse},
		{"server error", func(w http.ResponseWriter, n int) bool {
			if n == 1 {
				return false
			}
			writeError(w, 500)
			return true
		}, ReasonServerError},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			srv, _ := embeddingServer(t, tt.mangle)
			e, err := NewEmbedder(context.Background(), Config{BaseURL: srv.URL + "/v1", RetryBackoff: 1})
			if err != nil {
				t.Fatal(err)
			}
			_, err = e.Embed(context.Background(), []string{"a", "b"})
			var f *Failure
			if !errors.As(err, &f) || f.Reason != tt.reason {
				t.Errorf("err = %v, want reason %s", err, tt.reason)
			}
		})
	}
	srv, _ := embeddingServer(t, func(w http.ResponseWriter, n int) bool { writeError(w, 404); return true })
	if _, err := NewEmbedder(context.Background(), Config{BaseURL: srv.URL + "/v1"}); err == nil {
		t.Error("NewEmbedder succeeded against an endpoint without embeddings")
	}
}
