package policies

import (
	"bytes"
	"testing"
	"unicode/utf8"

	"github.com/parley-collections/parley/policies/textclass"
)

// TestFoldIsModelFold checks the condition under which the guard lends its
// folded text to the content model: whenever scratch.fold reports it,
// s.norm is textclass.Fold of the text; and it reports it for the plain
// text, not for one with digits of another script or a link with a path.
func TestFoldIsModelFold(t *testing.T) {
	t.Parallel()
	var s scratch
	texts := []string{"", "Pay £100 by Friday or we call your b0ss.", "我们会通知你的单位和家人，電話 ＮＯＷ",
		"a r r e s t", "Pay ٣٠٠ today", "Pay at https://pay.example.com/x/arrest-now today", "see www.example.com now"}
	for _, l := range loadLabelled(t, "testdata/labelled.jsonl") {
		texts = append(texts, l.Text)
	}
	shared := 0
	for _, text := range texts {
		if s.fold(text) {
			shared++
			if want := textclass.Fold(nil, text); !bytes.Equal(s.norm, want) {
				t.Errorf("%q: fold reports the model's form, but s.norm = %q, textclass.Fold = %q", text, s.norm, want)
			}
		}
	}
	if shared < len(texts)/2 {
		t.Errorf("the folded text was the model's for %d of %d texts, want most", shared, len(texts))
	}
	for _, text := range []string{"Pay ٣٠٠ today", "Pay at https://pay.example.com/x/arrest-now today"} {
		if s.fold(text) {
			t.Errorf("%q: fold reports the model's form, but the guard's folding differs", text)
		}
	}
}

func TestFoldDigits(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		in, want string
		changed  bool
	}{
		{"pay 300 today", "pay 300 today", false},
		{"请在本周内还款三百元", "请在本周内还款三百元", false},
		{"pay ٣٠٠ today", "pay 300 today", true},
		{"请还款٣٠٠元", "请还款300元", true},
		{"请还款３００元", "请还款300元", true},
		{"बकाया ९५०० रुपये", "बकाया 9500 रुपये", true},
		{"١٬٢٠٠٫٥٠", "1,200.50", true},
		{"𝟗𝟗 due", "99 due", true},
		// The Arabic comma in a text of Latin letters, with no digit or
		// letter of another script before it.
		{"ok، we will call", "ok, we will call", true},
		{"app، 明天", "app, 明天", true},
	} {
		got, changed := foldDigits([]byte(c.in), 0)
		if string(got) != c.want || changed != c.changed {
			t.Errorf("foldDigits(%q) = %q, %v; want %q, %v", c.in, got, changed, c.want, c.changed)
		}
	}
}

// TestDecodeAt holds decodeAt to utf8.DecodeRune on every first byte that
// is not ASCII and every second byte, at the end of a text and within one.
func TestDecodeAt(t *testing.T) {
	t.Parallel()
	for b0 := 0x80; b0 < 0x100; b0++ {
		for b1 := 0; b1 < 0x100; b1++ {
			for _, b2 := range []byte{0x00, 0x41, 0x7F, 0x80, 0x9F, 0xA0, 0xBF, 0xC0, 0xE4, 0xFF} {
				for _, b := range [][]byte{{byte(b0), byte(b1), b2}, {'a', byte(b0), byte(b1), b2, 0xBF}} {
					i := 0
					if len(b) == 5 {
						i = 1
					}
					r, n := decodeAt(b, i)
					if wr, wn := utf8.DecodeRune(b[i:]); r != wr || n != wn {
						t.Fatalf("decodeAt(% x) = %U, %d, want %U, %d", b[i:], r, n, wr, wn)
					}
				}
			}
		}
	}
}
