package openai

import (
	"errors"
	"log/slog"
	"net/http"
	"strings"
	"time"
)

// Config is how the adapter reaches its endpoint. Zero fields take the
// documented defaults.
type Config struct {
	// BaseURL is the endpoint's API root (PARLEY_LLM_BASE_URL), default
	// "https://api.openai.com/v1".
	BaseURL string
	// APIKey is sent as a bearer token (PARLEY_LLM_API_KEY, else
	// OPENAI_API_KEY); local servers accept none.
	APIKey string
	// Model is the chat model (PARLEY_LLM_MODEL), default "gpt-4o-mini".
	Model string
	// EmbeddingModel is the embedding model (PARLEY_LLM_EMBEDDING_MODEL),
	// default "text-embedding-3-small".
	EmbeddingModel string
	// EmbeddingDimension is the embedding size; 0 asks the endpoint once.
	EmbeddingDimension int
	// TextTimeout bounds one call on SMS, chat and email, retry included;
	// default 8 s.
	TextTimeout time.Duration
	// VoiceTimeout bounds one call on a phone call; default 3 s.
	VoiceTimeout time.Duration
	// RetryBackoff is the base wait before the one retry after a 429 or 5xx;
	// the wait is jittered between one and two times it. Default 200 ms.
	RetryBackoff time.Duration
	// BreakerThreshold consecutive failures open the circuit breaker;
	// default 5.
	BreakerThreshold int
	// BreakerCooldown is how long an open breaker refuses calls before one
	// half-open probe; default 30 s.
	BreakerCooldown time.Duration
	// HistoryMessages is how many recent conversation messages the brain
	// sends as context; default 8.
	HistoryMessages int
	// MaxAmountMinor is the largest amount, in minor units, a tool call may
	// name before it counts as absurd; default 100,000,000 (1,000,000.00).
	MaxAmountMinor int64
	// HTTPClient carries the requests; default a client without its own
	// timeout (each call has a context deadline).
	HTTPClient *http.Client
	// Logger receives operational events, never message text; default
	// slog.Default().
	Logger *slog.Logger
	// Now is the breaker's clock; default time.Now.
	Now func() time.Time
}

// ConfigFromEnv reads the PARLEY_LLM_* settings (and OPENAI_API_KEY)
// through getenv; other fields keep their defaults.
func ConfigFromEnv(getenv func(string) string) Config {
	c := Config{
		BaseURL:        strings.TrimSpace(getenv("PARLEY_LLM_BASE_URL")),
		APIKey:         strings.TrimSpace(getenv("PARLEY_LLM_API_KEY")),
		Model:          strings.TrimSpace(getenv("PARLEY_LLM_MODEL")),
		EmbeddingModel: strings.TrimSpace(getenv("PARLEY_LLM_EMBEDDING_MODEL")),
	}
	if c.APIKey == "" {
		c.APIKey = strings.TrimSpace(getenv("OPENAI_API_KEY"))
	}
	return c
}

// Configured reports whether an endpoint was named: a base URL, or an API
// key for the default OpenAI endpoint.
func (c Config) Configured() bool { return c.BaseURL != "" || c.APIKey != "" }

// LogValue keeps the API key out of logs.
func (c Config) LogValue() slog.Value {
	return slog.GroupValue(slog.String("base_url", c.withDefaults().BaseURL), slog.String("model", c.withDefaults().Model),
		slog.Bool("api_key_set", c.APIKey != ""))
}

func (c Config) withDefaults() Config {
	if c.BaseURL == "" {
		c.BaseURL = "https://api.openai.com/v1"
	}
	if c.Model == "" {
		c.Model = "gpt-4o-mini"
	}
	if c.EmbeddingModel == "" {
		c.EmbeddingModel = "text-embedding-3-small"
	}
	if c.TextTimeout <= 0 {
		c.TextTimeout = 8 * time.Second
	}
	if c.VoiceTimeout <= 0 {
		c.VoiceTimeout = 3 * time.Second
	}
	if c.RetryBackoff <= 0 {
		c.RetryBackoff = 200 * time.Millisecond
	}
	if c.BreakerThreshold <= 0 {
		c.BreakerThreshold = 5
	}
	if c.BreakerCooldown <= 0 {
		c.BreakerCooldown = 30 * time.Second
	}
	if c.HistoryMessages <= 0 {
		c.HistoryMessages = 8
	}
	if c.MaxAmountMinor <= 0 {
		c.MaxAmountMinor = 100_000_000
	}
	if c.HTTPClient == nil {
		c.HTTPClient = &http.Client{}
	}
	if c.Logger == nil {
		c.Logger = slog.Default()
	}
	if c.Now == nil {
		c.Now = time.Now
	}
	return c
}

func (c Config) validate() error {
	if strings.ContainsAny(c.BaseURL, " \t\n") ||
		!(strings.HasPrefix(c.BaseURL, "http://") || strings.HasPrefix(c.BaseURL, "https://")) {
		return errors.New("base URL must be an http or https URL")
	}
	return nil
}
