package prompts

import "time"

// Reminder reminds a verified borrower of an installment coming due. It
// states only the amount and date of the plan the borrower agreed.
type Reminder struct {
	Amount string    // formatted, "$150.00"
	Due    time.Time // the installment's date
	Link   string    // a payment link; empty when none could be made
}

// Template names the template.
func (Reminder) Template() string { return "reminder.v1" }
