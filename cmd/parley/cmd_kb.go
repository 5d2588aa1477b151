package main

import (
	"context"
	"flag"
	"fmt"
	"os"

	"github.com/parley-collections/parley/agent/kb"
	"github.com/parley-collections/parley/agent/openai"
	"github.com/parley-collections/parley/agent/qdrant"
)

func init() {
	register(command{name: "kb", summary: "index a folder of Markdown into the knowledge base", run: runKB})
}

const kbSynopsis = "ingest [--collection NAME] DIR"

// runKB is `parley kb ingest DIR`. With QDRANT_URL set it embeds the
// folder's Markdown (with the LLM endpoint's embeddings when
// PARLEY_LLM_BASE_URL is set, else the local embedder) and upserts it into
// Qdrant; otherwise it builds the in-memory index and reports what it
// found, so a folder can be checked before it is used.
func runKB(ctx context.Context, sio IO, args []string) error {
	if len(args) == 0 {
		return usagef("usage: parley kb %s", kbSynopsis)
	}
	switch args[0] {
	case "-h", "--help", "help":
		fmt.Fprintf(sio.Stdout, "usage: parley kb %s\n\nRun 'parley kb ingest --help' for its flags.\n", kbSynopsis)
		return flag.ErrHelp
	case "ingest":
		return runKBIngest(ctx, sio, args[1:])
	}
	return usagef("unknown kb command %q (want ingest)", args[0])
}

func runKBIngest(ctx context.Context, sio IO, args []string) error {
	fs := newFlags(sio, "kb ingest", "[--collection NAME] DIR")
	collection := fs.String("collection", qdrant.DefaultCollection, "Qdrant collection, when QDRANT_URL is set")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		return usagef("want one folder, got %d arguments", fs.NArg())
	}
	dir := fs.Arg(0)
	if st, err := os.Stat(dir); err != nil {
		return fmt.Errorf("kb ingest: %w", err)
	} else if !st.IsDir() {
		return fmt.Errorf("kb ingest: %s is not a folder", dir)
	}
	docs, err := kb.ReadDocuments(os.DirFS(dir))
	if err != nil {
		return fmt.Errorf("kb ingest: %w", err)
	}
	if len(docs) == 0 {
		return fmt.Errorf("kb ingest: no Markdown (.md) documents under %s", dir)
	}
	var chunks []kb.Chunk
	for _, d := range docs {
		cs := d.Chunks(kb.ChunkOptions{})
		chunks = append(chunks, cs...)
		fmt.Fprintf(sio.Stdout, "%-24s %-3s %3d chunks  %s\n", d.ID, d.Locale, len(cs), d.Title)
	}

	cfg, err := envConfig(sio.Getenv)
	if err != nil {
		return usagef("%v", err)
	}
	qcfg := cfg.Qdrant
	if qcfg.URL == "" {
		base, err := kb.New(ctx, docs, kb.NewLocalEmbedder(kb.DefaultDimension), kb.ChunkOptions{})
		if err != nil {
			return fmt.Errorf("kb ingest: %w", err)
		}
		n, c, dim := base.Stats()
		fmt.Fprintf(sio.Stdout, "in memory (QDRANT_URL unset): documents %d, chunks %d, dimension %d, local embedder\n", n, c, dim)
		return nil
	}

	var emb kb.Embedder = kb.NewLocalEmbedder(kb.DefaultDimension)
	embName := "local embedder"
	if llm := cfg.LLM; llm.BaseURL != "" {
		e, err := openai.NewEmbedder(ctx, llm)
		if err != nil {
			return fmt.Errorf("kb ingest: %w", err)
		}
		emb, embName = e, "embeddings from PARLEY_LLM_BASE_URL"
	}
	qcfg.Collection = *collection
	store, err := qdrant.Open(ctx, qcfg, emb)
	if err != nil {
		return fmt.Errorf("kb ingest: %w", err)
	}
	defer store.Close()
	if err := store.Upsert(ctx, chunks); err != nil {
		return fmt.Errorf("kb ingest: %w", err)
	}
	fmt.Fprintf(sio.Stdout, "Qdrant collection %s: documents %d, chunks %d, dimension %d, %s\n",
		*collection, len(docs), len(chunks), emb.Dimension(), embName)
	return nil
}
