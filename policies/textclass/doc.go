// Package textclass is Parley's embedded text classifier, trained in the
// repository, and the text folding it shares with the guard.
//
// It is a leaf: it imports nothing else of the module, uses no cgo and does
// no I/O once loaded (the weights are embedded with go:embed), so that both
// the guard (package policies) and the rules brain (package agent/rules) may
// import it without either depending on the other, and so that a verdict
// never waits on a service.
//
// # Classifying
//
// Intents and Content return the two embedded models, loaded once:
//
//	m := textclass.Intents()            // or textclass.Content()
//	var buf textclass.Buffer            // one per goroutine, reused
//	scores := m.Scores(text, &buf)      // calibrated probability per label, in m.Labels() order
//	labels := m.Above(text, &buf)       // labels at or above their threshold, best first
//	th := m.Threshold("opt_out")        // the calibrated threshold of a label
//	sure := m.SureThreshold("opt_out")  // the stricter one at which a reading acts alone
//	top, p := m.Top(text, &buf)         // the single most likely label
//	whole, best := m.SentenceScores(text, &buf) // content: and per label its best sentence's
//
// A content model's SentenceScores also reads each sentence of four words or
// eight Chinese characters or more alone, so that a harmless sentence does
// not dilute a violation beside it; the guard has its own thresholds for
// the best sentence.
//
// Intent scores are a distribution over the borrower intents (IntentLabels),
// a tempered softmax; content scores are one logistic probability per guard
// category (ContentLabels), and a message above no threshold is clean. The
// thresholds were chosen on held-out training rows: protective intents
// (ProtectiveIntents) at the most recall with precision 0.9 or more, other
// intents at their best F1, content labels at a low false-positive rate on
// clean messages. An intent label also has a sure threshold, at precision
// 0.97 and never below 0.95, which the agent needs before it acts on the
// classifier's reading alone; training computes it with the weights and
// the weights file stores it. Callers decide what a score means for them; the slices
// returned belong to the Buffer, and with a reused Buffer classification
// allocates nothing.
//
// The features are hashed: for Latin-script words the word, the word pair
// and the 2- to 5-byte n-grams inside the word; for Chinese the 1- to
// 4-character n-grams; all over the folded text. The weights are int8, one
// scale per label. `parley train` rebuilds them from corpus/ (see
// docs/models.md) and Build, Train, Calibrate, Evaluate and Compare are its
// parts; the weights file records the digest of the corpora it came from.
// OutOfFold (folds by CrossFold) scores training rows by cross-validation;
// the guard calibrates its own thresholds for the content labels on it.
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
