// Small helpers shared by the pages: strings, DOM building, the live connection.

/** The page's translated strings, rendered by the server into <script id="i18n"> (or a
 * part's own block, e.g. "i18n-hide"). */
export function readStrings(id = "i18n") {
  const node = document.getElementById(id);
  if (!node) return {};
  try {
    return JSON.parse(node.textContent || "{}");
  } catch {
    return {};
  }
}

/**
 * Choose a plural form: `forms` is {one: "1 perspektiv", other: "{count} perspektiv"} (as a
 * page's strings carry plural messages), chosen by the page language's plural rules.
 */
export function pluralForm(forms, count) {
  if (!forms || typeof forms !== "object") return forms;
  const lang = document.documentElement.lang || "sv";
  let category = "other";
  try {
    category = new Intl.PluralRules(lang).select(Number(count));
  } catch {
    /* an unknown language keeps "other" */
  }
  return forms[category] ?? forms.other ?? "";
}

/**
 * Fill "{name}" placeholders: format("{count} nya", {count: 3}). A plural message (an object
 * of forms) is first resolved by `params.count`.
 */
export function format(template, params = {}) {
  if (template && typeof template === "object") template = pluralForm(template, params.count ?? 0);
  return String(template ?? "").replace(/\{(\w+)\}/g, (whole, name) =>
    Object.prototype.hasOwnProperty.call(params, name) ? String(params[name]) : whole,
  );
}

/** Create an element: el("p", {class: "x", text: "hello"}, child, ...). Never parses HTML. */
export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === undefined || value === null || value === false) continue;
    if (key === "text") node.textContent = value;
    else if (key === "class") node.className = value;
    else if (key === "dataset") Object.assign(node.dataset, value);
    else if (key.startsWith("on") && typeof value === "function") {
      node.addEventListener(key.slice(2), value);
    } else node.setAttribute(key, value === true ? "" : value);
  }
  for (const child of children.flat()) {
    if (child === undefined || child === null || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

/** A stakeholder group's name where it starts a label or a line: the first letter a capital,
 *  the rest as the facilitator wrote it ("unga" -> "Unga"); in a sentence, use the name as
 *  written. The same rule as the templates' `label_start` filter (dialog/web/group_names.py). */
export function displayName(name) {
  const text = String(name ?? "");
  return text ? text.charAt(0).toLocaleUpperCase() + text.slice(1) : text;
}

/** "14:05" in the page's language, from an ISO timestamp. */
export function clockTime(iso, lang) {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return "";
  try {
    return date.toLocaleTimeString(lang === "en" ? "en-GB" : "sv-SE", {
      hour: "2-digit",
      minute: "2-digit",
    });
  } catch {
    return date.toISOString().slice(11, 16);
  }
}

/**
 * Connect to the live namespace. The vendored Socket.IO client (a classic script) defines
 * the global `io`. WebSocket first; long-polling when a network blocks WebSockets.
 */
export function connectLive(auth) {
  if (typeof window.io !== "function") {
    // The client script did not load (a dropped connection mid-page): behave as offline,
    // so that writing still works and the outbox keeps everything for the next visit.
    return offlineSocket();
  }
  return window.io("/live", {
    auth,
    transports: ["websocket", "polling"],
    tryAllTransports: true,
    timeout: 10000,
    // After a server restart a whole room reconnects: back off (1 s, 2 s, 4 s ... up to
    // 10 s) with +/-50 % jitter, so three hundred phones arrive spread over seconds, not
    // in one instant. The outbox resends whatever was not acknowledged.
    reconnectionDelay: 1000,
    reconnectionDelayMax: 10000,
    randomizationFactor: 0.5,
  });
}

/**
 * Follow something live (``workshop:watch`` ...) on a connection and hand its first answer
 * to ``onAck``. A watch whose answer is late or lost (a loaded server answers after the
 * timeout; the answer is then dropped) is asked again, with a growing pause, while the
 * connection stands: a page never stays empty because its one question went unanswered.
 * Watching twice is harmless (it joins the same rooms and returns the same state). An
 * answer with ``ok: false`` is final and handed over too. Returns a promise that settles
 * once answered or disconnected.
 */
export async function watchLive(socket, event, payload, onAck, { timeoutMs = 10000 } = {}) {
  let pause = 1000;
  while (socket.connected) {
    try {
      const ack = await socket.timeout(timeoutMs).emitWithAck(event, payload);
      if (!socket.connected) return;
      onAck(ack);
      return;
    } catch {
      if (!socket.connected) return; // the next connect watches again
      await new Promise((resolve) => window.setTimeout(resolve, pause));
      pause = Math.min(pause * 2, 8000);
    }
  }
}

function offlineSocket() {
  const listeners = {};
  const socket = {
    connected: false,
    active: true,
    on(event, handler) {
      (listeners[event] ||= []).push(handler);
      return socket;
    },
    timeout() {
      return socket;
    },
    emitWithAck() {
      return Promise.reject(new Error("offline"));
    },
    emit() {
      return socket;
    },
  };
  setTimeout(() => (listeners.connect_error || []).forEach((handler) => handler(new Error("offline"))), 0);
  return socket;
}

/**
 * Show the state of the connection in a `.connection` element: a dot and words, never
 * colour alone.
 */
export function showConnection(strings, state) {
  const box = document.getElementById("connection");
  const text = document.getElementById("connection-text");
  if (!box || !text) return;
  box.dataset.state = state;
  const words = strings[state] || "";
  if (text.textContent !== words) text.textContent = words;
}

/**
 * An announcer for screen readers that speaks at most once per `interval` ms: bursts of
 * events in a busy room become one sentence instead of a queue of them.
 */
export class ThrottledAnnouncer {
  constructor(region, interval = 8000) {
    this.region = region;
    this.interval = interval;
    this.last = 0;
    this.timer = null;
    this.pending = null;
  }

  /** `compose` returns the sentence to speak, called when it is time to speak. */
  schedule(compose) {
    this.pending = compose;
    if (this.timer) return;
    const wait = Math.max(0, this.last + this.interval - Date.now());
    this.timer = setTimeout(() => this.flush(), wait);
  }

  flush() {
    this.timer = null;
    if (!this.pending || !this.region) return;
    const sentence = this.pending();
    this.pending = null;
    this.last = Date.now();
    // Clearing first makes assistive technology announce the same words again.
    this.region.textContent = "";
    setTimeout(() => {
      this.region.textContent = sentence;
    }, 50);
  }
}

/** Put a message into a status region as a styled notice (kind: info, success, warning, error). */
export function showNotice(region, kind, ...lines) {
  if (!region) return;
  region.replaceChildren();
  const texts = lines.flat().filter(Boolean);
  if (!texts.length) return;
  region.append(
    el(
      "div",
      { class: `notice notice--${kind}` },
      texts.map((line) => el("p", { class: "notice__text", text: line })),
    ),
  );
}
