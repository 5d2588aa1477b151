package main

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"strings"
	"time"

	"github.com/parley-collections/parley/agent"
)

func init() {
	register(command{name: "chat", summary: "talk to the agent in a terminal (same orchestrator, same guard)", run: runChat})
}

// chatQuit ends a terminal chat.
const chatQuit = "/quit"

// runChat is `parley chat`: a terminal conversation on the console channel
// through the same store, brain, guard and flows as `parley serve`. Each run
// is a new conversation; the demo portfolio is seeded when missing.
func runChat(ctx context.Context, sio IO, args []string) error {
	cfg := defaultConfig()
	if err := cfg.loadEnv(sio.Getenv); err != nil {
		return usagef("%v", err)
	}
	fs := newFlags(sio, "chat", "[--account ID] [--lang en|zh] [--db PATH]")
	accountID := fs.String("account", "DEMO-US-1", "the account whose borrower you play")
	lang := fs.String("lang", "", "the conversation's language, en or zh (default: the borrower's)")
	fs.StringVar(&cfg.DBPath, "db", cfg.DBPath, "SQLite file when DATABASE_URL is unset (env PARLEY_DB)")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return usagef("unexpected argument %q", fs.Arg(0))
	}
	if *lang != "" && *lang != "en" && *lang != "zh" {
		return usagef("--lang %q: want en or zh", *lang)
	}
	if err := cfg.validate(); err != nil {
		return usagef("%v", err)
	}
	st, err := openStore(ctx, cfg)
	if err != nil {
		return fmt.Errorf("chat: %w", err)
	}
	defer st.Close()
	if _, err := agent.SeedDemoKeyed(ctx, st, time.Now(), cfg.identity); err != nil {
		return fmt.Errorf("chat: demo data: %w", err)
	}
	acct, err := st.Account(ctx, *accountID)
	if errors.Is(err, agent.ErrNotFound) {
		return usagef("no account %q (try DEMO-US-1 or DEMO-CN-1)", *accountID)
	}
	if err != nil {
		return fmt.Errorf("chat: %w", err)
	}
	judge, band := cfg.judging()
	guard, err := loadGuardBand(cfg.GuardProfiles, cfg.PaymentURL, band)
	if err != nil {
		return fmt.Errorf("chat: %w", err)
	}
	jd, err := newJudge(cfg.LLM, slog.New(slog.DiscardHandler), judge)
	if err != nil {
		return fmt.Errorf("chat: %w", err)
	}
	// The LLM brain when PARLEY_LLM_* is set (falling back to rules), else rules.
	br, err := newBrains(cfg.LLM, slog.New(slog.DiscardHandler), true)
	if err != nil {
		return fmt.Errorf("chat: %w", err)
	}
	know, closeKnow, err := newKnowledge(ctx, cfg.Qdrant, slog.New(slog.DiscardHandler), br)
	if err != nil {
		return fmt.Errorf("chat: %w", err)
	}
	defer closeKnow()
	orch, err := agent.NewOrchestrator(agent.Config{
		Store:     st,
		Brain:     br.brain,
		Phraser:   br.phraser,
		Judge:     jd,
		Guard:     guard,
		Knowledge: know,
		Linker:    &agent.PaymentLinker{URLTemplate: cfg.PaymentURL, Secret: []byte(cfg.PaymentSecret)},
		AgentName: cfg.AgentName,
		Identity:  cfg.identity,
	})
	if err != nil {
		return fmt.Errorf("chat: %w", err)
	}
	locale := *lang
	if locale == "" {
		locale = acct.Borrower.Locale
	}
	conv := agent.Conversation{AccountID: acct.ID, Channel: agent.ChannelConsole, Address: "terminal", State: agent.StateOpen, Owner: agent.OwnerAI, Locale: locale}
	if err := st.CreateConversation(ctx, &conv); err != nil {
		return fmt.Errorf("chat: %w", err)
	}
	s := chatSession{orch: orch, conv: conv.ID, account: acct.ID, agentName: cfg.AgentName, out: sio.Stdout, events: sio.Stderr}
	return s.run(ctx, sio.Stdin, locale)
}

// chatSession is one terminal conversation.
type chatSession struct {
	orch      *agent.Orchestrator
	conv      string
	account   string
	agentName string
	out       io.Writer // the conversation
	events    io.Writer // what happened on each turn, for whoever is watching
}

func (s chatSession) run(ctx context.Context, in io.Reader, locale string) error {
	if locale == "zh" {
		fmt.Fprintf(s.out, "您正在以账户 %s 借款人的身份与 %s 对话。输入 %s 退出。\n", s.account, s.agentName, chatQuit)
	} else {
		fmt.Fprintf(s.out, "You are the borrower of %s, talking to %s. Type %s to leave.\n", s.account, s.agentName, chatQuit)
	}
	sc := bufio.NewScanner(in)
	sc.Buffer(make([]byte, 0, 4096), 64*1024)
	for {
		fmt.Fprint(s.out, "you> ")
		if !sc.Scan() {
			fmt.Fprintln(s.out)
			break
		}
		line := strings.TrimSpace(sc.Text())
		if line == chatQuit {
			break
		}
		if line == "" {
			continue
		}
		if err := s.turn(ctx, line); err != nil {
			return err
		}
		if ctx.Err() != nil {
			return nil
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("chat: read: %w", err)
	}
	return nil
}

// turn runs one borrower message and prints each reply as the guard lets it out.
func (s chatSession) turn(ctx context.Context, text string) error {
	res, err := s.orch.Handle(ctx, agent.Inbound{
		Channel:          agent.ChannelConsole,
		AccountID:        s.account,
		ConversationID:   s.conv,
		From:             "terminal",
		Text:             text,
		ChannelMessageID: agent.NewID("console_"),
	}, agent.WithStream(func(chunk string) {
		prefix := s.agentName + "> "
		fmt.Fprintln(s.out, prefix+strings.ReplaceAll(chunk, "\n", "\n"+strings.Repeat(" ", len(prefix))))
	}))
	if err != nil {
		return fmt.Errorf("chat: turn: %w", err)
	}
	if len(res.Replies) == 0 {
		fmt.Fprintf(s.out, "(%s sends nothing)\n", s.agentName)
	}
	if len(res.Events) > 0 {
		kinds := make([]string, 0, len(res.Events))
		for _, e := range res.Events {
			kinds = append(kinds, string(e.Kind))
		}
		fmt.Fprintf(s.events, "  [%s]\n", strings.Join(kinds, " "))
	}
	return nil
}
