package policies

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"runtime"
	"slices"
	"strings"
	"testing"
	"time"
)

// benchSet is the labelled set decoded once for the benchmarks.
func benchSet(b *testing.B) ([]Proposal, []Facts) {
	b.Helper()
	set := loadLabelled(b, "testdata/labelled.jsonl")
	ps := make([]Proposal, len(set))
	fs := make([]Facts, len(set))
	for i, l := range set {
		ps[i], fs[i] = decodeLabelled(b, l)
	}
	return ps, fs
}

// BenchmarkCheckLabelled checks every message of the labelled set in turn.
func BenchmarkCheckLabelled(b *testing.B) {
	ps, fs := benchSet(b)
	benchMessages(b, Default(), ps, fs)
}

// BenchmarkCheckLabelled200 is BenchmarkCheckLabelled with every message
// brought to about 200 characters by a neutral sentence in its language, the
// size the speed target is set for.
func BenchmarkCheckLabelled200(b *testing.B) { benchLabelled200(b, Default()) }

// BenchmarkCheckLabelled200Lexicon is BenchmarkCheckLabelled200 with the
// content model off: the difference is what the model costs.
func BenchmarkCheckLabelled200Lexicon(b *testing.B) {
	g, err := NewGuard(Options{LinkHosts: []string{DefaultPaymentHost}, NoClassifier: true})
	if err != nil {
		b.Fatal(err)
	}
	benchLabelled200(b, g)
}

func benchLabelled200(b *testing.B, g *Guard) {
	ps, fs := benchSet(b)
	for i := range ps {
		ps[i].Text = pad200(ps[i].Text)
	}
	benchMessages(b, g, ps, fs)
}

// pad200 brings a text to about 200 characters (180 or more) with a neutral
// sentence in its language.
func pad200(text string) string {
	pad := " We are here to help, and you can reply at any time with a question about your options or a time that suits you."
	if hasHan([]byte(text)) {
		pad = "如有任何疑问，您可以随时回复本消息，我们会尽快为您解答，也可以告诉我们您方便联系的时间。"
	}
	for len([]rune(text)) < 180 {
		text += pad
	}
	return text
}

// labelledLines200 is the labelled set as `parley guard check` input, the
// defaults of withDefaults applied and every text brought to about 200
// characters by pad200: one line a message.
func labelledLines200(t testing.TB) []byte {
	t.Helper()
	var out bytes.Buffer
	for _, l := range loadLabelled(t, "testdata/labelled.jsonl") {
		var raw map[string]any
		if err := json.Unmarshal(l.Line, &raw); err != nil {
			t.Fatal(err)
		}
		raw["text"] = pad200(raw["text"].(string))
		line, err := json.Marshal(raw)
		if err != nil {
			t.Fatal(err)
		}
		out.Write(line)
		out.WriteByte('\n')
	}
	return out.Bytes()
}

var writeLines200 = flag.String("write-lines200", "", "write lines200.jsonl, the input docs/benchmarks.md times `parley guard check` on (labelledLines200, 60 times over), to this file")

// TestWriteLines200 writes the benchmark input of `parley guard check` when
// asked to with -write-lines200 FILE.
func TestWriteLines200(t *testing.T) {
	if *writeLines200 == "" {
		t.Skip("no -write-lines200 file")
	}
	if err := os.WriteFile(*writeLines200, bytes.Repeat(labelledLines200(t), 60), 0o644); err != nil {
		t.Fatal(err)
	}
}

// benchMessages checks the messages in turn; ns/op is the mean per message.
// It also reports the median and 99th percentile over messages of each
// one's own mean time, and the mean length in characters.
func benchMessages(b *testing.B, g *Guard, ps []Proposal, fs []Facts) {
	chars := 0
	for _, p := range ps {
		chars += len([]rune(p.Text))
	}
	b.ReportAllocs()
	b.ResetTimer()
	i := 0
	for b.Loop() {
		g.Check(ps[i], fs[i])
		i++
		if i == len(ps) {
			i = 0
		}
	}
	b.StopTimer()
	// Per message: wall time, and CPU time of this thread, which on a busy
	// machine leaves out the waits for a processor.
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	wall := make([]float64, len(ps))
	cpu := make([]float64, len(ps))
	const reps = 500
	for k := range ps {
		start, c0 := time.Now(), threadCPU()
		for range reps {
			g.Check(ps[k], fs[k])
		}
		wall[k] = float64(time.Since(start).Nanoseconds()) / reps
		cpu[k] = float64(threadCPU()-c0) / reps
	}
	var cpuSum float64
	for _, c := range cpu {
		cpuSum += c
	}
	slices.Sort(wall)
	slices.Sort(cpu)
	b.ReportMetric(wall[len(wall)/2], "median-ns/msg")
	b.ReportMetric(wall[len(wall)*99/100], "p99-ns/msg")
	if cpu[0] >= 0 {
		b.ReportMetric(cpu[len(cpu)/2], "median-cpu-ns/msg")
		b.ReportMetric(cpuSum/float64(len(cpu)), "mean-cpu-ns/msg")
	}
	b.ReportMetric(float64(chars)/float64(len(ps)), "chars/msg")
}

// allowedMessage is a typical allowed message of about 200 characters.
var allowedMessage = Proposal{
	ID:      "bench",
	Channel: "chat",
	Text: "Hi Sam, thanks for getting back to us. We can set up a plan of £100 a month starting on the 5th, " +
		"or £200 a month if you would rather clear it sooner. Let us know which suits you best and we will confirm.",
}

var allowedFacts = Facts{
	Jurisdiction: "GB", Now: time.Date(2026, 3, 2, 12, 0, 0, 0, time.UTC), Timezone: "Europe/London",
	RecipientVerified: true, HasBalance: true, Balance: 120000, AllowedAmounts: []Amount{10000, 20000},
}

// BenchmarkCheckAllow is the common path: a clean message of about 200
// characters, allowed as it is.
func BenchmarkCheckAllow(b *testing.B) {
	g := Default()
	if d := g.Check(allowedMessage, allowedFacts); d.Action != Allow {
		b.Fatalf("benchmark message is not allowed: %+v", d)
	}
	b.ReportAllocs()
	for b.Loop() {
		g.Check(allowedMessage, allowedFacts)
	}
}

// BenchmarkCheckLines runs the JSON Lines reader over one and ten copies of
// the labelled set, and over the set brought to about 200 characters a text
// (labelledLines200); B/op divided by the messages stays flat as the copies
// grow when memory is constant in the number of messages.
func BenchmarkCheckLines(b *testing.B) {
	g := Default()
	set := loadLabelled(b, "testdata/labelled.jsonl")
	var one bytes.Buffer
	for _, l := range set {
		one.Write(l.Line)
		one.WriteByte('\n')
	}
	long := labelledLines200(b)
	for _, in := range []struct {
		name  string
		input string
		msgs  int
	}{
		{fmt.Sprintf("messages=%d", len(set)), one.String(), len(set)},
		{fmt.Sprintf("messages=%d", 10*len(set)), strings.Repeat(one.String(), 10), 10 * len(set)},
		{fmt.Sprintf("chars=200/messages=%d", len(set)), string(long), len(set)},
	} {
		input, msgs := in.input, in.msgs
		b.Run(in.name, func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(input)))
			// CPU time of this thread, which on a busy machine leaves out
			// the waits for a processor: messages per CPU-second is the
			// throughput of one core.
			runtime.LockOSThread()
			defer runtime.UnlockOSThread()
			c0 := threadCPU()
			for b.Loop() {
				if err := CheckLines(g, strings.NewReader(input), io.Discard); err != nil {
					b.Fatal(err)
				}
			}
			cpu := threadCPU() - c0
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*msgs), "ns/msg")
			if cpu > 0 {
				b.ReportMetric(float64(cpu)/float64(b.N*msgs), "cpu-ns/msg")
				b.ReportMetric(float64(b.N*msgs)/(float64(cpu)/1e9), "msgs/cpu-s")
			}
		})
	}
}

// BenchmarkCheckWorstCase runs texts of the full 10,000 characters built to
// make the detectors work hardest: thousands of bare numbers, of negated
// threats, of spaced letters, of digit groups.
func BenchmarkCheckWorstCase(b *testing.B) {
	g := Default()
	f := allowedFacts
	for name, text := range map[string]string{
		"numbers": strings.Repeat("1 ", MaxTextRunes/2),
		"negated": strings.Repeat("not arrest ", MaxTextRunes/11),
		"spaced":  strings.Repeat("a ", MaxTextRunes/2),
		"digits":  strings.Repeat("4111 ", MaxTextRunes/5),
		"chinese": strings.Repeat("一", MaxTextRunes),
		"threats": strings.Repeat("call your boss ", MaxTextRunes/15),
	} {
		b.Run(name, func(b *testing.B) {
			p := Proposal{Text: text, Channel: "chat"}
			b.ReportAllocs()
			for b.Loop() {
				g.Check(p, f)
			}
		})
	}
}
