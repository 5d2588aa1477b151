package agent

import "context"

// respond is the dialogue policy: it decides, from the understanding and the
// conversation's state, what to say and what happened.
// TEMPORARY: replaced by the full flows.
func (o *Orchestrator) respond(ctx context.Context, t *Turn) error {
	t.Say(Reply{Text: "Hello, this is " + o.cfg.AgentName + ", an automated assistant.", TemplateVersion: "greeting.v0.en", Purpose: "identity"})
	return nil
}
