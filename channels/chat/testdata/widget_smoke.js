// Drives assets/widget.js in Node against a live server with a minimal DOM:
// connect, send, see the ack and the reply, lose the socket, reconnect with
// the last message id, send again, and report what the transcript shows.
// Usage: node --experimental-websocket widget_smoke.js WIDGET_JS BASE_URL TOKEN
"use strict";
const fs = require("fs");
const vm = require("vm");
const [, , widgetPath, base, token] = process.argv;

class El {
  constructor(tag) {
    this.tagName = tag; this.children = []; this.parentNode = null; this.attrs = {};
    this.listeners = {}; this.dataset = {}; this.hidden = false; this.own = ""; this.className = "";
    this.classList = { add: (c) => { this.className += " " + c; } };
    this.scrollTop = 0; this.scrollHeight = 0; this.clientHeight = 0; this.value = "";
  }
  appendChild(c) { c.parentNode = this; this.children.push(c); return c; }
  removeChild(c) { this.children = this.children.filter((x) => x !== c); c.parentNode = null; return c; }
  setAttribute(k, v) { this.attrs[k] = String(v); }
  addEventListener(t, f) { (this.listeners[t] = this.listeners[t] || []).push(f); }
  fire(t, ev) { for (const f of this.listeners[t] || []) f(ev); }
  get textContent() { return this.own + this.children.map((c) => c.textContent).join(""); }
  set textContent(v) { this.own = String(v); this.children = []; }
  focus() {}
  requestSubmit() { this.fire("submit", { preventDefault() {} }); }
  find(pred, out = []) { if (pred(this)) out.push(this); for (const c of this.children) c.find(pred, out); return out; }
}

const target = new El("div");
const storage = new Map();
const sockets = [];
const RealWS = globalThis.WebSocket;
globalThis.WebSocket = function (url) { const ws = new RealWS(url); sockets.push({ url, ws }); return ws; };
globalThis.window = globalThis;
globalThis.location = { href: base + "/chat/" };
globalThis.sessionStorage = {
  getItem: (k) => (storage.has(k) ? storage.get(k) : null),
  setItem: (k, v) => storage.set(k, String(v)),
};
globalThis.addEventListener = () => {};
globalThis.document = {
  readyState: "complete", visibilityState: "visible",
  currentScript: { src: base + "/chat/widget.js", dataset: { token, target: "#chat", lang: "en" } },
  documentElement: { lang: "en" }, head: new El("head"), body: new El("body"),
  createElement: (t) => new El(t),
  createTextNode: (t) => { const n = new El("#text"); n.own = t; return n; },
  getElementById: () => null,
  querySelector: (s) => (s === "#chat" ? target : null),
  addEventListener: () => {},
};
Math.random = () => 0; // the shortest reconnect backoff: 0.5 s

function until(what, pred, ms = 30000) {
  return new Promise((resolve, reject) => {
    const start = Date.now();
    const tick = () => {
      const v = pred();
      if (v) return resolve(v);
      if (Date.now() - start > ms) return reject(new Error("timed out waiting for " + what));
      setTimeout(tick, 10);
    };
    tick();
  });
}

const hasClass = (e, c) => e.className.split(" ").includes(c);
const bubbles = () => target.find((e) => hasClass(e, "pc-msg")).map((e) => ({
  cls: e.className.trim(), text: e.children[0].textContent, meta: e.children[1].textContent,
}));
const send = (text) => {
  target.find((e) => e.tagName === "textarea")[0].value = text;
  target.find((e) => e.tagName === "form")[0].requestSubmit();
};

(async () => {
  vm.runInThisContext(fs.readFileSync(widgetPath, "utf8"), { filename: "widget.js" });
  await until("the first socket", () => sockets[0] && sockets[0].ws.readyState === 1);
  send("hello from node");
  await until("the first reply", () => bubbles().some((b) => b.text === "echo: hello from node"));
  await until("the ack", () => bubbles().find((b) => b.text === "hello from node").meta.startsWith("You"));
  sockets[0].ws.close();
  await until("a second socket", () => sockets[1] && sockets[1].ws.readyState === 1);
  send("second");
  await until("the second reply", () => bubbles().some((b) => b.text === "echo: second"));
  const status = target.find((e) => hasClass(e, "pc-status"))[0].textContent;
  process.stdout.write(JSON.stringify({
    urls: sockets.map((s) => s.url), bubbles: bubbles(), status,
    uuid: JSON.parse(storage.values().next().value).items[0].clientId,
  }));
  for (const s of sockets) s.ws.close();
  process.exit(0);
})().catch((e) => { process.stderr.write(String(e.stack || e)); process.exit(1); });
