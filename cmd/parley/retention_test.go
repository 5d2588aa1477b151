package main

import (
	"context"
	"errors"
	"path/filepath"
	"testing"
	"time"

	"github.com/parley-collections/parley/agent"
	"github.com/parley-collections/parley/agent/postgres/pgtest"
	"github.com/parley-collections/parley/agent/storetest"
)

func TestRetentionDaysSetting(t *testing.T) {
	t.Parallel()
	c := defaultConfig()
	if err := c.loadEnv(env()); err != nil || c.RetentionDays != 0 {
		t.Errorf("unset PARLEY_RETENTION_DAYS = %d, %v; want 0 (keep)", c.RetentionDays, err)
	}
	if err := c.loadEnv(env("PARLEY_RETENTION_DAYS", "730")); err != nil || c.RetentionDays != 730 {
		t.Errorf("PARLEY_RETENTION_DAYS=730 = %d, %v", c.RetentionDays, err)
	}
	for _, bad := range []string{"-1", "two years", "1.5"} {
		c := defaultConfig()
		if err := c.loadEnv(env("PARLEY_RETENTION_DAYS", bad)); err == nil {
			t.Errorf("PARLEY_RETENTION_DAYS=%q accepted", bad)
		}
	}
}

func TestChatTokenSettings(t *testing.T) {
	t.Parallel()
	c := defaultConfig()
	if err := c.loadEnv(env("PARLEY_CHAT_TOKEN_MAX_HOURS", "2", "PARLEY_CHAT_TOKEN_AUDIENCE", "parley-chat", "PARLEY_CHAT_TOKEN_ISSUER", "https://bank.example")); err != nil {
		t.Fatal(err)
	}
	if c.ChatTokenTTL != 2*time.Hour || c.ChatAudience != "parley-chat" || c.ChatIssuer != "https://bank.example" {
		t.Errorf("chat token settings = %v %q %q", c.ChatTokenTTL, c.ChatAudience, c.ChatIssuer)
	}
	for _, bad := range []string{"0", "721", "a day"} {
		c := defaultConfig()
		if err := c.loadEnv(env("PARLEY_CHAT_TOKEN_MAX_HOURS", bad)); err == nil {
			t.Errorf("PARLEY_CHAT_TOKEN_MAX_HOURS=%q accepted", bad)
		}
	}
}

// TestRetentionPurgeOnBothStores runs the retention job's purge on SQLite
// and PostgreSQL: conversations idle past the period go, in as many
// batches as it takes, with their messages; recent ones and the accounts
// stay.
func TestRetentionPurgeOnBothStores(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct{ name, url string }{{"sqlite", ""}, {"postgres", "pg"}} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			getenv := env()
			if tc.url != "" {
				getenv = env("DATABASE_URL", pgtest.Schema(t))
			}
			cfg, err := storeConfig(getenv, filepath.Join(t.TempDir(), "retention.db"))
			if err != nil {
				t.Fatal(err)
			}
			ctx := context.Background()
			st, err := openStore(ctx, cfg)
			if err != nil {
				t.Fatal(err)
			}
			defer st.Close()
			acct := storetest.Account("A-ret", "+15555550188")
			if err := st.PutAccount(ctx, acct); err != nil {
				t.Fatal(err)
			}
			now := time.Now()
			conv := func(age time.Duration, text string) agent.Message {
				at := now.Add(-age)
				c := agent.Conversation{AccountID: acct.ID, Channel: agent.ChannelChat, State: agent.StateOpen, CreatedAt: at, LastMessageAt: at}
				if err := st.CreateConversation(ctx, &c); err != nil {
					t.Fatal(err)
				}
				m, _, err := st.InsertInbound(ctx, agent.Message{ConversationID: c.ID, Channel: agent.ChannelChat, Text: text,
					ChannelMessageID: agent.NewID("ret_"), CreatedAt: at}, agent.Durable)
				if err != nil {
					t.Fatal(err)
				}
				return m
			}
			var old []agent.Message
			for range 3 {
				old = append(old, conv(40*24*time.Hour, "an old conversation"))
			}
			recent := conv(2*24*time.Hour, "a recent one")
			n, err := purgeBefore(ctx, st, now.Add(-30*24*time.Hour), 2) // two batches
			if err != nil || n != 3 {
				t.Fatalf("purgeBefore = %d, %v; want 3", n, err)
			}
			for _, m := range old {
				if _, err := st.Message(ctx, m.ID); !errors.Is(err, agent.ErrNotFound) {
					t.Errorf("a message past the period is still there: %v", err)
				}
				if _, err := st.Conversation(ctx, m.ConversationID); !errors.Is(err, agent.ErrNotFound) {
					t.Errorf("a conversation past the period is still there: %v", err)
				}
			}
			if _, err := st.Message(ctx, recent.ID); err != nil {
				t.Errorf("a recent message is gone: %v", err)
			}
			if _, err := st.Account(ctx, acct.ID); err != nil {
				t.Errorf("the account is gone: %v", err)
			}
		})
	}
}
