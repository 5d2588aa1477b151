package main

import (
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"fmt"
	"os"
	"strings"
	"time"

	"github.com/parley-collections/parley/agent"
	"github.com/parley-collections/parley/agent/console"
	"github.com/parley-collections/parley/channels/chat"
	"github.com/parley-collections/parley/channels/sms"
	"github.com/parley-collections/parley/channels/twilio"
	"github.com/parley-collections/parley/channels/voice"
)

// mountChannels mounts the borrower-facing channels and gives the outbox a
// sender for each.
func (a *app) mountChannels(ctx context.Context) error {
	ts := twilio.Settings{
		AccountSID: a.cfg.TwilioAccountSID, AuthToken: a.cfg.TwilioAuthToken, From: a.cfg.TwilioFrom,
		MessagingServiceSID: a.cfg.TwilioMSID, PublicURL: a.cfg.PublicURL, Insecure: a.cfg.TwilioInsecure,
	}
	if err := ts.Validate(); err != nil {
		return fmt.Errorf("twilio settings: %w", err)
	}
	// SMS: the webhook stores, acknowledges and runs the turn; the outbox sends.
	smsH, err := sms.NewHandler(sms.Config{Settings: ts, Orchestrator: a.orch, Store: a.store, Log: a.log, Workers: a.cfg.smsWorkers()})
	if err != nil {
		return err
	}
	a.handle("POST "+sms.InboundPath, "twilio_sms", smsH)
	a.handle("POST "+sms.StatusPath, "twilio_sms_status", smsH)
	a.closers = append(a.closers, func() {
		cctx, cancel := context.WithTimeout(context.Background(), a.cfg.ShutdownTimeout)
		defer cancel()
		_ = smsH.Close(cctx)
	})
	a.disp.Senders[agent.ChannelSMS] = sms.NewSenderFromSettings(ts, nil, a.log)
	if !ts.CanSend() && a.cfg.DryRunLog != "" {
		f, err := os.OpenFile(a.cfg.DryRunLog, os.O_WRONLY|os.O_CREATE|os.O_APPEND, 0o600)
		if err != nil {
			return fmt.Errorf("--dry-run-log: %w", err)
		}
		a.closers = append(a.closers, func() { _ = f.Close() })
		a.disp.Senders[agent.ChannelSMS] = sms.DryRunSender{Log: a.log, Out: f}
	}
	if a.cfg.TwilioInsecure && a.cfg.TwilioAuthToken == "" {
		a.log.Warn("PARLEY_TWILIO_INSECURE=1: Twilio webhooks are accepted without signature checks; " +
			"anyone who can reach this server can post messages and calls as any phone number. Use it for local experiments only, never in production.")
	}
	if !a.cfg.twilioSending() {
		a.log.Info("sms: no Twilio sending credentials, messages go to the dry-run sender (the console marks them; --dry-run-log FILE keeps their text)")
	}

	// In-app chat: replies reach sockets through the bus.
	chatCfg := chat.Config{
		Secret: []byte(a.cfg.ChatSecret), Orchestrator: a.orch, Store: a.store, Bus: a.bus,
		Logger: a.log, AllowedOrigins: a.cfg.ChatOrigins, PublicURL: a.cfg.PublicURL,
		MaxTokenTTL: a.cfg.ChatTokenTTL, TokenAudience: a.cfg.ChatAudience, TokenIssuer: a.cfg.ChatIssuer,
		LinkHosts: []string{paymentHost(a.cfg.PaymentURL)},
	}
	if a.cfg.Demo {
		chatCfg.DemoAccounts = demoChatAccounts
	}
	chatH, err := chat.NewHandler(chatCfg)
	if err != nil {
		return err
	}
	a.handle("/chat/", "chat", chatH)
	a.workers = append(a.workers, func(ctx context.Context) { _ = chatH.Run(ctx) })
	a.disp.Senders[agent.ChannelChat] = chat.NewSender(a.bus)

	// Voice: ConversationRelay streams guard-approved sentences as they are
	// ready; a handed-over call goes to PARLEY_VOICE_HANDOFF_NUMBER.
	voiceH, err := voice.NewHandler(voice.Config{
		Settings:      ts,
		Turn:          voice.Turns(a.orch),
		Greeting:      a.voiceGreeting,
		Farewell:      a.voiceFarewell,
		UnknownCaller: a.voiceUnknownCaller,
		Interrupts:    a.orch,
		Outcomes:      a.orch,
		HandoffNumber: a.cfg.HandoffNumber,
		Log:           a.log,
		RelayKey:      relayKey(ts.AuthToken),
		RelayTokens:   a.store,
	})
	if err != nil {
		return fmt.Errorf("PARLEY_VOICE_HANDOFF_NUMBER: %w", err)
	}
	a.handle("POST "+voice.CallPath, "twilio_voice", voiceH)
	a.handle("GET "+voice.RelayPath, "twilio_voice_relay", voiceH)
	a.handle("POST "+voice.StatusPath, "twilio_voice_status", voiceH)
	a.handle("POST "+voice.ActionPath, "twilio_voice_action", voiceH)
	a.closers = append(a.closers, func() {
		cctx, cancel := context.WithTimeout(context.Background(), a.cfg.ShutdownTimeout)
		defer cancel()
		_ = voiceH.Close(cctx)
	})
	// Outbound calls: outreach on voice and deferred calls dial through the
	// Caller once the guard allows the attempt (dry-run without credentials).
	// The jobs call back into the same outreach.
	out := agent.Outreacher{Orchestrator: a.orch, Dialer: voice.NewCaller(ts, nil, a.log)}
	if a.jobs != nil {
		a.jobs.Bind(jobRunner{Outreacher: out, app: a})
	}
	return a.mountConsole(ctx, out)
}

// voiceGreeting opens a call: the greeting allowed when Parley placed it,
// or one for whoever is calling.
func (a *app) voiceGreeting(ctx context.Context, r voice.GreetingRequest) (voice.Greeting, error) {
	if r.MessageID != "" {
		text, locale, err := a.orch.CallGreeting(ctx, r.MessageID)
		if err == nil {
			return voice.Greeting{Text: text, Language: locale}, nil
		}
		a.log.Warn("voice: greeting of a placed call", "call", r.CallSid, "err", err)
	}
	phone := r.From
	if r.Direction != "inbound" && r.Direction != "" {
		phone = r.To
	}
	text, locale, err := a.orch.VoiceGreeting(ctx, phone)
	return voice.Greeting{Text: text, Language: locale}, err
}

// voiceUnknownCaller answers a caller whose number no account has.
func (a *app) voiceUnknownCaller(ctx context.Context, r voice.UnknownCallerRequest) (voice.Greeting, error) {
	text, locale, err := a.orch.UnknownCallerReply(ctx, r.Text)
	return voice.Greeting{Text: text, Language: locale}, err
}

// voiceFarewell ends a handed-over call that no one can take.
func (a *app) voiceFarewell(ctx context.Context, r voice.FarewellRequest) (voice.Greeting, error) {
	text, locale, err := a.orch.VoiceFarewell(ctx, r.ConversationID, r.Phone)
	return voice.Greeting{Text: text, Language: locale}, err
}

// mountConsole serves the supervisor console and its JSON API, whose
// outreach goes through out. In demo mode it makes sure the `supervisor`
// user exists, with PARLEY_DEMO_PASSWORD or a random password printed once.
func (a *app) mountConsole(ctx context.Context, out agent.Outreacher) error {
	demoPW := ""
	if a.cfg.Demo {
		demoPW = a.cfg.DemoPassword
		if demoPW == "" {
			demoPW = randomSecret()[:16]
		}
		if _, err := a.store.UserByName(ctx, "supervisor"); err == nil && a.cfg.DemoPassword == "" {
			a.demo.passwordKept = true
			demoPW = "" // kept: PARLEY_DEMO_PASSWORD or parley user passwd changes it
		} else {
			a.demo.password = demoPW
		}
	}
	cfg := console.Config{
		Store: a.store, Orchestrator: out, Bus: a.bus, Logger: a.log,
		Secure:         strings.HasPrefix(a.cfg.PublicURL, "https://"),
		TrustedProxies: a.cfg.TrustedProxies,
		DemoPassword:   demoPW,
	}
	if a.jobs != nil {
		cfg.Reach = a.jobs // an outreach request with a time ahead runs as a job
	}
	con, err := console.New(ctx, cfg)
	if err != nil {
		return fmt.Errorf("console: %w", err)
	}
	a.handle("/console/", "console", con)
	a.handle("/api/", "api", con)
	a.closers = append(a.closers, con.Close)
	return nil
}

// demoChatAccounts lists the demo borrowers for the chat demo page.
func demoChatAccounts(context.Context) ([]chat.DemoAccount, error) {
	var out []chat.DemoAccount
	for _, a := range agent.DemoAccounts(time.Now()) {
		out = append(out, chat.DemoAccount{ID: a.ID, Name: a.Borrower.Name, Locale: a.Borrower.Locale, Jurisdiction: a.Borrower.Jurisdiction})
	}
	return out, nil
}

// relayKey is the key that signs voice relay tokens: derived from the
// Twilio auth token, which every replica has and which already vouches for
// every request Twilio makes. Without one (PARLEY_TWILIO_INSECURE) it is
// nil: a key of this process.
func relayKey(authToken string) []byte {
	if authToken == "" {
		return nil
	}
	m := hmac.New(sha256.New, []byte(authToken))
	m.Write([]byte("parley voice relay token"))
	return m.Sum(nil)
}
