package main

import (
	"strings"
	"testing"
)

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
		cfg := defaultConfig()
		err := cfg.loadEnv(func(k string) string { return tc.env[k] })
		if tc.wantErr != "" {
			if err == nil || !strings.Contains(err.Error(), tc.wantErr) {
				t.Errorf("%v: err %v, want one naming %s", tc.env, err, tc.wantErr)
			}
			continue
		}
		if err != nil {
			t.Fatalf("%v: %v", tc.env, err)
		}
		if got := cfg.smsWorkers(); got != tc.want {
			t.Errorf("%v: %d SMS workers, want %d", tc.env, got, tc.want)
		}
	}
}
