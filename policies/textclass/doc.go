// Package textclass is Parley's embedded text classifier and the text
// folding it shares with the guard.
//
// It is a leaf: it imports nothing else of the module, uses no cgo and does
// no I/O once loaded, so that both the guard (package policies) and the rules
// brain (package agent/rules) may import it without either depending on the
// other, and so that a verdict never waits on a service.
//
// # Folding
//
// Fold, FoldBase, FoldLexical and FoldRune write text the way every detector
// reads it: lower case, full-width forms to ASCII, Unicode letters that look
// like Latin ones to those letters (tables built from
// github.com/mtibben/confusables), traditional Chinese to simplified (tables
// built from OpenCC's tw2s and hk2s dictionaries, via
// github.com/longbridgeapp/opencc), leetspeak digits between letters read as
// letters, and letters spaced out to dodge a filter joined again. The
// tables are generated Go source (go generate runs internal/gentables), so
// folding needs neither library at run time and allocates nothing when the
// destination has room.
package textclass
