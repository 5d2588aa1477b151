// Package kbfiles embeds Parley's starter knowledge base: borrower-facing
// Markdown documents in English (en/) and Chinese (zh/). It holds data only;
// agent/kb chunks, embeds and searches it. Documents here stay general:
// no amounts, no threats, no promises tied to one jurisdiction.
package kbfiles

import (
	"embed"
	"io/fs"
)

//go:embed en zh
var files embed.FS

// FS returns the starter documents, rooted so that paths read "en/plans.md".
func FS() fs.FS { return files }
