// The phone in a lärande samtal: answer a round's reflection prompts.
//
// An answer goes into the phone's outbox (the shared static/js/outbox.js) before it is sent
// over Socket.IO, and leaves it only when the server has it; on every (re)connect the outbox
// is sent again, and the server stores an answer once per client_id. Drafts stay in
// localStorage, so a reload or a phase change loses nothing.

import { connectLive, el, format, readStrings, showConnection, showNotice } from "../common.js";
import {
  Outbox,
  PERMANENT_ERRORS,
  Sender,
  getItem,
  getToken,
  joinUrl,
  newClientId,
  rejoinWhenRefused,
  removeItem,
  setItem,
} from "../outbox.js";
import { followPhase } from "../phase_follow.js";

const strings = readStrings();
const page = document.getElementById("samtal-phone");
const FIELDS = ["understood", "question", "keep"];
/** Refusals a resend will not change: the item leaves the outbox and the form says why. */
const PERMANENT = new Set([
  ...PERMANENT_ERRORS,
  "view_change_required",
  "unknown_view_change",
  "reflection_too_long",
  "conversation_round_closed",
  "conversation_round_not_found",
  "perspective_not_in_process",
  "token_not_for_this_process",
]);
const RETRY_MS = 15000;

if (page) start(page);

function draftKey(roundId, field) {
  return `dialog.samtal.${roundId}.${field}`;
}

function start(root) {
  const workshopId = root.dataset.workshopId;
  const token = getToken(workshopId);
  if (!token) {
    window.location.replace(joinUrl(root.dataset.workshopId));
    return;
  }
  const socket = connectLive({ token, lang: root.dataset.lang || document.documentElement.lang });
  const outbox = new Outbox(workshopId, { name: "samtal" });
  const sender = new Sender(socket, outbox, {
    event: "reflection:submit",
    payload: (item) => item,
    permanent: PERMANENT,
    onResult: (result) => onResult(root, result),
  });
  socket.on("connect", () => {
    showConnection(strings, "online");
    reloadIfRoundsChanged(root, socket);
    sender.flush();
  });
  // The facilitator hid, edited or approved one of my reflections: say so, and why.
  socket.on("reflection:status", (data) => {
    if (!data) return;
    showNotice(document.getElementById("my-hidden-status"), "info",
      data.status === "hidden" || data.note?.action === "redact"
        ? noteText(data.note, true) : strings.reflection_approved);
    readMine(root, socket);
  });
  socket.on("disconnect", () => showConnection(strings, "offline"));
  rejoinWhenRefused(socket, workshopId, joinUrl(root.dataset.workshopId),
                    () => showConnection(strings, "offline"));
  followPhase(socket, root.dataset.nowUrl);
  socket.on("samtal:round", () => {
    const region = document.querySelector(".status-region") || document.getElementById("no-rounds");
    if (region) showNotice(region, "info", strings.round_changed);
    setTimeout(() => window.location.reload(), 1500);
  });
  // A round in the room follows the meeting: what waited through a pause goes when it
  // continues; when it closes, what still waits hears so now (and stays in the form).
  socket.on("workshop:state", (data) => {
    if (data && (data.state === "open" || data.state === "closed")) sender.flush();
  });
  // A lost acknowledgement leaves an answer in the outbox: try again now and then.
  setInterval(() => {
    if (socket.connected && outbox.size && !sender.flushing) sender.flush();
  }, RETRY_MS);

  for (const form of root.querySelectorAll(".reflection-form")) {
    setUpForm(form, outbox, sender, socket);
  }
}

/** A round opened or closed while this page was loading: show the rounds as they are now. */
async function reloadIfRoundsChanged(root, socket) {
  const shown = [...root.querySelectorAll(".reflection-form")].map((f) => f.dataset.roundId);
  const ack = await readMine(root, socket);
  if (!ack) return;
  const open = ack.rounds.map((r) => String(r.id));
  if (open.join() !== shown.join()) window.location.reload();
}

/** The open rounds and this phone's own reflections; shows the hidden ones, and why. */
async function readMine(root, socket) {
  try {
    const ack = await socket.timeout(8000).emitWithAck("samtal:rounds", {});
    if (!ack || !ack.ok) return null;
    showHidden((ack.reflections || []).filter((r) => r.status === "hidden"
      || r.note?.action === "redact"));
    return ack;
  } catch {
    return null; /* offline: the page shows what it has */
  }
}

/** A common reason reads in this phone's language; the facilitator's own words as written.
 * An edit also says how the changed prompts read now (`withText`). */
function noteText(note, withText = false) {
  const reason = (strings.reasons || {})[note?.reason_code] || note?.reason || "";
  if (note?.action !== "redact") return format(strings.reflection_hidden || "", { reason });
  const said = format(strings.reflection_redacted || "", { reason });
  const changed = Object.values(note.changed || {}).filter(Boolean);
  return withText && changed.length
    ? `${said} ${strings.redacted_text || ""} ${changed.map((t) => `”${t}”`).join(" ")}` : said;
}

function showHidden(hidden) {
  const section = document.getElementById("my-hidden");
  if (!section) return;
  const words = (r) => [r.understood, r.question, r.keep].find((text) => text) || "";
  const short = (text) => (text.length > 80 ? `${text.slice(0, 80)} …` : text);
  document.getElementById("my-hidden-list").replaceChildren(...hidden.map((r) => el("li",
    { class: `my-item my-item--${r.status === "hidden" ? "hidden" : "redacted"}`,
      dataset: { id: String(r.id) } },
    r.status === "hidden"
      ? el("p", { class: "my-item__text", text: format(strings.you_wrote || "", { text: short(words(r)) }) })
      : null,
    el("p", { class: "my-item__note", text: noteText(r.note) }),
    r.status === "hidden" ? null : el("p", { class: "my-item__text",
      text: `${strings.redacted_text || ""} ${short(words(r))}` }))));
  section.hidden = hidden.length === 0 && !document.getElementById("my-hidden-status").textContent;
}

function setUpForm(form, outbox, sender, socket) {
  const roundId = form.dataset.roundId;
  const status = document.getElementById(`r${roundId}-status`);
  for (const field of FIELDS) {
    const box = form.elements[field];
    const saved = getItem(draftKey(roundId, field));
    if (saved && !box.value) box.value = saved;
    box.addEventListener("input", () => {
      if (box.value) setItem(draftKey(roundId, field), box.value);
      else removeItem(draftKey(roundId, field));
    });
  }
  form.dataset.clientId = getItem(draftKey(roundId, "client_id")) || newClientId();
  setItem(draftKey(roundId, "client_id"), form.dataset.clientId);

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const chosen = form.querySelector('input[name="view_change"]:checked');
    if (!chosen) {
      showNotice(status, "error", strings.view_change_required);
      form.querySelector('input[name="view_change"]').focus();
      return;
    }
    const item = {
      round_id: Number(roundId),
      client_id: form.dataset.clientId,
      view_change: chosen.value,
      moved_by: form.elements.moved_by.value || null,
    };
    for (const field of FIELDS) item[field] = form.elements[field].value;
    // Into the outbox first: from here on, a lost signal loses nothing.
    outbox.add(item);
    if (!socket.connected) {
      showNotice(status, "warning", strings.queued);
      return;
    }
    showNotice(status, "info", strings.sending);
    sender.flush();
  });
}

/** The outcome of one answer from the outbox, shown on its round's form. */
function onResult(root, result) {
  const form = root.querySelector(`.reflection-form[data-round-id="${result.item.round_id}"]`);
  const status = document.getElementById(`r${result.item.round_id}-status`);
  if (!form || !status) return;
  if (result.type === "sent") {
    if (form.dataset.clientId === result.item.client_id) done(form);
    showNotice(status, "success",
      result.ack.status === "pending" ? strings.sent_pending : strings.sent);
  } else if (result.type === "ended") {
    // Out of the outbox; the words stay in the form's boxes (drafts go only when sent).
    showNotice(status, "error", strings.ended);
  } else if (result.type === "failed" && result.error.code === "workshop_paused") {
    showNotice(status, "warning", result.error.message); // kept; sent when it continues
  } else if (result.type === "rejected" || result.type === "failed") {
    showNotice(status, "error", result.error.message || strings.network_error);
  } else {
    showNotice(status, "warning", strings.queued);
  }
}

function done(form) {
  const roundId = form.dataset.roundId;
  for (const field of [...FIELDS, "client_id"]) removeItem(draftKey(roundId, field));
  form.reset();
  form.dataset.clientId = newClientId();
  setItem(draftKey(roundId, "client_id"), form.dataset.clientId);
}
