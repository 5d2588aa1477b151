// Package console is the supervisor web console and its JSON API.
//
// # What it serves
//
// A Handler answers /console/ (server-rendered pages, embedded static assets
// and a live websocket at /console/ws) and /api/ (JSON). Supervisors and
// admins watch live conversations, take them over, write to borrowers and
// hand them back; QA reads transcripts, guard decisions and audit exports.
//
// # Security
//
// Passwords are hashed with bcrypt. A login starts a server-side session
// kept in the agent.Store under the SHA-256 digest of a random token; the
// plain token lives only in an HttpOnly, SameSite=Strict cookie. Every
// state-changing route checks that the request is same-origin and carries
// the session's CSRF token in the X-CSRF-Token header. Failed logins count
// toward a limit per name and per client address.
//
// # Live updates
//
// Each websocket subscribes to the agent.Bus and forwards notices to the
// browser, which refetches the changed data over the JSON API: a notice is a
// wake-up, the store is the truth. On PostgreSQL the bus crosses replicas.
//
// # What it must not do
//
// The console never sends a message itself: takeover, hand-back, supervisor
// messages and outreach go through the orchestrator, so the guard sees every
// word. POST /api/outreach takes {"account_id", "channel"} and an optional
// "at": a time ahead schedules the outreach as a job (Config.Reach) and
// answers 202 with outcome "scheduled"; the guard decides when it runs. It imports no concrete adapter (only agent, policies and prompts),
// and it never logs passwords, tokens or message text.
package console
