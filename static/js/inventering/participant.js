// The participant's phone: write a perspective (write page) and see what was sent (sent page).
//
// Both pages keep one live connection, send the outbox on every (re)connect and follow
// status changes pushed by the server. Nothing here polls.

import { connectLive, el, format, readStrings, showConnection, showNotice } from "../common.js";
import {
  Outbox, Sender, getItem, getToken, joinUrl, keys, newClientId, rejoinWhenRefused, removeItem,
  setItem,
} from "../outbox.js";
import { followPhase } from "../phase_follow.js";
import { showUndelivered } from "../undelivered.js";

const strings = readStrings();
const root = document.getElementById("write-page") || document.getElementById("sent-page");

if (root) start(root);

function start(page) {
  const workshopId = page.dataset.workshopId;
  const token = getToken(workshopId);
  if (!token) {
    // Not joined on this phone (or the token was forgotten): join first, then come back.
    window.location.replace(joinUrl(page.dataset.workshopId));
    return;
  }

  const outbox = new Outbox(workshopId);
  const socket = connectLive({ token, lang: page.dataset.lang || document.documentElement.lang });
  const view = page.id === "write-page"
    ? writeView(page, outbox, socket, workshopId)
    : sentView(page, outbox, socket, workshopId);
  // Refused because the workshop has ended: out of the outbox, kept here to copy.
  const undelivered = new Outbox(workshopId, { shelf: "undelivered" });
  showUndelivered(document.getElementById("undelivered"), undelivered, strings.undelivered);
  const sender = new Sender(socket, outbox, {
    undelivered, onResult: (result) => view.onResult(result),
  });
  view.sender = sender;

  const renderOutbox = () => {
    const count = outbox.size;
    const badge = document.getElementById("outbox-count");
    if (badge) {
      // Shown while anything is unsent and we are offline (or it has waited a while).
      const show = count > 0 && (!socket.connected || view.lingering?.());
      badge.hidden = !show;
      badge.textContent = count === 1 ? strings.outbox_one : format(strings.outbox_many, { count });
    }
    view.onOutboxChange?.();
  };
  outbox.onChange(renderOutbox);

  // A network that neither connects nor fails (a basement, a captive portal) is offline to
  // the writer: say so after a few seconds instead of "connecting" forever.
  const slow = setTimeout(() => {
    if (!socket.connected) showConnection(strings, "offline");
    renderOutbox();
  }, 5000);

  socket.on("connect", () => {
    clearTimeout(slow);
    showConnection(strings, "online");
    renderOutbox();
    view.onConnect?.();
    sender.flush();
  });
  socket.on("disconnect", () => {
    showConnection(strings, "offline");
    renderOutbox();
  });
  rejoinWhenRefused(socket, workshopId, joinUrl(page.dataset.workshopId), () => {
    showConnection(strings, "offline");
    renderOutbox();
  });
  // When the facilitator opens another phase, go to its screen (drafts and outbox stay).
  followPhase(socket, `/w/${workshopId}/now`, token, "inventering");
  socket.on("perspective:status", (data) => view.onStatus?.(data));
  socket.on("workshop:state", (data) => {
    view.onWorkshopState?.(data);
    // Open: send what waited through the pause. Closed: what still waits hears
    // workshop_closed now and is shown to copy, instead of being retried.
    if (data && (data.state === "open" || data.state === "closed")) sender.flush();
  });

  // A lost acknowledgement leaves an item in the outbox; try again now and then while the
  // connection is up. This sends only what is unsent; it never asks the server for news.
  setInterval(() => {
    if (socket.connected && outbox.size && !sender.flushing) sender.flush();
    renderOutbox();
  }, 15000);

  renderOutbox();
}

/** What the facilitator changed and why, in words for the author (null when nothing).
 * A common reason comes with its code and reads in this phone's language; own words as written. */
function noteText(note, withText = true) {
  const words = strings.note || {};
  if (!note || !note.action) return null;
  const reason = (words.reasons || {})[note.reason_code] || note.reason || "";
  if (note.action === "redact") {
    const said = format(words.redacted || "", { reason });
    return withText && note.text ? `${said} ${words.redacted_text || ""} ${note.text}` : said;
  }
  if (note.action === "hide") {
    return reason ? format(words.hidden || "", { reason }) : words.hidden_no_reason || null;
  }
  return null;
}

// ---------------------------------------------------------------- write page

/** Characters as the server counts them: without the spaces and line breaks around the
 *  text (the server trims them), in code points (an emoji is one, not two). */
function characters(text) {
  return Array.from(text.trim()).length;
}

function writeView(page, outbox, socket, workshopId) {
  const form = document.getElementById("write-form");
  const textarea = document.getElementById("text");
  const counter = document.getElementById("counter");
  const counterLive = document.getElementById("counter-live");
  const groupSelect = document.getElementById("stakeholder_group");
  const status = document.getElementById("write-status");
  const banner = document.getElementById("state-banner");
  const max = Number(page.dataset.maxLength || 500);
  let counterTimer = null;
  let lastQueuedAt = 0;

  // The group chosen when joining is the default; the writer can change it per perspective.
  const savedGroup = getItem(keys.group(workshopId));
  if (groupSelect && savedGroup) {
    const match = Array.from(groupSelect.options).find((option) => option.value === savedGroup);
    if (match) groupSelect.value = savedGroup;
  }

  // A draft survives a reload, a crash or a locked screen.
  const draft = getItem(keys.draft(workshopId));
  if (draft && !textarea.value) textarea.value = draft;

  function updateCounter(announce = true) {
    const length = characters(textarea.value);
    const over = length - max;
    counter.textContent = over > 0
      ? `${length}/${max} · ${format(strings.counter_over, { over })}`
      : `${length}/${max}`;
    counter.classList.toggle("counter--over", over > 0);
    if (over > 0) textarea.setAttribute("aria-invalid", "true");
    else textarea.removeAttribute("aria-invalid");
    if (!announce) return;
    // Announce politely once typing pauses, not on every keystroke.
    clearTimeout(counterTimer);
    counterTimer = setTimeout(() => {
      counterLive.textContent = over > 0
        ? format(strings.counter_over, { over })
        : format(strings.counter, { count: length, max });
    }, 1200);
  }

  textarea.addEventListener("input", () => {
    updateCounter();
    if (textarea.value) setItem(keys.draft(workshopId), textarea.value);
    else removeItem(keys.draft(workshopId));
  });
  updateCounter(false);

  function chosenKind() {
    const checked = form.querySelector('input[name="kind"]:checked');
    return checked ? checked.value : "";
  }

  function restore(item) {
    // Give the writer their words back, unless they have already started on new ones.
    if (!textarea.value.trim()) {
      textarea.value = item.text || "";
      setItem(keys.draft(workshopId), textarea.value);
      const radio = form.querySelector(`input[name="kind"][value="${CSS.escape(item.kind || "")}"]`);
      if (radio) radio.checked = true;
      updateCounter(false);
    }
  }

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const text = textarea.value;
    const kind = chosenKind();
    if (!text.trim()) {
      showNotice(status, "error", strings.text_required);
      textarea.focus();
      return;
    }
    const limit = Number(root.dataset.maxLength || 500);
    const length = characters(text);
    if (length > limit) {
      // Checked here too: a huge paste must never become a frame the server has to drop.
      showNotice(status, "error", format(strings.text_too_long, { length, max: limit }));
      textarea.focus();
      return;
    }
    if (!kind) {
      showNotice(status, "error", strings.unknown_kind);
      form.querySelector('input[name="kind"]')?.focus();
      return;
    }
    const item = {
      client_id: newClientId(),
      text,
      kind,
      stakeholder_group: groupSelect ? groupSelect.value : "",
    };
    // Into the outbox first: from here on, a dead battery or a lost signal loses nothing.
    outbox.add(item);
    lastQueuedAt = Date.now();
    form.reset();
    if (groupSelect) groupSelect.value = item.stakeholder_group;
    removeItem(keys.draft(workshopId));
    updateCounter(false);
    counterLive.textContent = "";
    if (socket.connected) {
      showNotice(status, "info", strings.sending);
      view.sender.send(item);
    } else {
      showNotice(status, "warning", strings.queued);
    }
  });

  function setBanner(state) {
    if (!banner) return;
    banner.hidden = state === "open";
    // A pause is not the end: the wall says "Paus", and so does the phone.
    const text = document.getElementById("state-banner-text");
    if (text) text.textContent = state === "paused" ? strings.paused_banner : strings.closed_banner;
  }
  setBanner(page.dataset.state);

  const view = {
    sender: null,
    lingering: () => Date.now() - lastQueuedAt > 3000,
    onResult(result) {
      const { item } = result;
      if (result.type === "sent") {
        const { ack } = result;
        showNotice(status, "success", strings.sent,
          `${strings.status[ack.status] || ack.status}. ${strings.status_hint[ack.status] || ""}`);
      } else if (result.type === "rejected") {
        showNotice(status, "error", result.error.message);
        restore(item);
        textarea.focus();
      } else if (result.type === "ended") {
        // The panel above the form shows the words to copy; the banner says it is over.
        setBanner("closed");
        status.replaceChildren();
        document.getElementById("undelivered")?.scrollIntoView({ block: "nearest" });
      } else if (result.type === "failed" && result.error.code === "workshop_paused") {
        // Kept in the outbox: it goes when the workshop continues (workshop:state "open").
        setBanner("paused");
        showNotice(status, "warning", strings.paused_banner);
      } else if (result.type === "failed") {
        showNotice(status, "warning", result.error.message, strings.retry_later);
      } else if (result.type === "timeout") {
        showNotice(status, "warning", strings.queued);
      }
    },
    onStatus(data) {
      if (!data || !strings.status[data.status]) return;
      showNotice(status, "info", noteText(data.note)
        || format(strings.status_changed, { status: strings.status[data.status] }));
    },
    onWorkshopState(data) {
      if (data && data.state) setBanner(data.state);
    },
  };
  return view;
}

// ---------------------------------------------------------------- sent page

function sentView(page, outbox, socket, workshopId) {
  const list = document.getElementById("sent-list");
  const empty = document.getElementById("sent-empty");
  const status = document.getElementById("sent-status");
  const lang = page.dataset.lang || document.documentElement.lang;
  let known = [];

  function statusLine(key) {
    return el(
      "p",
      { class: `status status--${key}` },
      el("span", { class: "status__icon", "aria-hidden": "true" }),
      el("span", { class: "visually-hidden", text: `${strings.status_label} ` }),
      el("span", { class: "status__word", text: strings.status[key] || key }),
    );
  }

  function item(perspective, key) {
    return el(
      "li",
      { class: `my-item my-item--${key}`, dataset: { id: perspective.id ?? "" } },
      el("p", { class: "my-item__kind" },
        el("span", { class: `tag tag--${perspective.kind}`, text: strings.kinds[perspective.kind] || perspective.kind })),
      el("p", { class: "my-item__text", text: perspective.text, lang }),
      statusLine(key),
      el("p", { class: "my-item__hint", text: strings.status_hint[key] || "" }),
      ...(perspective.used_in || []).map((use) => el("p", { class: "my-item__used" },
        el("a", { href: use.url, text: strings.used_in.replace("{title}", use.title) }))),
      ...(perspective.note ? [el("p", { class: "my-item__note", text: noteText(perspective.note, false) })] : []),
    );
  }

  // Kept on this phone only: which perspectives were its own, so the public page can
  // say "ditt perspektiv" to this phone and to nobody else.
  function remember(perspectives) {
    const store = document.getElementById("mine-store");
    if (!store) return;
    try {
      const key = store.dataset.key;
      const before = JSON.parse(localStorage.getItem(key) || "[]");
      const ids = new Set([...before, ...perspectives.map((p) => p.id)]);
      localStorage.setItem(key, JSON.stringify([...ids]));
    } catch {
      // private mode or full storage: the page works without it
    }
  }

  function render() {
    const waiting = outbox.items().filter(
      (queued) => !known.some((p) => p.client_id === queued.client_id),
    );
    const rows = [
      ...waiting.slice().reverse().map((queued) => item(queued, "waiting")),
      ...known.slice().reverse().map((p) => item(p, p.status)),
    ];
    list.replaceChildren(...rows);
    list.hidden = rows.length === 0;
    empty.hidden = rows.length > 0;
    empty.textContent = strings.empty;
  }

  async function load() {
    try {
      const ack = await socket.timeout(10000).emitWithAck("me:perspectives", {});
      if (ack && ack.ok) {
        known = Array.isArray(ack.perspectives) ? ack.perspectives : [];
        remember(known);
        render();
        return;
      }
      showNotice(status, "warning", (ack && ack.error && ack.error.message) || strings.load_error);
    } catch {
      showNotice(status, "warning", strings.load_error);
    }
    render();
  }

  render();
  empty.textContent = strings.loading;

  return {
    sender: null,
    lingering: () => true,
    onConnect() {
      load();
    },
    onOutboxChange() {
      render();
    },
    onResult(result) {
      if (result.type === "sent" || result.type === "rejected" || result.type === "ended") load();
      if (result.type === "rejected") {
        // The words go back to the write page as a draft, to be fixed and sent again.
        if (!getItem(keys.draft(workshopId))) setItem(keys.draft(workshopId), result.item.text || "");
        showNotice(status, "error", result.error.message);
      }
    },
    onStatus(data) {
      const found = known.find((p) => p.id === data.id);
      if (!found || !strings.status[data.status]) return;
      found.status = data.status;
      if (data.note) {
        found.note = data.note;
        if (data.note.text) found.text = data.note.text;
      }
      render();
      showNotice(status, "info", noteText(data.note)
        || format(strings.status_changed, { status: strings.status[data.status] }));
    },
  };
}
