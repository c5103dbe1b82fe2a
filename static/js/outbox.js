// The phone's one outbox: nothing written on a phone is lost to a flaky connection.
//
// Every submission (a perspective, a reaction, a reflection, a rating...) gets a client_id
// and is stored in localStorage *before* it is sent. It leaves the outbox only when the
// server acknowledges it (or refuses it for good, e.g. text_too_long). On every
// (re)connect the whole outbox is sent again; the server stores each client_id once (or,
// for a reaction, keeps only the latest), so a resend after a lost acknowledgement is
// harmless. Every phone page uses this module; none keeps a queue of its own.
//
// API
//   Storage that survives private mode (falls back to memory for the page):
//     getItem(key), setItem(key, value), removeItem(key)
//     keys.token|group|outbox|draft(workshopId): the localStorage keys of a workshop
//     getToken(workshopId), setToken(workshopId, token), clearToken(workshopId)
//     rememberJoinCode(workshopId, code), joinUrl(workshopId): the code this phone joined
//     with (pages reachable by id never carry it); "/" (enter a code) when there is none
//     rejoinWhenRefused(socket, workshopId, joinUrl, offline): a refused token joins again
//     newClientId(): a random UUID for a new item
//   new Outbox(workshopId, {name} = {}): the unsent items of one workshop, oldest first.
//     Perspectives use the default (`dialog.outbox.<id>`); another kind of item names its
//     own outbox (`{name: "vote"}` -> `dialog.outbox.vote.<id>`).
//     .items(), .size, .has(clientId), .add(item) (an item with the same client_id is
//     replaced), .remove(clientId), .save(items), .onChange(listener) -> unsubscribe
//   new Outbox(workshopId, {name, shelf: "undelivered"}): what the server refused because
//     the workshop has ended, kept (`dialog.undelivered.<id>`) until the writer dismisses it,
//     so nothing written silently vanishes.
//   refusal(code, permanent = PERMANENT_ERRORS): what the outbox does with a refusal, one
//     of REFUSAL ("fix" | "ended" | "wait" | "later" | "retry"; see REFUSAL below)
//   new Sender(socket, outbox, {event, payload, permanent, undelivered, timeoutMs, onResult}):
//     sends items over Socket.IO and reports {type: "sent", item, ack} | {type: "rejected",
//     item, error} | {type: "ended", item, error} | {type: "failed", item, error} |
//     {type: "timeout", item}; "sent", "rejected" and "ended" take the item out ("ended"
//     moves it to `undelivered`, an Outbox shelf, when given). Defaults send perspectives:
//     event "perspective:submit", payload {text, kind, stakeholder_group, client_id},
//     permanent PERMANENT_ERRORS. `permanent` is a Set of error codes or a function
//     code -> boolean. .send(item) -> result (null when offline or already in flight),
//     .flush(); a send refused with participant_throttled stops the flush and tries again
//     ~15 s later

const memory = new Map();

function pickStorage() {
  try {
    const probe = "dialog.probe";
    window.localStorage.setItem(probe, "1");
    window.localStorage.removeItem(probe);
    return window.localStorage;
  } catch {
    return null; // private mode or storage disabled: keep things in memory for this page
  }
}

const storage = pickStorage();

export function getItem(key) {
  if (storage) {
    try {
      return storage.getItem(key);
    } catch {
      /* fall through to memory */
    }
  }
  return memory.has(key) ? memory.get(key) : null;
}

export function setItem(key, value) {
  memory.set(key, value);
  if (storage) {
    try {
      storage.setItem(key, value);
    } catch {
      /* quota or disabled: the in-memory copy still works for this page */
    }
  }
}

export function removeItem(key) {
  memory.delete(key);
  if (storage) {
    try {
      storage.removeItem(key);
    } catch {
      /* ignore */
    }
  }
}

export const keys = {
  token: (workshopId) => `dialog.token.${workshopId}`,
  group: (workshopId) => `dialog.group.${workshopId}`,
  outbox: (workshopId) => `dialog.outbox.${workshopId}`,
  undelivered: (workshopId) => `dialog.undelivered.${workshopId}`,
  draft: (workshopId) => `dialog.draft.${workshopId}`,
  joinCode: (workshopId) => `dialog.join.${workshopId}`,
};

export function getToken(workshopId) {
  return getItem(keys.token(workshopId));
}

export function setToken(workshopId, token) {
  setItem(keys.token(workshopId), token);
}

export function clearToken(workshopId) {
  removeItem(keys.token(workshopId));
}

/** Keep the code this phone joined a workshop with, to join again if its token is refused. */
export function rememberJoinCode(workshopId, code) {
  if (code) setItem(keys.joinCode(workshopId), code);
}

/**
 * Where this phone joins a workshop (again): its own remembered code, else the home page's
 * code form. Phone pages are reachable by id without a token, so they never carry the code.
 */
export function joinUrl(workshopId) {
  const code = getItem(keys.joinCode(workshopId));
  return code ? `/j/${encodeURIComponent(code)}` : "/";
}

/**
 * When the server refuses the phone's token (forgotten, retired, or from an old database),
 * forget it and join again (unless the participant is blocked); what waits in an outbox stays and is sent with the new token. Any other
 * connection error means the phone is offline for now: ``offline()``.
 */
export function rejoinWhenRefused(socket, workshopId, joinUrl, offline) {
  socket.on("connect_error", (error) => {
    // A blocked participant is refused as such: joining again by itself would undo the block.
    if (error?.data?.code === "participant_blocked" || error?.message === "participant_blocked") {
      offline();
      return;
    }
    if (!socket.active) {
      clearToken(workshopId);
      window.location.replace(joinUrl);
      return;
    }
    offline();
  });
}

/** A random id for a perspective: crypto.randomUUID where it exists (it needs HTTPS). */
export function newClientId() {
  const cryptoApi = globalThis.crypto;
  if (cryptoApi && typeof cryptoApi.randomUUID === "function") {
    try {
      return cryptoApi.randomUUID();
    } catch {
      /* insecure context in some browsers: fall back below */
    }
  }
  const bytes = new Uint8Array(16);
  if (cryptoApi && typeof cryptoApi.getRandomValues === "function") {
    cryptoApi.getRandomValues(bytes);
  } else {
    for (let i = 0; i < bytes.length; i += 1) bytes[i] = Math.floor(Math.random() * 256);
  }
  bytes[6] = (bytes[6] & 0x0f) | 0x40; // version 4
  bytes[8] = (bytes[8] & 0x3f) | 0x80; // RFC 4122 variant
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * What this phone wrote for one workshop that the server has not confirmed: perspectives,
 * or (with another ``key``) another page's submissions, e.g. a lärande samtal reflection.
 */
export class Outbox {
  constructor(workshopId, { name = "", shelf = "outbox" } = {}) {
    this.key = name ? `dialog.${shelf}.${name}.${workshopId}` : `dialog.${shelf}.${workshopId}`;
    this.listeners = new Set();
    // Another tab of the same workshop may send or add items: keep every tab's view in step.
    window.addEventListener("storage", (event) => {
      if (event.key === this.key) this.notify();
    });
  }

  items() {
    const raw = getItem(this.key);
    if (!raw) return [];
    try {
      const parsed = JSON.parse(raw);
      return Array.isArray(parsed)
        ? parsed.filter((item) => item && typeof item.client_id === "string" && item.client_id)
        : [];
    } catch {
      return [];
    }
  }

  get size() {
    return this.items().length;
  }

  has(clientId) {
    return this.items().some((item) => item.client_id === clientId);
  }

  add(item) {
    const items = this.items().filter((other) => other.client_id !== item.client_id);
    items.push({ ...item, queued_at: item.queued_at || new Date().toISOString() });
    this.save(items);
  }

  remove(clientId) {
    const items = this.items();
    const kept = items.filter((item) => item.client_id !== clientId);
    if (kept.length !== items.length) this.save(kept);
  }

  save(items) {
    if (items.length) setItem(this.key, JSON.stringify(items));
    else removeItem(this.key);
    this.notify();
  }

  onChange(listener) {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  notify() {
    for (const listener of this.listeners) listener(this);
  }
}

/** Refusals of what was written that will never succeed on a resend: the item leaves the
 * outbox and its words go back to the writer to fix ("fix"). */
export const PERMANENT_ERRORS = new Set([
  "text_required",
  "text_too_long",
  "unknown_kind",
  "unknown_stakeholder_group",
  "client_id_required",
  "client_id_too_long",
  "invalid_json",
  "payload_too_large",
  "field_required",
  "token_not_for_this_process",
  "workshop_not_found",
]);

/** What the outbox does with each kind of refusal; every code falls in exactly one.
 *  fix:   the item is wrong as written (PERMANENT_ERRORS): out, its words back to the form;
 *  ended: the workshop has ended (``workshop_closed``): out of the outbox (no more resends)
 *         and kept on the phone, shown with its words to copy until the writer dismisses it;
 *  wait:  the workshop is paused (``workshop_paused``): kept, sent when it continues;
 *  later: sent too fast (``participant_throttled``): kept, the flush stops for ~15 s;
 *  retry: anything else (our own failure, a blocked participant, a code this page does not
 *         know): kept and sent again on the next connect or tick. */
export const REFUSAL = Object.freeze({
  FIX: "fix", ENDED: "ended", WAIT: "wait", LATER: "later", RETRY: "retry",
});
export const ENDED_ERRORS = new Set(["workshop_closed"]);

/** The outbox's answer to a refusal code (see REFUSAL); ``permanent`` as Sender takes it. */
export function refusal(code, permanent = PERMANENT_ERRORS) {
  const isPermanent = typeof permanent === "function" ? permanent : (c) => permanent.has(c);
  if (ENDED_ERRORS.has(code)) return REFUSAL.ENDED;
  if (code === "workshop_paused") return REFUSAL.WAIT;
  if (code === "participant_throttled") return REFUSAL.LATER;
  if (isPermanent(code)) return REFUSAL.FIX;
  return REFUSAL.RETRY;
}

/** A perspective as ``perspective:submit`` takes it. */
export function perspectivePayload(item) {
  return {
    text: item.text,
    kind: item.kind,
    stakeholder_group: item.stakeholder_group || null,
    client_id: item.client_id,
  };
}

/**
 * Sends outbox items over a Socket.IO connection (``event``, by default a perspective) and
 * reports each outcome:
 * {type: "sent", item, ack} | {type: "rejected", item, error} | {type: "failed", item, error}
 * | {type: "ended", item, error} | {type: "timeout", item}. "sent", "rejected" and "ended"
 * take the item out of the outbox ("ended" keeps it in ``undelivered``).
 */
export class Sender {
  constructor(socket, outbox, {
    event = "perspective:submit",
    payload = perspectivePayload,
    permanent = PERMANENT_ERRORS,
    undelivered = null,
    timeoutMs = 10000,
    onResult = () => {},
  } = {}) {
    this.socket = socket;
    this.outbox = outbox;
    this.event = event;
    this.payload = payload;
    this.permanent = permanent;
    this.undelivered = undelivered;
    this.timeoutMs = timeoutMs;
    this.onResult = onResult;
    this.inFlight = new Set();
    this.flushing = null;
    this.retry = null;
  }

  async send(item) {
    if (this.inFlight.has(item.client_id) || !this.socket.connected) return null;
    this.inFlight.add(item.client_id);
    let result;
    try {
      const ack = await this.socket
        .timeout(this.timeoutMs)
        .emitWithAck(this.event, this.payload(item));
      if (ack && ack.ok) {
        this.outbox.remove(item.client_id);
        result = { type: "sent", item, ack };
      } else {
        const error = (ack && ack.error) || { code: "internal_error", message: "" };
        const kind = refusal(error.code, this.permanent);
        if (kind === REFUSAL.FIX) {
          this.outbox.remove(item.client_id);
          result = { type: "rejected", item, error };
        } else if (kind === REFUSAL.ENDED) {
          // Kept first, then taken out: a page closed in between loses nothing.
          this.undelivered?.add(item);
          this.outbox.remove(item.client_id);
          result = { type: "ended", item, error };
        } else {
          result = { type: "failed", item, error };
          if (kind === REFUSAL.LATER) this.later();
        }
      }
    } catch {
      // No acknowledgement in time: it may or may not have arrived. It stays in the outbox
      // and goes again on the next connect; the server recognises the client_id.
      result = { type: "timeout", item };
    } finally {
      this.inFlight.delete(item.client_id);
    }
    this.onResult(result);
    return result;
  }

  /** Sent too fast (``participant_throttled``): try the rest again in a little while. */
  later(delayMs = 15000) {
    if (this.retry) return;
    this.retry = setTimeout(() => {
      this.retry = null;
      this.flush();
    }, delayMs);
  }

  /** Send everything in the outbox, oldest first, one at a time. */
  flush() {
    if (this.flushing) return this.flushing;
    const run = async () => {
      for (const item of this.outbox.items()) {
        if (!this.socket.connected) break;
        if (!this.outbox.has(item.client_id)) continue; // another tab sent it meanwhile
        const result = await this.send(item);
        if (result?.error?.code === "participant_throttled") break; // the rest goes later()
        if (result?.error?.code === "workshop_paused") break; // the rest goes on "open"
      }
    };
    // Cleared after the assignment (an empty outbox finishes at once): never stuck "flushing".
    this.flushing = run().finally(() => {
      this.flushing = null;
    });
    return this.flushing;
  }
}
