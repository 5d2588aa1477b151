package evals

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"regexp"
	"sort"
	"strings"
)

// KnownGaps are findings the project knows the agent does not yet avoid:
// a scorer failing a case of a built-in suite, or a hostile model's
// misbehaviour reaching the borrower. A test accepts exactly these, so
// the list can only shrink.
type KnownGaps struct {
	lines map[string]bool
	used  map[string]bool
}

// ParseKnownGaps reads one finding a line, "scorer NAME: SUITE / CASE" or
// "hostile NAME"; blank lines and lines starting with # are skipped.
func ParseKnownGaps(r io.Reader) (*KnownGaps, error) {
	g := &KnownGaps{lines: map[string]bool{}, used: map[string]bool{}}
	sc := bufio.NewScanner(r)
	n := 0
	for sc.Scan() {
		n++
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		if !strings.HasPrefix(line, "scorer ") && !strings.HasPrefix(line, "hostile ") {
			return nil, fmt.Errorf("known gaps: line %d: %q is not \"scorer NAME: SUITE / CASE\" or \"hostile NAME\"", n, line)
		}
		g.lines[line] = true
	}
	return g, sc.Err()
}

// LoadKnownGaps reads a known-gaps file.
func LoadKnownGaps(path string) (*KnownGaps, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return ParseKnownGaps(f)
}

var scorerFailure = regexp.MustCompile(`^scorer ([a-z_]+): `)

// Accept reports whether every failure of a result is a known gap, and
// marks those gaps as seen.
func (g *KnownGaps) Accept(res Result) bool {
	if res.Pass {
		return true
	}
	var keys []string
	for _, f := range res.Failures {
		m := scorerFailure.FindStringSubmatch(f)
		if m == nil {
			return false
		}
		k := fmt.Sprintf("scorer %s: %s / %s", m[1], res.Suite, res.Case)
		if !g.lines[k] {
			return false
		}
		keys = append(keys, k)
	}
	for _, k := range keys {
		g.used[k] = true
	}
	return true
}

// Hostile reports whether a misbehaviour that reached the borrower is a
// known gap, and marks it as seen.
func (g *KnownGaps) Hostile(name string) bool {
	k := "hostile " + name
	if g.lines[k] {
		g.used[k] = true
		return true
	}
	return false
}

// Unseen lists the gaps with the given prefix ("scorer " or "hostile ")
// that no result showed: fixed, so to be deleted from the list.
func (g *KnownGaps) Unseen(prefix string) []string {
	var out []string
	for k := range g.lines {
		if strings.HasPrefix(k, prefix) && !g.used[k] {
			out = append(out, k)
		}
	}
	sort.Strings(out)
	return out
}
