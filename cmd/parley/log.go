package main

import (
	"io"
	"log/slog"
	"os"
	"strings"
)

// sensitiveKeys are log attribute keys whose values never reach a log, at
// any level, whatever type carries them.
var sensitiveKeys = map[string]bool{
	"text": true, "body": true, "phone": true, "from": true, "to": true, "email": true,
	"dob": true, "postcode": true, "zip": true, "ssn": true, "card": true, "password": true,
	"token": true, "secret": true, "name": true, "address": true, "id_last4": true,
}

// newLogger logs JSON when w is not a terminal and text when it is, and
// redacts personal data by key.
func newLogger(w io.Writer, level string) *slog.Logger {
	var lv slog.Level
	_ = lv.UnmarshalText([]byte(level))
	opts := &slog.HandlerOptions{Level: lv, ReplaceAttr: redactAttr}
	if isTerminal(w) {
		return slog.New(slog.NewTextHandler(w, opts))
	}
	return slog.New(slog.NewJSONHandler(w, opts))
}

func redactAttr(_ []string, a slog.Attr) slog.Attr {
	if sensitiveKeys[strings.ToLower(a.Key)] {
		return slog.String(a.Key, "[redacted]")
	}
	return a
}

func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}
