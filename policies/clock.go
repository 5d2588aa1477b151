package policies

import (
	"sync"
	"time"
)

// zoneCache keeps the time zones the guard has seen, so that a check loads a
// zone's rules once and not on every message. It is bounded: names from
// outside cannot grow it without limit.
type zoneCache struct {
	mu    sync.RWMutex
	zones map[string]*time.Location // nil value: a name that is no zone
}

const maxCachedZones = 1024

func (c *zoneCache) get(name string) *time.Location {
	c.mu.RLock()
	loc, ok := c.zones[name]
	c.mu.RUnlock()
	if ok {
		return loc
	}
	loc, err := time.LoadLocation(name)
	if err != nil || name == "Local" {
		loc = nil
	}
	c.mu.Lock()
	if len(c.zones) < maxCachedZones {
		c.zones[name] = loc
	}
	c.mu.Unlock()
	return loc
}

// zoneSet is the zones a message's time is judged in: the recipient's when
// known, else every candidate of the jurisdiction, plus the fixed ones.
type zoneSet struct {
	buf   [12]*time.Location
	zones []*time.Location
}

func (z *zoneSet) set(recipient *time.Location, p *profile) {
	z.zones = z.buf[:0]
	if recipient != nil {
		z.zones = append(z.zones, recipient)
	} else {
		z.zones = append(z.zones, p.zones...)
	}
	z.zones = append(z.zones, p.fixed...)
}

// inWindow reports whether t is inside [start, end) local time in every zone.
func inWindow(t time.Time, zones []*time.Location, start, end int) bool {
	for _, z := range zones {
		l := t.In(z)
		m := l.Hour()*60 + l.Minute()
		if m < start || m >= end {
			return false
		}
	}
	return true
}

// nextAllowed returns the first instant at or after t that is inside the
// window in every zone, or false when there is none within eight days.
func nextAllowed(t time.Time, zones []*time.Location, start, end int) (time.Time, bool) {
	return nextAllowedDay(t, zones, start, end, nil)
}

// dayAfter returns local midnight days calendar days after t's date, the
// latest such instant over zones (the strictest reading when the zone is
// not known).
func dayAfter(t time.Time, zones []*time.Location, days int) time.Time {
	var out time.Time
	for _, z := range zones {
		l := t.In(z)
		c := time.Date(l.Year(), l.Month(), l.Day()+days, 0, 0, 0, 0, z)
		if c.After(out) {
			out = c
		}
	}
	return out
}
