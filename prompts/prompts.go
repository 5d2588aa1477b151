package prompts

import (
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"sort"
	"strings"
	"sync"
	"text/template"
	"time"
)

//go:embed templates/*.tmpl
var files embed.FS

// Locales are the languages every template exists in.
var Locales = []string{"en", "zh"}

// Data is the typed input of one template. Template returns the template's
// name with its version, "offer.v1"; the locale is added by Render.
type Data interface {
	Template() string
}

// ErrUnknownTemplate reports a template or locale that has no file.
var ErrUnknownTemplate = errors.New("prompts: unknown template")

var (
	loadOnce sync.Once
	loaded   map[string]*template.Template // "offer.v1.en" -> parsed template
	loadErr  error
)

// Render executes the template for data in locale and returns the text and
// the version string ("offer.v1.en") to store with the message.
func Render(locale string, data Data) (text, version string, err error) {
	loadOnce.Do(func() { loaded, loadErr = parseAll() })
	if loadErr != nil {
		return "", "", loadErr
	}
	if data == nil {
		return "", "", fmt.Errorf("%w: nil data", ErrUnknownTemplate)
	}
	version = data.Template() + "." + locale
	t, ok := loaded[version]
	if !ok {
		return "", "", fmt.Errorf("%w: %s", ErrUnknownTemplate, version)
	}
	var b strings.Builder
	if err := t.Execute(&b, data); err != nil {
		return "", "", fmt.Errorf("prompts: render %s: %w", version, err)
	}
	return tidy(b.String()), version, nil
}

// Versions lists every template version the package embeds, sorted.
func Versions() []string {
	loadOnce.Do(func() { loaded, loadErr = parseAll() })
	out := make([]string, 0, len(loaded))
	for v := range loaded {
		out = append(out, v)
	}
	sort.Strings(out)
	return out
}

func parseAll() (map[string]*template.Template, error) {
	names, err := fs.Glob(files, "templates/*.tmpl")
	if err != nil {
		return nil, fmt.Errorf("prompts: %w", err)
	}
	out := make(map[string]*template.Template, len(names))
	for _, name := range names {
		version := strings.TrimSuffix(path.Base(name), ".tmpl")
		locale := version[strings.LastIndexByte(version, '.')+1:]
		src, err := files.ReadFile(name)
		if err != nil {
			return nil, fmt.Errorf("prompts: %w", err)
		}
		t, err := template.New(version).Option("missingkey=error").Funcs(funcs(locale)).Parse(string(src))
		if err != nil {
			return nil, fmt.Errorf("prompts: parse %s: %w", name, err)
		}
		out[version] = t
	}
	return out, nil
}

// funcs are the helpers a template of one locale may call. They format;
// they never compute amounts.
func funcs(locale string) template.FuncMap {
	return template.FuncMap{
		"date":  func(t time.Time) string { return formatDate(locale, t) },
		"clock": func(m int) string { return Clock(locale, m) },
	}
}

// Clock says a time of day, given in minutes after midnight, as the
// locale does: "noon", "6pm", "9:30am"; 中午12点, 晚上9点, 上午9点半.
func Clock(locale string, m int) string {
	h, mm := (m/60)%24, m%60
	if locale == "zh" {
		part := "上午"
		switch {
		case h == 12:
			part = "中午"
		case h >= 18:
			part = "晚上"
		case h > 12:
			part = "下午"
		case h < 6:
			part = "凌晨"
		}
		h12 := h
		if h > 12 {
			h12 = h - 12
		}
		switch mm {
		case 0:
			return fmt.Sprintf("%s%d点", part, h12)
		case 30:
			return fmt.Sprintf("%s%d点半", part, h12)
		}
		return fmt.Sprintf("%s%d点%02d分", part, h12, mm)
	}
	switch {
	case h == 12 && mm == 0:
		return "noon"
	case h == 0 && mm == 0:
		return "midnight"
	}
	suffix := "am"
	if h >= 12 {
		suffix = "pm"
	}
	h12 := h % 12
	if h12 == 0 {
		h12 = 12
	}
	if mm == 0 {
		return fmt.Sprintf("%d%s", h12, suffix)
	}
	return fmt.Sprintf("%d:%02d%s", h12, mm, suffix)
}

var monthsEN = [...]string{"January", "February", "March", "April", "May", "June", "July",
	"August", "September", "October", "November", "December"}

func formatDate(locale string, t time.Time) string {
	if locale == "zh" {
		return fmt.Sprintf("%d年%d月%d日", t.Year(), int(t.Month()), t.Day())
	}
	return fmt.Sprintf("%s %d, %d", monthsEN[t.Month()-1], t.Day(), t.Year())
}

// tidy trims the blank lines and trailing spaces that template actions leave.
func tidy(s string) string {
	lines := strings.Split(strings.TrimSpace(s), "\n")
	out := lines[:0]
	for _, l := range lines {
		l = strings.TrimRight(l, " \t")
		if l == "" && len(out) > 0 && out[len(out)-1] == "" {
			continue
		}
		out = append(out, l)
	}
	return strings.Join(out, "\n")
}
