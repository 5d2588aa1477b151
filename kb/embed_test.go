package kbfiles

import (
	"io/fs"
	"path"
	"regexp"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestStarterDocuments checks the promises the starter documents make:
// every topic exists in English and Chinese, each has a title, and none
// states a number, since amounts and deadlines come from the system of
// record, never from general documents.
func TestStarterDocuments(t *testing.T) {
	t.Parallel()
	topics := map[string][]string{}
	digits := regexp.MustCompile(`[0-9０-９]`)
	err := fs.WalkDir(FS(), ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := fs.ReadFile(FS(), p)
		if err != nil {
			return err
		}
		text := string(b)
		if !strings.HasPrefix(text, "# ") {
			t.Errorf("%s does not open with a title", p)
		}
		if digits.MatchString(text) {
			t.Errorf("%s states a number: %q", p, digits.FindString(text))
		}
		lang, name := path.Split(p)
		topics[strings.TrimSuffix(name, ".md")] = append(topics[strings.TrimSuffix(name, ".md")], strings.TrimSuffix(lang, "/"))
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(topics) < 6 {
		t.Errorf("only %d topics", len(topics))
	}
	for topic, langs := range topics {
		if diff := cmp.Diff([]string{"en", "zh"}, langs); diff != "" {
			t.Errorf("topic %s languages (-want +got):\n%s", topic, diff)
		}
	}
}
