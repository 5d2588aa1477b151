package main

import (
	"bytes"
	"log/slog"
	"strings"
	"testing"
)

// TestRiverLogsWarningsOnly: the job queue's own start, stop and polling
// messages stay out of the log unless PARLEY_LOG_LEVEL=debug asks for them;
// its warnings and errors always reach it.
func TestRiverLogsWarningsOnly(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct {
		level    string
		wantInfo bool
	}{{"info", false}, {"warn", false}, {"debug", true}} {
		var buf bytes.Buffer
		a := &app{cfg: config{LogLevel: tt.level}, log: slog.New(slog.NewTextHandler(&buf, &slog.HandlerOptions{Level: slog.LevelDebug}))}
		l := a.riverLog()
		l.Info("River client started")
		l.Debug("River producer polling")
		l.Warn("River job failed")
		got := buf.String()
		if strings.Contains(got, "client started") != tt.wantInfo || strings.Contains(got, "polling") != tt.wantInfo || !strings.Contains(got, "job failed") {
			t.Errorf("PARLEY_LOG_LEVEL=%s: River's log is %q", tt.level, got)
		}
	}
}
