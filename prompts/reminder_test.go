package prompts

func init() {
	samples["reminder.v1"] = []Data{
		Reminder{Amount: "$150.00", Due: due, Link: "https://pay.example.com/p/abc"},
		Reminder{Amount: "$150.00", Due: due},
	}
}
