// Package kb is Parley's knowledge base: borrower-facing Markdown documents
// cut into passages, embedded, and searched so that an answer can cite the
// document it came from.
//
// # What lives here
//
//   - Document and Chunk: Markdown split by heading into bounded, overlapping
//     passages that keep their document id, title and locale.
//   - Embedder: the small interface every embedding source implements, and
//     LocalEmbedder, a model-free hashed n-gram embedder for English and
//     Chinese that is the default.
//   - Index: an exact in-memory cosine index.
//   - Base: agent.Knowledge over an Index, built by LoadDir or Default.
//
// # What must not happen here
//
// This package does no network I/O of its own (endpoint embedders live in
// agent/openai, the production index in agent/qdrant), never logs query
// text, and never invents content: a passage is always a verbatim slice of
// a document.
package kb
