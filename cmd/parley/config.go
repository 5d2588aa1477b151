package main

import (
	"crypto/rand"
	"encoding/hex"
	"flag"
	"fmt"
	"net/netip"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/parley-collections/parley/agent"
	"github.com/parley-collections/parley/agent/openai"
	"github.com/parley-collections/parley/agent/qdrant"
)

// config is the whole of `parley serve`'s configuration: defaults in code,
// overlaid by the environment, then by flags, validated before anything
// starts. Secrets are never logged (see redacted).
type config struct {
	Addr        string // PARLEY_ADDR, --addr; default ":8080"
	Demo        bool   // --demo; default true when DATABASE_URL is unset
	DBPath      string // PARLEY_DB, --db; default "./parley.db"
	DatabaseURL string // DATABASE_URL: PostgreSQL instead of SQLite
	PublicURL   string // PARLEY_PUBLIC_URL: the URL Twilio calls, for signatures

	ChatSecret      string        // PARLEY_CHAT_SECRET: HS256 key of chat tokens; random in demo mode when unset
	ChatOrigins     []string      // PARLEY_CHAT_ORIGINS: extra origins allowed to open the chat socket
	ChatTokenTTL    time.Duration // PARLEY_CHAT_TOKEN_MAX_HOURS: how far ahead a chat token's exp may be; default 24h
	ChatAudience    string        // PARLEY_CHAT_TOKEN_AUDIENCE: the aud chat tokens must carry, when set
	ChatIssuer      string        // PARLEY_CHAT_TOKEN_ISSUER: the iss chat tokens must carry, when set
	DemoPassword    string        // PARLEY_DEMO_PASSWORD: the demo supervisor's password; random and printed when unset
	PaymentURL      string        // PARLEY_PAYMENT_URL: payment link template with {token}
	PaymentSecret   string        // PARLEY_PAYMENT_SECRET: HMAC key of payment tokens; random when unset
	GuardProfiles   string        // PARLEY_GUARD_PROFILES: a file of extra or overriding jurisdiction profiles
	AgentName       string        // PARLEY_AGENT_NAME: the assistant's name; default "Ava"
	LogLevel        string        // PARLEY_LOG_LEVEL: debug, info, warn, error; default info
	DryRunLog       string        // PARLEY_DRY_RUN_LOG, --dry-run-log: a file that gets the text of every message the dry-run sender did not send
	ShutdownTimeout time.Duration

	TwilioAccountSID string // TWILIO_ACCOUNT_SID
	TwilioAuthToken  string // TWILIO_AUTH_TOKEN
	TwilioFrom       string // TWILIO_FROM
	TwilioMSID       string // TWILIO_MESSAGING_SERVICE_SID
	TwilioInsecure   bool   // PARLEY_TWILIO_INSECURE=1: accept unsigned webhooks (local experiments only)
	HandoffNumber    string // PARLEY_VOICE_HANDOFF_NUMBER: where a handed-over call is dialled (E.164)

	LLM openai.Config // PARLEY_LLM_BASE_URL, PARLEY_LLM_API_KEY or OPENAI_API_KEY, PARLEY_LLM_MODEL, ...
	// JudgeOff is PARLEY_JUDGE=off: no second reading by the LLM (on by
	// default when an LLM is configured). JudgeBand is PARLEY_JUDGE_BAND,
	// the guard's uncertain band (policies.Options.UncertainBand) whose
	// messages the judge reads besides every supervisor's; default
	// DefaultJudgeBand.
	JudgeOff  bool
	JudgeBand float32
	Qdrant    qdrant.Config // QDRANT_URL, QDRANT_API_KEY, ...

	// IdentityKey is PARLEY_IDENTITY_KEY (hex or base64, at least 16
	// bytes): the key identity facts are digested under, never stored with
	// them. Required outside demo mode; demo mode generates one when unset
	// (IdentityKeyGenerated) and re-digests the demo accounts with it.
	IdentityKey          string
	IdentityKeyGenerated bool
	IdentityCost         string // PARLEY_IDENTITY_ARGON2: argon2id costs "m=KiB,t=passes,p=threads"
	identity             *agent.IdentityHasher

	// TrustedProxies is PARLEY_TRUSTED_PROXIES: comma-separated addresses or
	// CIDR prefixes of the proxies whose X-Forwarded-For and
	// X-Forwarded-Proto the console believes.
	TrustedProxies []netip.Prefix

	OutboxMaxAttempts int // PARLEY_OUTBOX_MAX_ATTEMPTS; default 6
	SMSWorkers        int // PARLEY_SMS_WORKERS: SMS turns run at once; 0 picks by store (smsWorkers)
	// RetentionDays is PARLEY_RETENTION_DAYS: closed conversations idle
	// longer are deleted with what was said in them (purgeExpired); 0,
	// the default, keeps them.
	RetentionDays int
}

func defaultConfig() config {
	return config{
		Addr:              ":8080",
		DBPath:            defaultDBPath,
		PaymentURL:        "https://pay.example.com/p/{token}",
		AgentName:         "Ava",
		LogLevel:          "info",
		ShutdownTimeout:   15 * time.Second,
		OutboxMaxAttempts: 6,
		JudgeBand:         DefaultJudgeBand,
	}
}

// DefaultJudgeBand is the width below the content model's thresholds in
// which the judge reads the AI's messages, when an LLM is configured.
const DefaultJudgeBand = 0.15

// judging reports whether the LLM judge reads messages, and the guard's
// uncertain band for it: none without a judge.
func (c *config) judging() (bool, float32) {
	if c.JudgeOff || !c.LLM.Configured() {
		return false, 0
	}
	return true, c.JudgeBand
}

// envConfig is the defaults overlaid by the environment: every command
// reads its configuration here, once, and passes the parts on.
func envConfig(getenv func(string) string) (config, error) {
	c := defaultConfig()
	err := c.loadEnv(getenv)
	return c, err
}

// loadEnv overlays the environment on the defaults.
func (c *config) loadEnv(getenv func(string) string) error {
	set := func(dst *string, key string) {
		if v := getenv(key); v != "" {
			*dst = v
		}
	}
	set(&c.Addr, "PARLEY_ADDR")
	set(&c.DBPath, "PARLEY_DB")
	set(&c.DatabaseURL, "DATABASE_URL")
	set(&c.PublicURL, "PARLEY_PUBLIC_URL")
	set(&c.ChatSecret, "PARLEY_CHAT_SECRET")
	set(&c.DemoPassword, "PARLEY_DEMO_PASSWORD")
	set(&c.IdentityKey, "PARLEY_IDENTITY_KEY")
	set(&c.IdentityCost, "PARLEY_IDENTITY_ARGON2")
	set(&c.PaymentURL, "PARLEY_PAYMENT_URL")
	set(&c.PaymentSecret, "PARLEY_PAYMENT_SECRET")
	set(&c.GuardProfiles, "PARLEY_GUARD_PROFILES")
	set(&c.AgentName, "PARLEY_AGENT_NAME")
	set(&c.LogLevel, "PARLEY_LOG_LEVEL")
	set(&c.DryRunLog, "PARLEY_DRY_RUN_LOG")
	set(&c.TwilioAccountSID, "TWILIO_ACCOUNT_SID")
	set(&c.TwilioAuthToken, "TWILIO_AUTH_TOKEN")
	set(&c.TwilioFrom, "TWILIO_FROM")
	set(&c.TwilioMSID, "TWILIO_MESSAGING_SERVICE_SID")
	set(&c.HandoffNumber, "PARLEY_VOICE_HANDOFF_NUMBER")
	c.HandoffNumber = strings.TrimSpace(c.HandoffNumber)
	c.LLM = openai.ConfigFromEnv(getenv)
	c.Qdrant = qdrant.ConfigFromEnv(getenv)
	if v := getenv("PARLEY_CHAT_ORIGINS"); v != "" {
		c.ChatOrigins = strings.Split(v, ",")
	}
	if v := getenv("PARLEY_TRUSTED_PROXIES"); v != "" {
		for _, f := range strings.Split(v, ",") {
			f = strings.TrimSpace(f)
			if f == "" {
				continue
			}
			p, err := netip.ParsePrefix(f)
			if err != nil {
				a, aerr := netip.ParseAddr(f)
				if aerr != nil {
					return fmt.Errorf("PARLEY_TRUSTED_PROXIES: %q is not an address or CIDR prefix", f)
				}
				p = netip.PrefixFrom(a, a.BitLen())
			}
			c.TrustedProxies = append(c.TrustedProxies, p.Masked())
		}
	}
	if v := getenv("PARLEY_TWILIO_INSECURE"); v != "" {
		b, err := strconv.ParseBool(v)
		if err != nil {
			return fmt.Errorf("PARLEY_TWILIO_INSECURE: %q is not a boolean", v)
		}
		c.TwilioInsecure = b
	}
	if v := getenv("PARLEY_OUTBOX_MAX_ATTEMPTS"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 {
			return fmt.Errorf("PARLEY_OUTBOX_MAX_ATTEMPTS: %q is not a positive number", v)
		}
		c.OutboxMaxAttempts = n
	}
	set(&c.ChatAudience, "PARLEY_CHAT_TOKEN_AUDIENCE")
	set(&c.ChatIssuer, "PARLEY_CHAT_TOKEN_ISSUER")
	if v := getenv("PARLEY_CHAT_TOKEN_MAX_HOURS"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 || n > 24*30 {
			return fmt.Errorf("PARLEY_CHAT_TOKEN_MAX_HOURS: %q is not a number of hours from 1 to 720", v)
		}
		c.ChatTokenTTL = time.Duration(n) * time.Hour
	}
	if v := getenv("PARLEY_RETENTION_DAYS"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 0 {
			return fmt.Errorf("PARLEY_RETENTION_DAYS: %q is not a number of days (0 keeps conversations)", v)
		}
		c.RetentionDays = n
	}
	switch v := strings.ToLower(strings.TrimSpace(getenv("PARLEY_JUDGE"))); v {
	case "", "on":
	case "off":
		c.JudgeOff = true
	default:
		return fmt.Errorf("PARLEY_JUDGE: %q is not on or off", v)
	}
	if v := getenv("PARLEY_JUDGE_BAND"); v != "" {
		f, err := strconv.ParseFloat(v, 32)
		if err != nil || !(f >= 0 && f <= 1) {
			return fmt.Errorf("PARLEY_JUDGE_BAND: %q is not a number from 0 to 1", v)
		}
		c.JudgeBand = float32(f)
	}
	if v := getenv("PARLEY_SMS_WORKERS"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 || n > 256 {
			return fmt.Errorf("PARLEY_SMS_WORKERS: %q is not a number from 1 to 256", v)
		}
		c.SMSWorkers = n
	}
	c.Demo = c.DatabaseURL == ""
	return nil
}

// smsWorkers is how many SMS turns run at once. On SQLite a turn spends
// most of its time waiting for the shared flush of the log, with the
// processor free, so eight run at once; on PostgreSQL the processor is the
// limit, and more than four turns at once only make webhooks wait
// (docs/bench-load.md).
func (c *config) smsWorkers() int {
	switch {
	case c.SMSWorkers > 0:
		return c.SMSWorkers
	case c.DatabaseURL != "":
		return 4
	}
	return 8
}

// bindFlags lets flags override the environment.
func (c *config) bindFlags(fs *flag.FlagSet) {
	fs.StringVar(&c.Addr, "addr", c.Addr, "address to listen on (env PARLEY_ADDR)")
	fs.BoolVar(&c.Demo, "demo", c.Demo, "seed the demo portfolio and demo supervisor (default true without DATABASE_URL)")
	fs.StringVar(&c.DBPath, "db", c.DBPath, "SQLite file when DATABASE_URL is unset (env PARLEY_DB)")
	fs.StringVar(&c.DryRunLog, "dry-run-log", c.DryRunLog, "without Twilio credentials, append the text of each SMS not sent to this file (env PARLEY_DRY_RUN_LOG)")
	fs.DurationVar(&c.ShutdownTimeout, "shutdown-timeout", c.ShutdownTimeout, "how long shutdown waits for in-flight requests")
}

// validate checks the configuration and fills generated secrets.
func (c *config) validate() error {
	if c.PublicURL != "" {
		u, err := url.Parse(c.PublicURL)
		if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
			return fmt.Errorf("PARLEY_PUBLIC_URL: %q is not an http(s) URL", c.PublicURL)
		}
		c.PublicURL = strings.TrimRight(c.PublicURL, "/")
	}
	if !strings.Contains(c.PaymentURL, "{token}") {
		return fmt.Errorf("PARLEY_PAYMENT_URL: %q has no {token}", c.PaymentURL)
	}
	switch c.LogLevel {
	case "debug", "info", "warn", "error":
	default:
		return fmt.Errorf("PARLEY_LOG_LEVEL: %q is not debug, info, warn or error", c.LogLevel)
	}
	if c.ChatSecret == "" {
		c.ChatSecret = randomSecret()
	}
	if c.PaymentSecret == "" {
		c.PaymentSecret = randomSecret()
	}
	return c.validateIdentity()
}

// demoIdentityParams are the argon2id costs under a generated demo key.
var demoIdentityParams = agent.IdentityParams{Time: 1, MemoryKiB: 64, Threads: 1}

// validateIdentity makes the identity hasher from PARLEY_IDENTITY_KEY and
// PARLEY_IDENTITY_ARGON2, generating the key in demo mode.
func (c *config) validateIdentity() error {
	if c.IdentityKey == "" {
		if !c.Demo {
			return fmt.Errorf("PARLEY_IDENTITY_KEY is required outside demo mode: %d or more random bytes, hex or base64 (openssl rand -hex 32)", agent.MinIdentityKeyLen)
		}
		var b [32]byte
		_, _ = rand.Read(b[:])
		c.IdentityKey, c.IdentityKeyGenerated = hex.EncodeToString(b[:]), true
	}
	key, err := agent.ParseIdentityKey(c.IdentityKey)
	if err != nil {
		return fmt.Errorf("PARLEY_IDENTITY_KEY: %w", err)
	}
	p, err := agent.ParseIdentityParams(c.IdentityCost)
	if err != nil {
		return fmt.Errorf("PARLEY_IDENTITY_ARGON2: %w", err)
	}
	if c.IdentityKeyGenerated && c.IdentityCost == "" {
		// A key that lives only in this process protects the digests on its
		// own; the stretch guards against a leaked key, which this one is
		// not kept long enough to be. Demo starts stay quick.
		p = demoIdentityParams
	}
	c.identity, err = agent.NewIdentityHasher(key, p)
	if err != nil {
		return fmt.Errorf("PARLEY_IDENTITY_KEY: %w", err)
	}
	return nil
}

// twilioSending reports whether messages really go out through Twilio.
func (c *config) twilioSending() bool {
	return c.TwilioAccountSID != "" && c.TwilioAuthToken != "" && (c.TwilioFrom != "" || c.TwilioMSID != "")
}

func randomSecret() string {
	var b [24]byte
	_, _ = rand.Read(b[:])
	return hex.EncodeToString(b[:])
}
