package policies

import (
	"bytes"
	"fmt"
	"slices"
	"unsafe"

	"github.com/parley-collections/parley/policies/textclass"
)

// classFamilies names, per label of the content model, the lexicon family
// whose rule and citation a flag of the model carries. false_promise is
// read as a credit promise when the text speaks of credit records, as an
// offer that was not granted otherwise.
var classFamilies = map[string]string{
	"threat":                 "veiled",
	"harassment":             "insult",
	"false_representation":   "consequences",
	"pressure":               "deadline",
	"third_party_disclosure": "tell_others",
	"secret_request":         "secret_request",
	"false_promise":          "offer_settlement",
}

// classBinding is one label of the content model as the guard reads it.
type classBinding struct {
	family    int     // lexicon family, -1 when the guard ignores the label
	threshold float32 // the guard's calibrated threshold for the label (classThresholds)
	zh        float32 // the same for a text in Chinese (classThresholdsZh)
	sentence  float32 // its threshold for the label's best sentence (classSentenceThresholds)
	promise   bool    // false_promise: a credit promise or an offer
	secret    bool    // secret_request: not used where the lexicon read a secret warning
	claim     bool    // a reading of a claim the facts can allow (claimLabels)
}

// claimLabels are the readings of the model that a claim the facts allow
// explains: a true statement of a suit reads like a threat or a false
// representation, a granted term like a promise, either like pressure.
var claimLabels = []string{"threat", "false_representation", "pressure", "false_promise"}

// maxLabels bounds the labels of a content model the guard binds.
const maxLabels = 16

// bindClassifier ties the labels of a content model to lexicon families.
func (g *Guard) bindClassifier(m *textclass.Model) error {
	if m.Kind() != textclass.KindContent {
		return fmt.Errorf("policies: classifier is a %s model, want %s", m.Kind(), textclass.KindContent)
	}
	if len(m.Labels()) > maxLabels {
		return fmt.Errorf("policies: classifier has %d labels, at most %d are read", len(m.Labels()), maxLabels)
	}
	g.cls = m
	g.clsBind = g.clsBind[:0]
	for _, l := range m.Labels() {
		th, ok := classThresholds[l]
		if !ok {
			th = m.Threshold(l)
		}
		zh, ok := classThresholdsZh[l]
		if !ok {
			zh = th
		}
		sth, ok := classSentenceThresholds[l]
		if !ok {
			sth = 1 // a model calibrated for whole texts only: its sentences are not read alone
		}
		b := classBinding{family: -1, threshold: th, zh: zh, sentence: sth, promise: l == "false_promise", secret: l == "secret_request",
			claim: slices.Contains(claimLabels, l)}
		if name, ok := classFamilies[l]; ok {
			f, ok := g.lx.index[name]
			if !ok {
				return fmt.Errorf("policies: classifier label %s: no lexicon family %s", l, name)
			}
			b.family = f
		}
		g.clsBind = append(g.clsBind, b)
	}
	return nil
}

// creditWords mark a false promise about credit records rather than an
// offer: "credit report", "CIBIL", "征信".
var creditWords = [][]byte{
	[]byte("credit report"), []byte("credit file"), []byte("credit score"), []byte("credit record"),
	[]byte("credit history"), []byte("credit rating"), []byte("credit bureau"), []byte("bureaus"),
	[]byte("cibil"), []byte("credit"), []byte("征信"), []byte("信用记录"), []byte("信用分"), []byte("信用报告"),
}

// classify runs the content model over the text: a label scoring at or
// above its calibrated threshold is a violation of its family's category,
// and so is a label that one sentence of the text scores at or above the
// label's sentence threshold (textclass.Model.SentenceScores), so that a
// harmless sentence does not dilute a violation beside it.
// Where the lexicon read a reassurance ("nobody
// will come to your home"), which the model, reading words without their
// scope, cannot tell from the threat, the model reads the text without
// the denied clauses (residue): a reassurance covers its own statement,
// not a threat in another. Nor does it read a sentence of courtesy
// closings alone ("Have a good weekend.") unless the lexicon found
// something, and where the lexicon found a secret request denied (a
// warning never to share a PIN), the model's secret_request is not used.
// The family's gate and granted terms apply as they do to the lexicon's
// own matches.
//
// Where the lexicon found a claim the facts allow (legal process when
// legal action is approved, a granted term), the model's readings of a
// claim (claimLabels) are taken from the text without it (allowedSpans):
// the true statement is no violation, however its words score, and what
// else the message says is read on its own ("Suit has been filed. You
// won't enjoy what we do next."). Its other readings are taken from either
// text.
//
// A message the lexicon already blocks is classified too: the model adds
// the categories the lexicon did not name (a threat that also tells the
// borrower's manager), never one the lexicon found.
func (c *checker) classify() {
	m := c.g.cls
	if m == nil {
		return
	}
	lx := c.g.lx
	if len(c.s.viols) > 0 {
		// A pleasantry beside what the lexicon found is sarcasm ("we're
		// suing you Monday. Enjoy your weekend."): read it too.
		c.s.quietSent = c.s.quietSent[:0]
	}
	var scores, sents []float32
	plain := len(c.s.deniedCl) == 0 && len(c.s.quietSent) == 0 && len(c.s.retracted) == 0
	switch {
	case plain && c.normIsFold:
		scores, sents = m.SentenceScoresFolded(c.s.norm, &c.s.cls) // the guard's folding is the model's
	case plain:
		scores, sents = m.SentenceScores(c.p.Text, &c.s.cls)
	default:
		var ok bool
		scores, sents, ok = c.scoreResidue(c.residue())
		if len(c.s.deniedCl) > 0 {
			scores, sents, ok = c.readDenied(scores, sents, ok)
		}
		if !ok {
			return // nothing but reassurances and courtesies
		}
	}
	// The scores with and without the allowed claims, of the whole text
	// and of its best sentence.
	var whole, rest, wholeSent, restSent [maxLabels]float32
	if facts := c.allowedSpans(); len(facts) > 0 {
		n := copy(whole[:], scores) // the model's buffer is read again below
		copy(wholeSent[:], sents)
		if sc, ss, ok := c.scoreResidue(c.residueWithout(facts)); ok {
			copy(rest[:], sc)
			copy(restSent[:], ss)
		}
		scores, sents = whole[:n], wholeSent[:n]
		for i := range n {
			if c.g.clsBind[i].claim {
				scores[i] = min(scores[i], rest[i])
				sents[i] = min(sents[i], restSent[i])
			}
		}
	}
	zh := hasHan(c.s.base)
	for i, sc := range scores {
		b := &c.g.clsBind[i]
		if b.family < 0 {
			continue
		}
		th := b.threshold
		if zh {
			th = b.zh
		}
		if sc < th && sents[i] < b.sentence {
			if sc >= th-c.g.band && c.g.band > 0 {
				c.unsure |= 1 << i
			}
			continue
		}
		f := b.family
		if b.secret && c.isDenied(f) {
			// The message says a secret is never to be asked for or
			// shared: what the model reads as a request for one is the
			// warning's care for it ("be careful with your card
			// details"). A request the lexicon finds is still found.
			continue
		}
		if b.promise {
			switch {
			case containsAny(c.s.norm, creditWords):
				f = lx.family("credit_promise") // no term grants a credit promise
			case len(c.f.GrantedTerms) > 0:
				continue // an offer the engine granted reads as one
			}
		}
		cat := lx.families[f].category
		if c.hasCategory(cat) {
			continue
		}
		c.fireDetail(f, classDetail[lx.families[f].category])
	}
}

// readDenied reads the clauses the lexicon found denied for the labels of
// the other categories: a clause that only applies for a waiver, or rules
// out a visit, is a reassurance about that, not about anything else it
// asks ("您的减免申请需要身份证号和银行卡CVV"). scores and sents are the
// residue's readings (ok false when it held nothing); each label whose
// category a denied family shares keeps them, the others take the reading
// of the text with the denied clauses.
func (c *checker) readDenied(scores, sents []float32, ok bool) ([]float32, []float32, bool) {
	var res, resSent [maxLabels]float32
	if ok {
		copy(res[:], scores) // the model's buffer is read again below
		copy(resSent[:], sents)
	}
	full, fullSent, fok := c.scoreResidue(c.residueOf(nil, true))
	if !fok {
		return scores, sents, ok
	}
	for i := range full {
		if c.labelDenied(i) {
			full[i], fullSent[i] = res[i], resSent[i] // zero when the residue held nothing
		}
	}
	return full, fullSent, true
}

// labelDenied reports whether a family the lexicon found denied shares the
// category of content label i.
func (c *checker) labelDenied(i int) bool {
	b := &c.g.clsBind[i]
	if b.family < 0 {
		return true
	}
	lx := c.g.lx
	if b.promise {
		// A promise label's reading may become a credit promise (classify).
		if c.isDenied(lx.family("credit_promise")) {
			return true
		}
	}
	cat := lx.families[b.family].category
	for f := range familiesIn(&c.denied) {
		if lx.families[f].category == cat {
			return true
		}
	}
	return false
}

// scoreResidue scores r, a part of the folded text the guard built, with
// the content model, as a whole and by sentence (SentenceScores); ok is
// false when r holds nothing but punctuation.
func (c *checker) scoreResidue(r []byte) (scores, sents []float32, ok bool) {
	if len(bytes.TrimSpace(bytes.Trim(r, ".,;:!?"))) == 0 {
		return nil, nil, false
	}
	// The model folds the text into its own buffer and keeps no reference
	// to it, so the residue is lent, not copied.
	scores, sents = c.g.cls.SentenceScores(unsafe.String(unsafe.SliceData(r), len(r)), &c.s.cls)
	return scores, sents, true
}

// uncertain lists the categories of the labels marked unsure that no
// violation names, each once, in the model's label order; nil when none.
func (c *checker) uncertain() []string {
	var out []string
	for i := range c.g.clsBind {
		if c.unsure&(1<<i) == 0 {
			continue
		}
		cat := c.g.lx.families[c.g.clsBind[i].family].category
		if !c.hasCategory(cat) && !slices.Contains(out, cat) {
			out = append(out, cat)
		}
	}
	return out
}

// classDetail is the detail of a violation the content model found.
var classDetail = map[string]string{
	CatThreat:               "reads as a threat (content classifier)",
	CatHarassment:           "reads as harassment or abuse (content classifier)",
	CatFalseRepresentation:  "reads as a false or misleading representation (content classifier)",
	CatPressure:             "reads as undue pressure to pay (content classifier)",
	CatThirdPartyDisclosure: "reads as telling others about the debt (content classifier)",
	CatPII:                  "reads as asking for a secret or an identity number (content classifier)",
	CatUngroundedAmount:     "reads as an offer or waiver that was not granted (content classifier)",
}

// contentCategories are the categories of what a message says, which the
// content model reads too.
var contentCategories = [...]string{CatThreat, CatHarassment, CatFalseRepresentation, CatPressure,
	CatThirdPartyDisclosure, CatPII, CatUngroundedAmount, CatTimeBarred}

// IsContentCategory reports whether cat is a category of what a message
// says (contentCategories), one a second reader may name.
func IsContentCategory(cat string) bool { return slices.Contains(contentCategories[:], cat) }

// isDenied reports whether a match of family f was found negated or
// disclaimed: the message states its reassurance.
func (c *checker) isDenied(f int) bool { return c.denied[f/64]&(1<<(f%64)) != 0 }

// hasCategory reports whether a violation of the category was found.
func (c *checker) hasCategory(cat string) bool {
	for _, v := range c.s.viols {
		if v.v.Category == cat {
			return true
		}
	}
	return false
}

// containsAny reports whether text contains any of words.
func containsAny(text []byte, words [][]byte) bool {
	for _, w := range words {
		if bytes.Contains(text, w) {
			return true
		}
	}
	return false
}

// allowedSpans finds the claims the facts allow in the text: per match of
// such a family, the words of its clause from the scope end before the
// match to the scope end after it ("Suit has been filed [and we'll …]"),
// so that a statement joined to it is still read. A term of a family of
// two groups counts only beside a term of the other group in its clause
// (its sentence for a family of sentence scope).
func (c *checker) allowedSpans() [][2]int32 {
	s := c.s
	s.factSpans = s.factSpans[:0]
	if c.allowed == [4]uint64{} {
		return nil
	}
	lx := c.g.lx
	for _, h := range s.fhits {
		f := int(h.family)
		if c.allowed[f/64]&(1<<(f%64)) == 0 {
			continue
		}
		if fam := &lx.families[f]; fam.groups > 1 && !c.pairedHit(fam, h) {
			continue
		}
		start, end := h.start, h.end
		for start > 0 && s.clause[start-1] == h.clause {
			start--
		}
		for int(end) < len(s.norm) && s.clause[end] == h.clause {
			end++
		}
		for _, e := range s.ends {
			if e <= h.start && e > start {
				start = e
			}
			if e >= h.end && e < end {
				end = e
			}
		}
		s.factSpans = append(s.factSpans, [2]int32{start, end})
	}
	return s.factSpans
}

// pairedHit reports whether a term of the other group of family fam stands
// in h's clause, or its sentence for a family of sentence scope.
func (c *checker) pairedHit(fam *family, h famHit) bool {
	for _, o := range c.s.fhits {
		if o.family != h.family || o.group == h.group {
			continue
		}
		if c.together(fam, h, o) {
			return true
		}
	}
	return false
}
