// The phone in a lärande samtal: answer a round's reflection prompts.
//
// Live over Socket.IO when connected; otherwise (or when an ack is lost) over HTTP with the
// same token, so a digital round open for days works from home too. A form keeps its
// client_id until the server has the answer, so a resend is never stored twice. Drafts stay
// in localStorage, so a reload or a phase change loses nothing.

import { connectLive, readStrings, showConnection, showNotice } from "../common.js";
import { clearToken, getItem, getToken, newClientId, removeItem, setItem } from "../outbox.js";
import { followPhase } from "../phase_follow.js";

const strings = readStrings();
const page = document.getElementById("samtal-phone");
const FIELDS = ["understood", "question", "keep"];

if (page) start(page);

function draftKey(roundId, field) {
  return `dialog.samtal.${roundId}.${field}`;
}

function start(root) {
  const workshopId = root.dataset.workshopId;
  const token = getToken(workshopId);
  if (!token) {
    window.location.replace(root.dataset.joinUrl);
    return;
  }
  const socket = connectLive({ token, lang: root.dataset.lang || document.documentElement.lang });
  socket.on("connect", () => {
    showConnection(strings, "online");
    reloadIfRoundsChanged(root, socket);
  });
  socket.on("disconnect", () => showConnection(strings, "offline"));
  socket.on("connect_error", () => {
    if (!socket.active) {
      clearToken(workshopId);
      window.location.replace(root.dataset.joinUrl);
      return;
    }
    showConnection(strings, "offline");
  });
  followPhase(socket, root.dataset.nowUrl);
  socket.on("samtal:round", () => {
    const region = document.querySelector(".status-region") || document.getElementById("no-rounds");
    if (region) showNotice(region, "info", strings.round_changed);
    setTimeout(() => window.location.reload(), 1500);
  });

  for (const form of root.querySelectorAll(".reflection-form")) setUpForm(form, socket, token);
}

/** A round opened or closed while this page was loading: show the rounds as they are now. */
async function reloadIfRoundsChanged(root, socket) {
  const shown = [...root.querySelectorAll(".reflection-form")].map((f) => f.dataset.roundId);
  try {
    const ack = await socket.timeout(8000).emitWithAck("samtal:rounds", {});
    if (!ack || !ack.ok) return;
    const open = ack.rounds.map((r) => String(r.id));
    if (open.join() !== shown.join()) window.location.reload();
  } catch {
    /* offline: the page shows what it has */
  }
}

function setUpForm(form, socket, token) {
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

  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const chosen = form.querySelector('input[name="view_change"]:checked');
    if (!chosen) {
      showNotice(status, "error", strings.view_change_required);
      form.querySelector('input[name="view_change"]').focus();
      return;
    }
    const payload = {
      round_id: Number(roundId),
      client_id: form.dataset.clientId,
      view_change: chosen.value,
      moved_by: form.elements.moved_by.value || null,
    };
    for (const field of FIELDS) payload[field] = form.elements[field].value;
    const button = form.querySelector('button[type="submit"]');
    button.disabled = true;
    showNotice(status, "info", strings.sending);
    try {
      const ack = await send(socket, token, payload);
      if (ack.ok) {
        done(form, status, ack);
      } else {
        showNotice(status, "error", ack.error.message);
      }
    } catch {
      showNotice(status, "warning", strings.queued);
    } finally {
      button.disabled = false;
    }
  });
}

async function send(socket, token, payload) {
  if (socket.connected) {
    try {
      return await socket.timeout(8000).emitWithAck("reflection:submit", payload);
    } catch {
      /* the ack was lost: the same client_id over HTTP is harmless */
    }
  }
  const response = await fetch(`/api/v1/conversation-rounds/${payload.round_id}/reflections`, {
    method: "POST",
    headers: { "Content-Type": "application/json", Authorization: `Bearer ${token}` },
    body: JSON.stringify(payload),
  });
  const body = await response.json();
  return response.ok ? { ok: true, ...body } : { ok: false, error: body.error };
}

function done(form, status, ack) {
  const roundId = form.dataset.roundId;
  for (const field of [...FIELDS, "client_id"]) removeItem(draftKey(roundId, field));
  form.reset();
  form.dataset.clientId = newClientId();
  setItem(draftKey(roundId, "client_id"), form.dataset.clientId);
  showNotice(status, "success", ack.status === "pending" ? strings.sent_pending : strings.sent);
}
