package main

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/parley-collections/parley/agent/qdrant/qdranttest"
)

// kbFolder writes a small knowledge-base folder and returns its path.
func kbFolder(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	files := map[string]string{
		"en/pay.md":  "# How to pay\n\n## Card\n\nPay by debit card.\n\n## Transfer\n\nPay by bank transfer.\n",
		"zh/pay.md":  "# 如何还款\n\n用借记卡付款。\n",
		"notes.txt":  "not Markdown",
		"en/help.md": "# Getting help\n\nAsk for a person at any time.\n",
	}
	for name, body := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func TestKBIngestInMemory(t *testing.T) {
	t.Parallel()
	dir := kbFolder(t)
	code, out, errOut := runParley(t, env(), "", "kb", "ingest", dir)
	if code != 0 {
		t.Fatalf("kb ingest = %d, stderr %q", code, errOut)
	}
	for _, want := range []string{
		"en/help", "en/pay", "zh/pay", "2 chunks  How to pay", "如何还款",
		"in memory (QDRANT_URL unset): documents 3, chunks 4, dimension 4096, local embedder",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
}

func TestKBIngestQdrant(t *testing.T) {
	t.Parallel()
	q := qdranttest.Start(t)
	dir := kbFolder(t)
	getenv := env("QDRANT_URL", q.URL, "QDRANT_API_KEY", "k")
	for i := 0; i < 2; i++ { // a second run replaces, it does not duplicate
		code, out, errOut := runParley(t, getenv, "", "kb", "ingest", "--collection", "test_kb", dir)
		if code != 0 {
			t.Fatalf("kb ingest = %d, stderr %q", code, errOut)
		}
		if !strings.Contains(out, "Qdrant collection test_kb: documents 3, chunks 4, dimension 4096, local embedder") {
			t.Errorf("output:\n%s", out)
		}
	}
	if n := q.Count("test_kb"); n != 4 {
		t.Errorf("collection holds %d points, want 4", n)
	}
}

func TestKBIngestQdrantWithEndpointEmbeddings(t *testing.T) {
	t.Parallel()
	q := qdranttest.Start(t)
	llm := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		var req struct{ Input []string }
		if err := json.NewDecoder(r.Body).Decode(&req); err != nil {
			http.Error(w, "bad body", http.StatusBadRequest)
			return
		}
		var data []string
		for i := range req.Input {
			data = append(data, fmt.Sprintf(`{"object":"embedding","index":%d,"embedding":[%d,1,0.5]}`, i, i+1))
		}
		w.Header().Set("Content-Type", "application/json")
		fmt.Fprintf(w, `{"object":"list","data":[%s],"model":"m"}`, strings.Join(data, ","))
	}))
	t.Cleanup(llm.Close)
	getenv := env("QDRANT_URL", q.URL, "PARLEY_LLM_BASE_URL", llm.URL+"/v1")
	code, out, errOut := runParley(t, getenv, "", "kb", "ingest", kbFolder(t))
	if code != 0 || !strings.Contains(out, "dimension 3, embeddings from PARLEY_LLM_BASE_URL") {
		t.Fatalf("kb ingest = %d\nstdout %s\nstderr %s", code, out, errOut)
	}
	if dim, _, _ := q.Collection("parley_kb"); dim != 3 {
		t.Errorf("collection dimension %d, want 3", dim)
	}
}

func TestKBUsage(t *testing.T) {
	t.Parallel()
	empty := t.TempDir()
	file := filepath.Join(empty, "x.md")
	if err := os.WriteFile(file, []byte("# x"), 0o644); err != nil {
		t.Fatal(err)
	}
	noMarkdown := t.TempDir()
	tests := []struct {
		name   string
		getenv func(string) string
		args   []string
		code   int
		stdout string
		stderr string
	}{
		{"no subcommand", env(), []string{"kb"}, 2, "", "usage: parley kb ingest"},
		{"unknown subcommand", env(), []string{"kb", "drop"}, 2, "", `unknown kb command "drop"`},
		{"help", env(), []string{"kb", "--help"}, 0, "usage: parley kb ingest", ""},
		{"ingest help", env(), []string{"kb", "ingest", "--help"}, 0, "-collection", ""},
		{"no folder", env(), []string{"kb", "ingest"}, 2, "", "want one folder"},
		{"missing folder", env(), []string{"kb", "ingest", filepath.Join(empty, "nope")}, 1, "", "no such file"},
		{"a file", env(), []string{"kb", "ingest", file}, 1, "", "is not a folder"},
		{"no Markdown", env(), []string{"kb", "ingest", noMarkdown}, 1, "", "no Markdown"},
		{"bad Qdrant URL", env("QDRANT_URL", "ftp://x"), []string{"kb", "ingest", empty}, 1, "", "bad URL scheme"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			code, out, errOut := runParley(t, tt.getenv, "", tt.args...)
			if code != tt.code || !strings.Contains(out, tt.stdout) || !strings.Contains(errOut, tt.stderr) {
				t.Errorf("%v = %d\nstdout %q\nstderr %q", tt.args, code, out, errOut)
			}
		})
	}
}
