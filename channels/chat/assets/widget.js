/*
 * Parley chat widget. Plain JavaScript, no build step, no external fetches.
 *
 * Include it with a chat token minted by your application:
 *   <script src="https://parley.example.com/chat/widget.js" data-token="TOKEN"
 *           data-target="#chat" data-lang="en"></script>
 * or mount it yourself:
 *   ParleyChat.mount({target: el, token: "TOKEN", getToken: fn, lang: "zh",
 *                     linkHosts: ["pay.example.com"]});
 * Links in the team's messages are clickable only to the hosts listed in
 * linkHosts (data-link-hosts="pay.example.com,help.example.com").
 * Without a target the widget opens from a button in the corner.
 */
(function () {
  "use strict";

  var script = document.currentScript;
  var base = script && script.src ? script.src : location.href;

  var TEXT = {
    en: {
      title: "Chat with us", open: "Chat", close: "Close chat", placeholder: "Type a message",
      send: "Send", connecting: "Connecting…", connected: "Online", offline: "Offline",
      reconnecting: "Connection lost. Reconnecting in {n} s…", typing: "Typing…", sending: "Sending…",
      you: "You", agent: "Agent", supervisor: "Team member", system: "Notice",
      expired: "This chat session has expired. Please reload the page.",
      rate_limited: "You are sending messages too quickly. Please wait a moment.",
      bad_frame: "That message could not be sent.", busy: "Many messages are waiting. We will send yours again shortly.",
      unavailable: "Your reply is delayed. We will keep trying.", slow: "The connection was too slow and was reset.",
      failed: "Something went wrong. Reconnecting…", empty: "Send a message to start the conversation.",
      messages: "Messages", label: "Your message"
    },
    zh: {
      title: "在线沟通", open: "在线沟通", close: "关闭对话", placeholder: "输入消息",
      send: "发送", connecting: "正在连接…", connected: "在线", offline: "离线",
      reconnecting: "连接已断开，{n} 秒后重新连接…", typing: "对方正在输入…", sending: "发送中…",
      you: "我", agent: "客服", supervisor: "工作人员", system: "通知",
      expired: "聊天会话已过期，请刷新页面。",
      rate_limited: "您发送消息太快了，请稍候再试。",
      bad_frame: "该消息无法发送。", busy: "待处理的消息较多，我们稍后会重新发送您的消息。",
      unavailable: "回复有所延迟，我们会继续尝试。", slow: "连接速度过慢，已重新连接。",
      failed: "出现问题，正在重新连接…", empty: "发送一条消息开始对话。",
      messages: "消息记录", label: "您的消息"
    }
  };

  var CSS = [
    ".parley-chat{--pc-accent:#2563eb;--pc-bg:#fff;--pc-fg:#1f2933;--pc-muted:#52606d;--pc-line:#d9e2ec;",
    "display:flex;flex-direction:column;height:100%;min-height:320px;background:var(--pc-bg);color:var(--pc-fg);",
    "border:1px solid var(--pc-line);border-radius:12px;overflow:hidden;",
    "font:15px/1.45 system-ui,-apple-system,'Segoe UI',Roboto,'PingFang SC','Microsoft YaHei',sans-serif;box-sizing:border-box}",
    ".parley-chat *,.parley-chat *::before,.parley-chat *::after{box-sizing:border-box}",
    ".parley-chat .pc-head{display:flex;align-items:center;gap:8px;padding:10px 12px;background:var(--pc-accent);color:#fff}",
    ".parley-chat .pc-title{font-weight:600;flex:1;margin:0;font-size:16px}",
    ".parley-chat .pc-status{font-size:12px;opacity:.9}",
    ".parley-chat .pc-x{background:none;border:0;color:#fff;font-size:22px;line-height:1;min-width:44px;min-height:44px;cursor:pointer}",
    ".parley-chat .pc-log{flex:1;overflow-y:auto;padding:12px;display:flex;flex-direction:column;gap:8px;overscroll-behavior:contain}",
    ".parley-chat .pc-empty{color:var(--pc-muted);text-align:center;margin:auto 0;font-size:14px}",
    ".parley-chat .pc-msg{max-width:85%;padding:8px 12px;border-radius:14px;background:#eef2f7;white-space:pre-wrap;overflow-wrap:anywhere;word-break:break-word}",
    ".parley-chat .pc-msg.pc-own{align-self:flex-end;background:var(--pc-accent);color:#fff}",
    ".parley-chat .pc-msg.pc-supervisor{background:#fef3c7}",
    ".parley-chat .pc-msg.pc-system{align-self:center;background:none;color:var(--pc-muted);font-size:13px;text-align:center}",
    ".parley-chat .pc-meta{display:block;font-size:11px;opacity:.75;margin-top:2px}",
    ".parley-chat a.pc-link{color:inherit;text-decoration:underline;font-weight:600;white-space:nowrap}",
    ".parley-chat a.pc-link:focus,.parley-chat button:focus-visible{outline:2px solid var(--pc-accent);outline-offset:2px}",
    ".parley-chat .pc-typing{min-height:20px;padding:0 12px;color:var(--pc-muted);font-size:13px}",
    ".parley-chat .pc-alert{margin:0 12px 6px;padding:6px 10px;border-radius:8px;background:#fde8e8;color:#8a1c1c;font-size:13px}",
    ".parley-chat .pc-alert[hidden]{display:none}",
    ".parley-chat .pc-sr{position:absolute;width:1px;height:1px;margin:-1px;padding:0;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap;border:0}",
    ".parley-chat form{display:flex;gap:8px;padding:8px;border-top:1px solid var(--pc-line);margin:0}",
    ".parley-chat textarea{flex:1;min-width:0;resize:none;font:inherit;font-size:16px;padding:10px;border:1px solid var(--pc-line);border-radius:10px;max-height:120px;min-height:44px}",
    ".parley-chat textarea:focus{outline:2px solid var(--pc-accent);outline-offset:0;border-color:transparent}",
    ".parley-chat button.pc-send{min-width:64px;min-height:44px;border:0;border-radius:10px;background:var(--pc-accent);color:#fff;font:inherit;font-weight:600;cursor:pointer}",
    ".parley-chat button.pc-send:disabled{opacity:.5;cursor:default}",
    ".parley-launch{position:fixed;right:16px;bottom:16px;z-index:2147483000;min-height:48px;padding:0 20px;border:0;border-radius:24px;",
    "background:#2563eb;color:#fff;font:600 15px system-ui,sans-serif;box-shadow:0 4px 14px rgba(0,0,0,.2);cursor:pointer}",
    ".parley-float{position:fixed;right:16px;bottom:16px;z-index:2147483001;width:370px;height:560px;max-height:calc(100vh - 32px);box-shadow:0 8px 28px rgba(0,0,0,.25)}",
    ".parley-float[hidden]{display:none}",
    "@media (max-width:480px){.parley-float{inset:0;width:auto;height:auto;max-height:none;border-radius:0;border:0}",
    ".parley-chat .pc-msg{max-width:90%}}"
  ].join("");

  function injectStyle() {
    if (document.getElementById("parley-chat-style")) return;
    var s = document.createElement("style");
    s.id = "parley-chat-style";
    s.textContent = CSS;
    (document.head || document.documentElement).appendChild(s);
  }

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text != null) e.textContent = text;
    return e;
  }

  function uuid() {
    var c = window.crypto;
    if (c && typeof c.randomUUID === "function") return c.randomUUID();
    var b = new Uint8Array(16);
    if (c && c.getRandomValues) c.getRandomValues(b);
    else for (var i = 0; i < 16; i++) b[i] = Math.floor(Math.random() * 256);
    b[6] = (b[6] & 15) | 64;
    b[8] = (b[8] & 63) | 128;
    var h = "";
    for (var j = 0; j < 16; j++) {
      h += (b[j] + 256).toString(16).slice(1);
      if (j === 3 || j === 5 || j === 7 || j === 9) h += "-";
    }
    return h;
  }

  // claims reads a token's payload (not its signature: the server checks that).
  function claims(token) {
    try {
      var p = token.split(".")[1].replace(/-/g, "+").replace(/_/g, "/");
      while (p.length % 4) p += "=";
      return JSON.parse(decodeURIComponent(escape(atob(p))));
    } catch (e) {
      return {};
    }
  }

  function wsURL(u) {
    var url = new URL(u || "ws", base);
    if (url.protocol === "http:") url.protocol = "ws:";
    if (url.protocol === "https:") url.protocol = "wss:";
    return url;
  }

  function pickLang(l) {
    l = (l || document.documentElement.lang || navigator.language || "en").toLowerCase();
    return l.indexOf("zh") === 0 ? "zh" : "en";
  }

  function store() {
    try { return window.sessionStorage; } catch (e) { return null; }
  }

  // hostList reads allowed link hosts from an array or a comma-separated string.
  function hostList(v) {
    var list = Array.isArray(v) ? v : String(v || "").split(",");
    return list.map(function (h) { return String(h).trim().toLowerCase(); }).filter(Boolean);
  }

  // shorten shows a link as its host and the start of its path.
  function shorten(u) {
    var rest = u.pathname + u.search;
    if (rest === "/") rest = "";
    return u.hostname + (rest.length > 12 ? rest.slice(0, 8) + "…" : rest);
  }

  var mounted = 0; // numbers each widget's ids on the page

  function mount(opts) {
    opts = opts || {};
    injectStyle();
    var lang = pickLang(opts.lang);
    var t = TEXT[lang];
    var token = opts.token || "";
    var target = typeof opts.target === "string" ? document.querySelector(opts.target) : opts.target;
    var key = "parley-chat:" + (claims(token).sub || "anon");
    var linkHosts = hostList(opts.linkHosts);

    var root = el("section", "parley-chat");
    root.setAttribute("aria-label", t.title);
    var head = el("div", "pc-head");
    var title = el("h2", "pc-title", t.title);
    var status = el("span", "pc-status", t.connecting);
    status.setAttribute("role", "status");
    head.appendChild(title);
    head.appendChild(status);
    var log = el("div", "pc-log");
    log.setAttribute("role", "log");
    log.setAttribute("aria-live", "polite");
    log.setAttribute("aria-label", t.messages);
    log.tabIndex = 0; // scrollable with the keyboard
    var empty = el("p", "pc-empty", t.empty);
    log.appendChild(empty);
    var typing = el("div", "pc-typing");
    typing.setAttribute("aria-live", "polite");
    var alert = el("div", "pc-alert");
    alert.setAttribute("role", "alert");
    alert.hidden = true;
    var form = el("form");
    var input = el("textarea");
    input.id = "parley-chat-input-" + (++mounted);
    var label = el("label", "pc-sr", t.label);
    label.htmlFor = input.id;
    input.rows = 1;
    input.placeholder = t.placeholder;
    input.maxLength = 2000; // escaped as JSON, still under the 16 KB frame limit
    var sendBtn = el("button", "pc-send", t.send);
    sendBtn.type = "submit";
    form.appendChild(label);
    form.appendChild(input);
    form.appendChild(sendBtn);
    root.appendChild(head);
    root.appendChild(log);
    root.appendChild(typing);
    root.appendChild(alert);
    root.appendChild(form);

    if (target) {
      target.appendChild(root);
    } else {
      root.classList.add("parley-float");
      root.hidden = true;
      var launch = el("button", "parley-launch", t.open);
      launch.type = "button";
      var x = el("button", "pc-x", "×");
      x.type = "button";
      x.setAttribute("aria-label", t.close);
      head.appendChild(x);
      launch.setAttribute("aria-expanded", "false");
      launch.setAttribute("aria-controls", root.id = "parley-chat-" + mounted);
      var open = function (yes) {
        root.hidden = !yes;
        launch.hidden = yes;
        launch.setAttribute("aria-expanded", String(yes));
        if (yes) input.focus(); else launch.focus();
      };
      launch.onclick = function () { open(true); };
      x.onclick = function () { open(false); };
      // Escape closes the chat and gives the focus back to the launcher.
      root.addEventListener("keydown", function (ev) {
        if (ev.key === "Escape" && !ev.isComposing) { ev.preventDefault(); open(false); }
      });
      document.body.appendChild(launch);
      document.body.appendChild(root);
    }

    // The transcript survives a reload of the tab, not the tab itself.
    var state = { lastId: "", items: [] };
    var ss = store();
    try { if (ss && ss.getItem(key)) state = JSON.parse(ss.getItem(key)); } catch (e) { /* start afresh */ }
    var seen = {};
    var nodes = {};

    function save() {
      if (!ss) return;
      try {
        state.items = state.items.slice(-200);
        ss.setItem(key, JSON.stringify(state));
      } catch (e) { /* storage full or denied: the server still has it */ }
    }

    function render(item) {
      if (empty.parentNode) empty.parentNode.removeChild(empty);
      var author = item.own ? "own" : item.author;
      var node = el("div", "pc-msg pc-" + author);
      // Only the team's messages get links, and only to allowed hosts.
      if (item.own) node.appendChild(document.createTextNode(item.text));
      else linkify(node, item.text);
      var who = item.own ? t.you : (t[item.author] || t.system);
      var meta = el("span", "pc-meta");
      node.appendChild(meta);
      nodes[item.id || item.clientId] = { node: node, meta: meta, who: who };
      meta.textContent = metaText(item, who);
      var atBottom = log.scrollHeight - log.scrollTop - log.clientHeight < 40;
      log.appendChild(node);
      if (atBottom || item.own) log.scrollTop = log.scrollHeight;
    }

    // linkify appends text to node, with each https link to an allowed host
    // (the payment host, or one the page lists) as a link that opens in a
    // new tab without telling it where it came from, shown shortened.
    function linkify(node, text) {
      var re = /https:\/\/[^\s<>"'“”]+/g, last = 0, m;
      while ((m = re.exec(text)) !== null) {
        var raw = m[0].replace(/[.,;:!?)\]}。，；：！？）]+$/, "");
        var u = null;
        try { u = new URL(raw); } catch (e) { u = null; }
        if (!u || u.protocol !== "https:" || u.username || u.password || linkHosts.indexOf(u.hostname.toLowerCase()) < 0) continue;
        if (m.index > last) node.appendChild(document.createTextNode(text.slice(last, m.index)));
        var a = el("a", "pc-link", shorten(u));
        a.setAttribute("href", u.href);
        a.setAttribute("target", "_blank");
        a.setAttribute("rel", "noopener noreferrer");
        a.setAttribute("title", u.href);
        node.appendChild(a);
        last = m.index + raw.length;
        re.lastIndex = last;
      }
      if (last < text.length) node.appendChild(document.createTextNode(text.slice(last)));
    }

    function metaText(item, who) {
      if (item.own && item.pending) return t.sending;
      var d = item.at ? new Date(item.at) : null;
      var time = d && !isNaN(d) ? d.toLocaleTimeString(lang === "zh" ? "zh-CN" : undefined, { hour: "2-digit", minute: "2-digit" }) : "";
      return who + (time ? " · " + time : "");
    }

    state.items.forEach(function (it) {
      if (it.id) seen[it.id] = true;
      render(it);
    });

    var ws = null, attempt = 0, timer = null, typingTimer = null, stopped = false, typedAt = 0;

    function showAlert(msg) {
      alert.textContent = msg || "";
      alert.hidden = !msg;
    }

    function frame(obj) {
      if (ws && ws.readyState === 1) { ws.send(JSON.stringify(obj)); return true; }
      return false;
    }

    function sendPending() {
      state.items.forEach(function (it) {
        if (it.own && it.pending) frame({ type: "message", text: it.text, client_id: it.clientId });
      });
    }

    function onFrame(f) {
      switch (f.type) {
        case "message":
          if (!f.id || seen[f.id]) return;
          seen[f.id] = true;
          if (f.author === "borrower" && ownSent(f)) return;
          var item = f.author === "borrower"
            ? { own: true, id: f.id, clientId: f.client_id || "", text: f.text || "", at: f.at }
            : { id: f.id, author: f.author, text: f.text || "", at: f.at };
          state.items.push(item);
          state.lastId = f.id;
          if (!item.own) typing.textContent = "";
          render(item);
          save();
          return;
        case "ack":
          state.items.forEach(function (it) {
            if (it.own && it.clientId === f.client_id && it.pending) {
              it.pending = false;
              var n = nodes[it.clientId];
              if (n) n.meta.textContent = metaText(it, n.who);
            }
          });
          save();
          return;
        case "typing":
          typing.textContent = t.typing;
          clearTimeout(typingTimer);
          typingTimer = setTimeout(function () { typing.textContent = ""; }, 15000);
          return;
        case "error":
          showAlert(t[f.code] || f.message || t.failed);
          if (f.code === "busy" || f.code === "unavailable") setTimeout(sendPending, 4000);
          return;
      }
    }

    // ownSent matches the server's copy of the borrower's own message with
    // the one this widget holds: it gets its id, and is not shown twice.
    function ownSent(f) {
      for (var i = 0; i < state.items.length; i++) {
        var it = state.items[i];
        if (it.own && f.client_id && it.clientId === f.client_id) {
          it.id = f.id;
          it.pending = false;
          if (f.at) it.at = f.at; // the server's time is the record
          state.lastId = f.id;
          var n = nodes[it.clientId];
          if (n) n.meta.textContent = metaText(it, n.who);
          save();
          return true;
        }
      }
      return false;
    }

    function nextToken() {
      var exp = claims(token).exp;
      var fresh = exp && exp * 1000 > Date.now() + 5000;
      if (fresh || typeof opts.getToken !== "function") return Promise.resolve(fresh || !exp ? token : "");
      return Promise.resolve(opts.getToken()).then(function (tok) { token = tok || ""; return token; }, function () { return ""; });
    }

    function connect() {
      timer = null;
      nextToken().then(function (tok) {
        if (!tok) {
          stopped = true;
          status.textContent = t.offline;
          showAlert(t.expired);
          return;
        }
        var url = wsURL(opts.url);
        url.searchParams.set("token", tok);
        if (state.lastId) url.searchParams.set("after", state.lastId);
        status.textContent = t.connecting;
        ws = new WebSocket(url.toString());
        ws.onopen = function () {
          attempt = 0;
          status.textContent = t.connected;
          showAlert("");
          sendPending();
        };
        ws.onmessage = function (ev) {
          var f;
          try { f = JSON.parse(ev.data); } catch (e) { return; }
          onFrame(f);
        };
        ws.onclose = function (ev) {
          ws = null;
          typing.textContent = "";
          if (ev.code === 1008 && /slow/.test(ev.reason)) showAlert(t.slow);
          else if (ev.code === 1008 || ev.code === 1003 || ev.code === 1009) showAlert(t.failed);
          schedule();
        };
      });
    }

    function schedule() {
      if (stopped || timer) return;
      var delay = Math.min(30000, 1000 * Math.pow(2, attempt)) * (0.5 + Math.random() / 2);
      attempt++;
      status.textContent = t.reconnecting.replace("{n}", Math.ceil(delay / 1000));
      timer = setTimeout(connect, delay);
    }

    form.addEventListener("submit", function (ev) {
      ev.preventDefault();
      var text = input.value.trim();
      if (!text) return;
      var item = { own: true, clientId: uuid(), text: text, pending: true, at: new Date().toISOString() };
      state.items.push(item);
      render(item);
      save();
      input.value = "";
      input.focus(); // the next message starts where this one was written
      typedAt = 0; // what is typed next is news at once
      frame({ type: "message", text: text, client_id: item.clientId });
    });
    // Tell the team the borrower is typing: one frame every few seconds
    // while there is text in the box, the first at once after a send; the
    // text itself goes nowhere.
    input.addEventListener("input", function () {
      var now = Date.now();
      if (!input.value.trim() || now - typedAt < 3000) return;
      if (frame({ type: "typing" })) typedAt = now;
    });
    input.addEventListener("keydown", function (ev) {
      if (ev.key === "Enter" && !ev.shiftKey && !ev.isComposing) {
        ev.preventDefault();
        if (form.requestSubmit) form.requestSubmit(); else sendBtn.click();
      }
    });
    window.addEventListener("online", function () { if (!ws && timer) { clearTimeout(timer); connect(); } });
    // A tab that was asleep may have missed live frames on an open socket:
    // ask for what came after the last message it holds.
    document.addEventListener("visibilitychange", function () {
      if (document.visibilityState === "visible") frame({ type: "resume", after: state.lastId || "" });
    });

    connect();
    return {
      close: function () { stopped = true; clearTimeout(timer); if (ws) ws.close(1000, "closed by page"); }
    };
  }

  window.ParleyChat = { mount: mount };

  if (script && script.dataset && script.dataset.token) {
    var auto = function () {
      mount({ token: script.dataset.token, target: script.dataset.target || null, lang: script.dataset.lang, url: script.dataset.url,
        linkHosts: script.dataset.linkHosts });
    };
    if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", auto);
    else auto();
  }
})();
