package prompts

func init() {
	samples["voice_greeting.v1"] = []Data{
		VoiceGreeting{AgentName: "Ava", Collector: "First Bank", Recorded: true},
		VoiceGreeting{AgentName: "Ava"},
	}
	samples["voice_callback.v1"] = []Data{VoiceCallback{}}
	samples["unknown_caller.v1"] = []Data{UnknownCaller{AgentName: "Ava"}}
}
