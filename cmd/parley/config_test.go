package main

import (
	"strings"
	"testing"
)

// loadTestEnv loads env over the defaults. With wantErr set it reports an
// error unless loading failed naming wantErr, and returns false; otherwise
// it stops the test on an error and returns the configuration.
func loadTestEnv(t *testing.T, env map[string]string, wantErr string) (config, bool) {
	t.Helper()
	cfg := defaultConfig()
	err := cfg.loadEnv(func(k string) string { return env[k] })
	if wantErr != "" {
		if err == nil || !strings.Contains(err.Error(), wantErr) {
			t.Errorf("%v: err %v, want one naming %s", env, err, wantErr)
		}
		return cfg, false
	}
	if err != nil {
		t.Fatalf("%v: %v", env, err)
	}
	return cfg, true
}

// PARLEY_SMS_WORKERS sets the SMS turns run at once; unset, the store
// decides: eight on SQLite, four on PostgreSQL.
func TestSMSWorkers(t *testing.T) {
	for _, tc := range []struct {
		env     map[string]string
		want    int
		wantErr string
	}{
		{env: map[string]string{}, want: 8},
		{env: map[string]string{"DATABASE_URL": "postgres://db/parley"}, want: 4},
		{env: map[string]string{"PARLEY_SMS_WORKERS": "9"}, want: 9},
		{env: map[string]string{"PARLEY_SMS_WORKERS": "2", "DATABASE_URL": "postgres://db/parley"}, want: 2},
		{env: map[string]string{"PARLEY_SMS_WORKERS": "0"}, wantErr: "PARLEY_SMS_WORKERS"},
		{env: map[string]string{"PARLEY_SMS_WORKERS": "many"}, wantErr: "PARLEY_SMS_WORKERS"},
		{env: map[string]string{"PARLEY_SMS_WORKERS": "1000"}, wantErr: "PARLEY_SMS_WORKERS"},
	} {
		cfg, ok := loadTestEnv(t, tc.env, tc.wantErr)
		if !ok {
			continue
		}
		if got := cfg.smsWorkers(); got != tc.want {
			t.Errorf("%v: %d SMS workers, want %d", tc.env, got, tc.want)
		}
	}
}

// The judge reads with the LLM: on by default when an endpoint is
// configured, off with PARLEY_JUDGE=off; its band is PARLEY_JUDGE_BAND,
// default DefaultJudgeBand, and no band without a judge.
func TestJudgeConfig(t *testing.T) {
	llm := map[string]string{"PARLEY_LLM_BASE_URL": "http://127.0.0.1:9/v1", "PARLEY_LLM_MODEL": "m"}
	with := func(extra ...string) map[string]string {
		m := map[string]string{}
		for k, v := range llm {
			m[k] = v
		}
		for i := 0; i+1 < len(extra); i += 2 {
			m[extra[i]] = extra[i+1]
		}
		return m
	}
	for _, tc := range []struct {
		env     map[string]string
		judge   bool
		band    float32
		wantErr string
	}{
		{env: map[string]string{}, judge: false, band: 0},
		{env: map[string]string{"PARLEY_JUDGE_BAND": "0.3"}, judge: false, band: 0},
		{env: with(), judge: true, band: DefaultJudgeBand},
		{env: with("PARLEY_JUDGE_BAND", "0.3"), judge: true, band: 0.3},
		{env: with("PARLEY_JUDGE_BAND", "0"), judge: true, band: 0},
		{env: with("PARLEY_JUDGE", "off"), judge: false, band: 0},
		{env: with("PARLEY_JUDGE", "maybe"), wantErr: "PARLEY_JUDGE"},
		{env: with("PARLEY_JUDGE_BAND", "1.5"), wantErr: "PARLEY_JUDGE_BAND"},
		{env: with("PARLEY_JUDGE_BAND", "wide"), wantErr: "PARLEY_JUDGE_BAND"},
	} {
		cfg, ok := loadTestEnv(t, tc.env, tc.wantErr)
		if !ok {
			continue
		}
		if judge, band := cfg.judging(); judge != tc.judge || band != tc.band {
			t.Errorf("%v: judge %v band %v, want %v %v", tc.env, judge, band, tc.judge, tc.band)
		}
	}
}
