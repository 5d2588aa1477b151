package prompts

// VoiceGreeting opens a phone call: the assistant's name, that it is an
// automated voice, who it calls for, and that the call may be recorded. It
// says nothing about a debt: the caller is not verified yet.
type VoiceGreeting struct {
	AgentName string
	Collector string // empty when the caller is not a known borrower
	Recorded  bool
}

// Template names the template.
func (VoiceGreeting) Template() string { return "voice_greeting.v1" }

// VoiceCallback ends a call that was to go to a person when no one can take
// it now: a person will call back. Said instead of the chat's "a person will
// reply here", which makes no sense on a phone.
type VoiceCallback struct{}

// Template names the template.
func (VoiceCallback) Template() string { return "voice_callback.v1" }

// UnknownCaller answers a caller from a number no account has: who is
// speaking, that nothing can be discussed on this call, and the way
// forward (call back from the number that was contacted, or reply to the
// message). It says nothing about a debt, an account or a creditor: the
// caller may be anyone.
type UnknownCaller struct {
	AgentName string
}

// Template names the template.
func (UnknownCaller) Template() string { return "unknown_caller.v1" }
