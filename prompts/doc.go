// Package prompts holds every sentence Parley says to a borrower, as
// versioned text/template files per locale (English and Simplified Chinese),
// rendered from typed data structs.
//
// # How it is used
//
// Each data type (Offers, Balance, OptOut, …) names its template and
// version; Render picks the file for the locale, executes it and returns the
// text with the version string ("offer.v1.en") that the caller stores beside
// the message. A template that refers to a field its data type lacks, an
// unknown locale or an unknown template is an error, never a blank.
//
// # What it must not do
//
// It imports nothing else of this module and computes nothing: amounts
// arrive already formatted ("$1,200.00"), dates as time.Time values that
// the template formats for its locale. It never decides what to say; the
// flows in package agent do. The model-facing system prompts live in
// prompts/system and are not borrower-facing.
package prompts
