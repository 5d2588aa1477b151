package agent

import (
	"fmt"
	"strconv"
	"strings"
)

// Money is an amount in integer minor units (cents, pence, fen, paise) of
// one currency. It is never a float.
type Money struct {
	Minor    int64  `json:"minor"`
	Currency string `json:"currency"`
}

// ParseMoney reads a decimal string such as "1200", "1200.5" or "1,200.00"
// into minor units of currency. Every supported currency has two decimals.
func ParseMoney(s, currency string) (Money, error) {
	t := strings.ReplaceAll(strings.TrimSpace(s), ",", "")
	if t == "" {
		return Money{}, fmt.Errorf("%w: empty", ErrBadAmount)
	}
	neg := strings.HasPrefix(t, "-")
	t = strings.TrimPrefix(t, "-")
	whole, frac, hasFrac := strings.Cut(t, ".")
	if whole == "" {
		whole = "0"
	}
	if hasFrac && (len(frac) == 0 || len(frac) > 2) {
		return Money{}, fmt.Errorf("%w: %q", ErrBadAmount, s)
	}
	for len(frac) < 2 {
		frac += "0"
	}
	w, err := strconv.ParseInt(whole, 10, 64)
	if err != nil || w < 0 {
		return Money{}, fmt.Errorf("%w: %q", ErrBadAmount, s)
	}
	f, err := strconv.ParseInt(frac, 10, 64)
	if err != nil || f < 0 {
		return Money{}, fmt.Errorf("%w: %q", ErrBadAmount, s)
	}
	if w > (1<<62)/100 {
		return Money{}, fmt.Errorf("%w: %q too large", ErrBadAmount, s)
	}
	m := w*100 + f
	if neg {
		m = -m
	}
	return Money{Minor: m, Currency: strings.ToUpper(currency)}, nil
}

// MustMoney is ParseMoney for constants in code and tests; it panics on a bad string.
func MustMoney(s, currency string) Money {
	m, err := ParseMoney(s, currency)
	if err != nil {
		panic(err)
	}
	return m
}

// Decimal renders the amount as a plain decimal string, "1200.00".
func (m Money) Decimal() string {
	sign := ""
	v := m.Minor
	if v < 0 {
		sign, v = "-", -v
	}
	return fmt.Sprintf("%s%d.%02d", sign, v/100, v%100)
}

// Symbol is the currency's sign as borrowers see it.
func (m Money) Symbol() string {
	switch m.Currency {
	case "USD":
		return "$"
	case "GBP":
		return "£"
	case "CNY":
		return "¥"
	case "INR":
		return "₹"
	case "EUR":
		return "€"
	}
	return m.Currency + " "
}

// String renders the amount with its symbol and thousands separators: "$1,200.00".
func (m Money) String() string {
	v := m.Minor
	sign := ""
	if v < 0 {
		sign, v = "-", -v
	}
	whole := strconv.FormatInt(v/100, 10)
	var b strings.Builder
	for i, r := range whole {
		if i > 0 && (len(whole)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(r)
	}
	return fmt.Sprintf("%s%s%s.%02d", sign, m.Symbol(), b.String(), v%100)
}

// Add returns m+o; both must share a currency.
func (m Money) Add(o Money) Money { return Money{Minor: m.Minor + o.Minor, Currency: m.Currency} }

// Sub returns m-o; both must share a currency.
func (m Money) Sub(o Money) Money { return Money{Minor: m.Minor - o.Minor, Currency: m.Currency} }

// IsZero reports whether the amount is zero.
func (m Money) IsZero() bool { return m.Minor == 0 }
