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
