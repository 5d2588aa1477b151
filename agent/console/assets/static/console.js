// Parley console: sign-in, actions and live updates. A websocket notice is
// only a wake-up; the page then refetches the data over the JSON API.
(function () {
  "use strict";
  var body = document.body;
  var page = body.dataset.page;
  var me = body.dataset.user;

  function csrf() {
    var m = document.querySelector('meta[name="csrf-token"]');
    return m ? m.content : "";
  }

  function api(method, path, payload) {
    var opts = { method: method, credentials: "same-origin", headers: { "Accept": "application/json" } };
    if (method !== "GET") {
      opts.headers["X-CSRF-Token"] = csrf();
      opts.headers["Content-Type"] = "application/json";
      opts.body = JSON.stringify(payload || {});
    }
    return fetch(path, opts).then(function (r) {
      if (r.status === 401 && page !== "login") {
        location.href = "/console/login?next=" + encodeURIComponent(location.pathname + location.search);
      }
      return r.text().then(function (t) {
        var data = null;
        try { data = t ? JSON.parse(t) : null; } catch (e) { data = null; }
        return { status: r.status, data: data };
      });
    });
  }

  // el builds an element; strings become text nodes, never HTML.
  function el(tag, attrs) {
    var e = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) {
      if (k === "class") { e.className = attrs[k]; } else { e.setAttribute(k, attrs[k]); }
    });
    for (var i = 2; i < arguments.length; i++) {
      var c = arguments[i];
      if (c === null || c === undefined || c === "") { continue; }
      e.appendChild(typeof c === "string" || typeof c === "number" ? document.createTextNode(String(c)) : c);
    }
    return e;
  }

  function replace(id, node) {
    var old = document.getElementById(id);
    if (!old) { return; }
    node.id = id;
    // An unchanged part keeps its nodes, so a button is not swapped out
    // from under a supervisor's pointer by a refresh that changed nothing.
    if (old.outerHTML === node.outerHTML) { return; }
    old.replaceWith(node);
  }

  // borrowerTZ is the open conversation's borrower's time zone, when known.
  var borrowerTZ = "";

  // when shows a time in the supervisor's own time zone and, on a
  // conversation, the borrower's local time beside it.
  function when(s) {
    if (!s || s.indexOf("0001-") === 0) { return ""; }
    var d = new Date(s);
    var mine = clock(d, "");
    return borrowerTZ ? mine + " (borrower " + clock(d, borrowerTZ) + ")" : mine;
  }

  function clock(d, tz) {
    var o = { month: "short", day: "numeric", hour: "numeric", minute: "2-digit", timeZoneName: "short" };
    if (tz) { o.timeZone = tz; }
    try { return new Intl.DateTimeFormat("en-US", o).format(d); } catch (e) { return d.toISOString(); }
  }

  // localTimes rewrites the server's UTC times in the supervisor's own.
  function localTimes() {
    document.querySelectorAll("time[datetime]").forEach(function (t) {
      var v = when(t.getAttribute("datetime"));
      if (v) { t.textContent = v; }
    });
  }

  // author names who wrote a message: the team member by name, not role.
  function author(m) {
    switch (m.author) {
      case "borrower": return "Borrower";
      case "agent": return "AI assistant";
      case "supervisor": return m.author_name ? displayName(m.author_name) + " (team)" : "Team member";
      case "system": return "Notice" + (m.author_name ? " (" + displayName(m.author_name) + ")" : "");
    }
    return m.author;
  }

  // borrowerTime says when s is where the borrower is: "8:00 am the
  // borrower's time, Tuesday".
  function borrowerTime(s) {
    var d = new Date(s), opts = { hour: "numeric", minute: "2-digit", weekday: "long", hour12: true };
    var tz = borrowerTZ;
    try { new Intl.DateTimeFormat("en-US", { timeZone: tz || "UTC" }); } catch (e) { tz = ""; }
    opts.timeZone = tz || "UTC";
    var parts = {};
    new Intl.DateTimeFormat("en-US", opts).formatToParts(d).forEach(function (p) { parts[p.type] = p.value; });
    var where = tz ? "the borrower's time" : "UTC (the borrower's time zone is unknown)";
    return parts.hour + ":" + parts.minute + " " + (parts.dayPeriod || "").toLowerCase() + " " + where + ", " + parts.weekday;
  }

  function owner(c) { return (!c.owner || c.owner === "ai") ? "AI" : c.owner; }

  function money(m) { return m ? (m.minor / 100).toFixed(2) + " " + m.currency : ""; }

  function say(id, text) {
    var n = document.getElementById(id);
    if (n) { n.textContent = text; }
  }

  // Sign in and out.
  var logout = document.getElementById("logout");
  if (logout) {
    logout.addEventListener("click", function () {
      api("POST", "/api/logout").then(function () { location.href = "/console/login"; });
    });
  }
  var loginForm = document.getElementById("login-form");
  if (loginForm) {
    loginForm.addEventListener("submit", function (ev) {
      ev.preventDefault();
      say("login-error", "");
      api("POST", "/api/login", { name: loginForm.name.value, password: loginForm.password.value }).then(function (r) {
        if (r.status === 200) { location.href = loginForm.dataset.next || "/console/"; return; }
        say("login-error", (r.data && r.data.error) || "Sign-in failed.");
        loginForm.password.value = "";
        loginForm.password.focus();
      });
    });
    document.getElementById("name").focus();
  }

  // Conversation rows, as the server renders them.
  function rows(list) {
    var tb = el("tbody");
    if (!list || list.length === 0) {
      tb.appendChild(el("tr", {}, el("td", { colspan: "7", class: "empty" }, "No conversations.")));
      return tb;
    }
    list.forEach(function (c) {
      var flags = el("td");
      if (c.blocked_drafts) { flags.appendChild(el("span", { class: "flag flag-blocked" }, c.blocked_drafts + " blocked")); flags.appendChild(document.createTextNode(" ")); }
      if (c.handoff_pending || c.state === "handoff") { flags.appendChild(el("span", { class: "flag flag-handoff" }, "waiting for a human")); }
      tb.appendChild(el("tr", {},
        el("td", {}, el("a", { href: "/console/conversations/" + encodeURIComponent(c.id) }, c.borrower_name || c.account_id)),
        el("td", {}, c.channel), el("td", {}, c.state), el("td", {}, owner(c)),
        el("td", { class: "last" }, c.last_message), flags,
        el("td", {}, el("time", { datetime: c.last_message_at }, when(c.last_message_at)))));
    });
    return tb;
  }

  function refreshList() {
    return api("GET", "/api/conversations" + location.search).then(function (r) {
      if (r.status === 200) { replace("rows", rows(r.data)); }
    });
  }

  var canAct = body.dataset.canAct === "true";

  // The waiting queue, most urgent first, as the server renders it.
  function queueRows(items) {
    var tb = el("tbody");
    if (!items.length) {
      tb.appendChild(el("tr", {}, el("td", { colspan: canAct ? "7" : "6", class: "empty" }, "No conversations.")));
      return tb;
    }
    items.forEach(function (c) {
      var why = el("td");
      if (c.urgent) { why.append(el("span", { class: "flag flag-urgent" }, "urgent"), " "); }
      why.appendChild(el("span", { class: "reason" }, c.reason));
      var tr = el("tr", { class: c.urgent ? "urgent" : "", "data-id": c.id },
        el("td", {}, el("a", { href: "/console/conversations/" + encodeURIComponent(c.id) }, c.borrower_name || c.account_id)),
        why, el("td", {}, el("time", { datetime: iso(c.waiting_since) }, when(c.waiting_since))),
        el("td", {}, c.channel), el("td", {}, owner(c)), el("td", { class: "assignee" }, c.assignee || ""));
      if (canAct) {
        var acts = el("td", { class: "queue-actions" });
        if (c.assignee !== me) { acts.append(el("button", { type: "button", class: "claim", "data-id": c.id }, "Claim"), " "); }
        acts.append(el("label", {}, el("span", { class: "sr-only" }, "Assign to"),
          el("input", { class: "assign-to", name: "assign-to", placeholder: "user name", size: "10", "data-id": c.id })),
          " ", el("button", { type: "button", class: "assign", "data-id": c.id }, "Assign"));
        tr.appendChild(acts);
      }
      tb.appendChild(tr);
    });
    return tb;
  }

  // alertUrgent puts the urgent count in the title and a banner, and
  // sounds a short tone when it grows.
  var urgentSeen = -1;
  function alertUrgent(items) {
    var n = items.filter(function (c) { return c.urgent; }).length;
    document.title = (n ? "(" + n + " urgent) " : "") + "Queues · Parley console";
    var box = document.getElementById("urgent-alert");
    if (box) {
      box.hidden = !n;
      box.textContent = n ? n + " urgent conversation" + (n > 1 ? "s" : "") + " waiting" : "";
    }
    if (urgentSeen >= 0 && n > urgentSeen) { tone(); }
    urgentSeen = n;
  }

  function tone() {
    try {
      var Ctx = window.AudioContext || window.webkitAudioContext;
      if (!Ctx) { return; }
      var ac = new Ctx(), o = ac.createOscillator(), g = ac.createGain();
      o.frequency.value = 880;
      g.gain.value = 0.1;
      o.connect(g);
      g.connect(ac.destination);
      o.start();
      o.stop(ac.currentTime + 0.3);
    } catch (e) { /* no sound here: the title and banner still say it */ }
  }

  function iso(s) {
    if (!s || s.indexOf("0001-") === 0) { return ""; }
    return new Date(s).toISOString().replace(/\.\d+Z$/, "Z");
  }

  function refreshQueues() {
    return api("GET", "/api/queues" + location.search).then(function (r) {
      if (r.status !== 200) { return; }
      replace("q-handoff-rows", queueRows(r.data.handoff));
      alertUrgent(r.data.handoff);
      replace("q-blocked-rows", rows(r.data.blocked));
      var tb = el("tbody");
      r.data.dead.forEach(function (it) {
        tb.appendChild(el("tr", {},
          el("td", {}, el("a", { href: "/console/conversations/" + encodeURIComponent(it.conversation_id) }, it.conversation_id)),
          el("td", {}, it.channel), el("td", {}, it.attempts), el("td", {}, it.last_error || ""), el("td", {}, el("time", { datetime: it.updated_at }, when(it.updated_at)))));
      });
      if (!r.data.dead.length) { tb.appendChild(el("tr", {}, el("td", { colspan: "5", class: "empty" }, "None."))); }
      replace("q-dead-rows", tb);
    });
  }

  // The guard's decision, inline.
  function decision(d) {
    if (!d) { return null; }
    var box = el("div", { class: "guard guard-" + d.decision }, el("span", { class: "badge" }, "guard: " + d.decision));
    if (d.error) { box.appendChild(el("span", { class: "err" }, " error: " + d.error)); }
    if (d.send_at) { box.appendChild(el("span", {}, " send at " + when(d.send_at))); }
    if (d.violations && d.violations.length) {
      var ul = el("ul", { class: "violations" });
      d.violations.forEach(function (v) {
        // A missing notice is not the writer's to type: the guard adds it
        // when the message goes (a revision).
        var what = v.category === "disclosure_missing" ? " notice added by the guard when sent: " + v.detail : " " + v.category + ": " + v.detail;
        ul.appendChild(el("li", {}, el("code", {}, v.rule), what + " ", v.citation ? el("cite", {}, v.citation) : null));
      });
      box.appendChild(ul);
    }
    return box;
  }

  // dismissals are the dismissed drafts' events, by message id.
  function dismissals(evs) {
    var out = {};
    evs.forEach(function (e) {
      var id = (e.data || {}).message_id;
      if (e.kind === "draft_dismissed" && id && !out[id]) { out[id] = e; }
    });
    return out;
  }

  function transcript(msgs, evs) {
    var gone = dismissals(evs || []);
    var ol = el("ol", { class: "transcript" });
    if (!msgs.length) { ol.appendChild(el("li", { class: "empty" }, "No messages yet.")); }
    msgs.forEach(function (m) {
      var meta = el("div", { class: "meta" }, el("strong", {}, author(m)),
        " · " + m.channel + " · ", el("time", { datetime: m.created_at }, when(m.created_at)), " · " + m.status,
        m.template_version ? " · " : "", m.template_version ? el("code", {}, m.template_version) : null, m.model ? " · " + m.model : "");
      var text = (m.status === "blocked" || m.status === "dropped")
        ? el("p", { class: "text" }, el("del", {}, m.text), " ", el("span", { class: "note" }, "not sent (" + m.status + ")"))
        : el("p", { class: "text" }, m.text);
      if (m.status === "deferred" && m.send_at) {
        text.appendChild(el("span", { class: "note deferred" }, " waiting: sends at " + borrowerTime(m.send_at) + " "));
        if (m.author === "supervisor") {
          text.appendChild(el("button", { type: "button", class: "cancel-deferred", "data-id": m.id }, "Cancel"));
          text.appendChild(el("button", { type: "button", class: "edit-deferred", "data-id": m.id, "data-text": m.text }, "Edit"));
        }
      }
      if (m.status === "cancelled") {
        text.firstChild && text.replaceChild(el("del", {}, m.text), text.firstChild);
        text.appendChild(el("span", { class: "note" }, " cancelled: never sent"));
      }
      // channels/sms.DryRunSIDPrefix: no Twilio credentials, so the text only shows here.
      if (m.provider_id && m.provider_id.indexOf("dry-run-") === 0) {
        text.appendChild(el("span", { class: "note dry-run" }, " dry run: not sent to the phone (no Twilio credentials)"));
      }
      var dismiss = null;
      if (m.status === "blocked") {
        var e = gone[m.id];
        if (e) {
          dismiss = el("p", { class: "dismissed" }, "Dismissed by " + displayName(e.actor) + " at ", el("time", { datetime: e.at }, when(e.at)));
        } else if (canAct) {
          dismiss = el("p", {}, el("button", { type: "button", class: "dismiss-draft", "data-id": m.id }, "Dismiss"));
        }
      }
      ol.appendChild(el("li", { class: "msg msg-" + m.author + " status-" + m.status, "data-id": m.id }, meta, text, dismiss, decision(m.guard)));
    });
    return ol;
  }

  function events(evs) {
    var ol = el("ol", { class: "events" });
    if (!evs.length) { ol.appendChild(el("li", { class: "empty" }, "No events yet.")); }
    evs.forEach(function (e) {
      var data = Object.keys(e.data || {}).sort().map(function (k) { return k + "=" + e.data[k]; }).join(", ");
      ol.appendChild(el("li", {}, el("time", { datetime: e.at }, when(e.at)), " ", el("strong", {}, e.kind), e.actor ? " by " + (e.actor === "ai" ? "the AI" : displayName(e.actor)) : "", data ? " " : "", data ? el("span", { class: "data" }, data) : null));
    });
    return ol;
  }

  // Internal notes, as the server renders them.
  function notes(evs) {
    var ol = el("ol", { class: "notes" });
    var ns = evs.filter(function (e) { return e.kind === "note_added"; });
    if (!ns.length) { ol.appendChild(el("li", { class: "empty" }, "No notes.")); }
    ns.forEach(function (e) {
      ol.appendChild(el("li", {}, el("strong", {}, displayName(e.actor)), " · ", el("time", { datetime: e.at }, when(e.at)), el("p", { class: "note-text" }, (e.data || {}).text || "")));
    });
    return ol;
  }

  // displayName is agent.DisplayName: "sam.lee" is "Sam Lee".
  function displayName(u) {
    var words = (u || "").split(/[._\-\s]+/).filter(Boolean).map(function (w) { return w.charAt(0).toUpperCase() + w.slice(1); });
    return words.length ? words.join(" ") : (u || "");
  }

  function list(items, fn, none) {
    var ul = el("ul");
    if (!items.length) { ul.appendChild(el("li", { class: "empty" }, none)); }
    items.forEach(function (x) { ul.appendChild(el("li", {}, fn(x))); });
    return ul;
  }

  function account(p) {
    var a = p.account || {};
    var f = a.flags || {};
    var flags = ["disputed", "cease", "attorney", "bankruptcy", "time_barred", "legal_action_approved"].filter(function (k) { return f[k]; }).join(" ");
    var b = a.borrower || {};
    var dl = el("dl", {},
      el("dt", {}, "Account"), el("dd", {}, a.id), el("dt", {}, "Borrower"), el("dd", {}, b.name),
      el("dt", {}, "Creditor"), el("dd", {}, a.creditor + (a.agency ? " (collected by " + a.agency + ")" : "")),
      el("dt", {}, "Jurisdiction"), el("dd", {}, (b.jurisdiction || "") + " " + (b.timezone || "")),
      el("dt", {}, "Days past due"), el("dd", {}, a.days_past_due), el("dt", {}, "Flags"), el("dd", {}, flags));
    return el("div", {}, dl,
      el("p", {}, el("strong", {}, "Balance:"), " " + p.balance),
      el("h3", {}, "Plans"), list(p.plans, function (x) { return x.kind + " " + x.status + ": " + money(x.total) + " in " + x.installments.length + " payment(s), " + x.frequency; }, "None."),
      el("h3", {}, "Consents"), list(p.consents, function (x) { return x.channel + ": " + (x.opted_out ? "opted out" : "may contact") + (x.source ? " (" + x.source + ")" : ""); }, "None recorded."),
      el("h3", {}, "Disputes"), list(p.disputes, function (x) { return (x.open ? "open" : "closed") + ": " + x.reason + " " + when(x.created_at); }, "None."),
      el("h3", {}, "Contact attempts"), list(p.contact_attempts, function (x) { return when(x.at) + " " + x.channel + " " + x.outcome + ", by " + x.initiated_by; }, "None."));
  }

  var convBox = document.querySelector("[data-conversation]");
  var convID = convBox ? convBox.dataset.conversation : "";

  function showOwner(c) {
    var facts = document.getElementById("conv-facts");
    if (facts) {
      facts.textContent = "";
      facts.append(c.channel + " · state ", el("strong", {}, c.state), " · owner ", el("strong", {}, owner(c)), c.verified ? " · verified" : "");
    }
    var ai = !c.owner || c.owner === "ai";
    var mine = c.owner === me;
    var t = document.getElementById("takeover"), h = document.getElementById("handback"), s = document.getElementById("send-form");
    if (t) { t.hidden = !ai; }
    if (h) { h.hidden = !mine; }
    var kd = document.getElementById("keep-deferred-label");
    if (kd) { kd.hidden = !mine; }
    if (s) { s.hidden = !mine; }
  }

  function refreshConversation() {
    return api("GET", "/api/conversations/" + encodeURIComponent(convID)).then(function (r) {
      if (r.status !== 200) { return; }
      var acct = r.data.account && r.data.account.account;
      borrowerTZ = (acct && acct.borrower && acct.borrower.timezone) || "";
      showOwner(r.data.conversation);
      replace("transcript", transcript(r.data.transcript, r.data.events));
      replace("events", events(r.data.events));
      replace("notes", notes(r.data.events));
      replace("account", account(r.data.account));
    });
  }

  // typing reports whether the focus is in a text box.
  function typing() {
    var a = document.activeElement;
    return !!a && (a.tagName === "TEXTAREA" || a.tagName === "INPUT" && a.type !== "button" && a.type !== "submit");
  }

  function ownerAction(path, done) {
    say("action-status", "");
    api("POST", "/api/conversations/" + encodeURIComponent(convID) + "/" + path).then(function (r) {
      if (r.status === 200) {
        showOwner(r.data);
        say("action-status", done);
        // Focus moves on from the button pressed, never out of a box the
        // supervisor has started typing in meanwhile (a note, say).
        var next = document.getElementById(path === "takeover" ? "send-text" : "takeover");
        if (next && !typing()) { next.focus(); }
      } else {
        say("action-status", (r.data && r.data.error) || "That did not work.");
      }
      refreshConversation();
    });
  }

  if (page === "conversation") {
    var tk = document.getElementById("takeover"), hb = document.getElementById("handback");
    if (tk) { tk.addEventListener("click", function () { ownerAction("takeover", "You own this conversation: the AI sends nothing until you hand it back."); }); }
    if (hb) {
      hb.addEventListener("click", function () {
        var keep = document.getElementById("keep-deferred");
        var path = (keep && keep.checked) ? "handback?keep_deferred=1" : "handback";
        ownerAction(path, (keep && keep.checked)
          ? "Handed back: the AI resumes; your waiting messages still go at their time."
          : "Handed back: the AI resumes with the whole transcript; your waiting messages were cancelled.");
      });
    }
    // Cancel or edit a waiting message: edit cancels it and puts its text
    // back in the box.
    document.addEventListener("click", function (ev) {
      var b = ev.target;
      if (!b.classList || !(b.classList.contains("cancel-deferred") || b.classList.contains("edit-deferred"))) { return; }
      var edit = b.classList.contains("edit-deferred");
      api("POST", "/api/conversations/" + encodeURIComponent(convID) + "/messages/" + encodeURIComponent(b.dataset.id) + "/cancel").then(function (r) {
        say("send-error", r.status === 200 ? (edit ? "Cancelled; edit it and send again." : "Cancelled: it will not be sent.") : ((r.data && r.data.error) || "Could not cancel."));
        if (r.status === 200 && edit && sf) { sf.text.value = b.dataset.text; sf.text.focus(); }
        refreshConversation();
      });
    });
    // Dismiss a blocked draft: it stays in the transcript, no longer flagged.
    document.addEventListener("click", function (ev) {
      var b = ev.target;
      if (!b.classList || !b.classList.contains("dismiss-draft")) { return; }
      api("POST", "/api/conversations/" + encodeURIComponent(convID) + "/messages/" + encodeURIComponent(b.dataset.id) + "/dismiss").then(function (r) {
        say("action-status", r.status === 200 ? "Draft dismissed: it stays in the transcript, no longer flagged." : ((r.data && r.data.error) || "Could not dismiss."));
        refreshConversation();
      });
    });
    var nf = document.getElementById("note-form");
    if (nf) {
      nf.addEventListener("submit", function (ev) {
        ev.preventDefault();
        say("note-error", "");
        api("POST", "/api/conversations/" + encodeURIComponent(convID) + "/notes", { text: nf.text.value }).then(function (r) {
          if (r.status === 201) { nf.text.value = ""; } else { say("note-error", (r.data && r.data.error) || "The note was not saved."); }
          refreshConversation();
        });
      });
    }
    var sf = document.getElementById("send-form");
    // Canned replies: only those the guard passed are offered; choosing
    // one puts it in the box to read, change and send.
    var canned = document.getElementById("canned");
    if (canned) {
      api("GET", "/api/conversations/" + encodeURIComponent(convID) + "/canned").then(function (r) {
        if (r.status !== 200 || !r.data) { return; }
        r.data.forEach(function (c) { canned.appendChild(el("option", { value: c.text, "data-name": c.name }, c.text)); });
        canned.dataset.ready = "true";
      });
      canned.addEventListener("change", function () {
        if (canned.value && sf) { sf.text.value = canned.value; sf.text.focus(); }
        canned.value = "";
      });
    }
    if (sf) {
      sf.addEventListener("submit", function (ev) {
        ev.preventDefault();
        var box = document.getElementById("send-error");
        box.textContent = "";
        var text = sf.text.value;
        api("POST", "/api/conversations/" + encodeURIComponent(convID) + "/messages", { text: text }).then(function (r) {
          if (r.status === 201 || r.status === 202) {
            sf.text.value = "";
            if (r.status === 202) {
              box.textContent = "Waiting for contact hours: sends at " + borrowerTime(r.data.decision.send_at) +
                ". The borrower has not written in the last 30 minutes, so this is not a reply. Cancel or edit it in the transcript.";
            }
          } else if (r.status === 422) {
            box.append(el("p", {}, "Not sent: the guard blocked this message."), decision(r.data.decision));
          } else if (r.status === 409 && r.data && r.data.confirm_needed) {
            // The judge could not read it: the supervisor may send it as it is.
            var again = el("button", { type: "button", class: "confirm-send" }, "Send anyway");
            again.addEventListener("click", function () {
              box.textContent = "";
              api("POST", "/api/conversations/" + encodeURIComponent(convID) + "/messages", { text: text, confirm: true }).then(function (r2) {
                if (r2.status === 201 || r2.status === 202) { sf.text.value = ""; }
                else if (r2.status === 422) { box.append(el("p", {}, "Not sent: the guard blocked this message."), decision(r2.data.decision)); }
                else { box.textContent = (r2.data && r2.data.error) || "Not sent."; }
                refreshConversation();
              });
            });
            box.append(el("p", {}, "Not sent yet: the second reading of this message is unavailable. Read it again, then send it as it is or change it."), again);
          } else {
            box.textContent = (r.data && r.data.error) || "Not sent.";
          }
          refreshConversation();
        });
      });
    }
  }

  if (page === "queues") {
    urgentSeen = document.querySelectorAll("#q-handoff-rows tr.urgent").length;
    // Claim, or assign to the user named in the row's box.
    document.addEventListener("click", function (ev) {
      var b = ev.target;
      if (!b.classList || !(b.classList.contains("claim") || b.classList.contains("assign"))) { return; }
      var id = b.dataset.id, req;
      if (b.classList.contains("claim")) {
        req = api("POST", "/api/conversations/" + encodeURIComponent(id) + "/claim");
      } else {
        var box = document.querySelector('input.assign-to[data-id="' + CSS.escape(id) + '"]');
        req = api("POST", "/api/conversations/" + encodeURIComponent(id) + "/assign", { to: box ? box.value.trim() : "" });
      }
      req.then(function (r) {
        say("queue-status", r.status === 200 ? (r.data.assignee ? "Assigned to " + r.data.assignee + "." : "Unassigned.") : ((r.data && r.data.error) || "That did not work."));
        refreshQueues();
      });
    });
  }

  var of = document.getElementById("outreach-form");
  if (of) {
    of.addEventListener("submit", function (ev) {
      ev.preventDefault();
      say("outreach-result", "");
      api("POST", "/api/outreach", { account_id: of.account_id.value, channel: of.channel.value }).then(function (r) {
        var d = r.data || {};
        var text = d.outcome ? "Outreach " + d.outcome + (d.send_at ? " until " + when(d.send_at) : "") + (d.detail ? ": " + d.detail : ".") : (d.error || "Outreach failed.");
        if (d.outcome === "blocked" && !d.detail) { text = "Outreach blocked: the guard refused the opening message; the conversation shows its reasons."; }
        say("outreach-result", text);
        var box = document.getElementById("outreach-result");
        if (box && d.conversation_id) {
          box.append(" ", el("a", { href: "/console/conversations/" + encodeURIComponent(d.conversation_id) }, "Open the conversation"));
        }
        refreshList();
      });
    });
  }

  // The borrower typing on chat: shown for a few seconds after each
  // notice, and gone when their message arrives.
  var typingTimer = null;
  function borrowerTyping(on) {
    clearTimeout(typingTimer);
    say("borrower-typing", on ? "Borrower is typing…" : "");
    if (on) { typingTimer = setTimeout(function () { borrowerTyping(false); }, 6000); }
  }

  // Live updates: debounce bursts of notices into one refetch.
  var pending = null;
  function wake(n) {
    if (page === "conversation" && n && n.conversation_id !== convID) { return; }
    if (n && n.kind === "typing") {
      if (page === "conversation") { borrowerTyping(true); }
      return;
    }
    if (page === "conversation" && n && n.kind === "message") { borrowerTyping(false); }
    if (pending) { return; }
    pending = setTimeout(function () {
      pending = null;
      if (page === "list") { refreshList(); }
      if (page === "queues") { refreshQueues(); }
      if (page === "conversation") { refreshConversation(); }
    }, 100);
  }

  var delay = 500;
  function connect() {
    var ws = new WebSocket((location.protocol === "https:" ? "wss://" : "ws://") + location.host + "/console/ws");
    ws.onopen = function () {
      say("live-status", "Live");
      body.dataset.live = "true";
      if (delay > 500) { wake(null); } // catch up on what the gap missed
      delay = 500;
    };
    ws.onmessage = function (ev) {
      var n;
      try { n = JSON.parse(ev.data); } catch (e) { return; }
      if (n.type === "notice") { wake(n); }
    };
    ws.onclose = function () {
      body.dataset.live = "false";
      say("live-status", "Reconnecting…");
      setTimeout(connect, delay);
      delay = Math.min(delay * 2, 15000);
    };
  }
  if (page === "conversation") {
    // The borrower's time zone is on the page: localise at once, before the first refresh.
    var tzNode = document.querySelector("[data-borrower-tz]");
    borrowerTZ = tzNode ? tzNode.dataset.borrowerTz : "";
  }
  if (page !== "print") { localTimes(); }
  if (page === "list" || page === "queues" || page === "conversation") { connect(); }
})();
