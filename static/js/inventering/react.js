// The phone's reactions: one perspective at a time, agree / disagree / pass.
//
// A reaction is kept in localStorage until the server acknowledges it, so a lost signal
// loses nothing; resending is harmless because only the latest reaction per participant and
// perspective counts. The next perspective comes with the acknowledgement.

import { connectLive, el, format, readStrings, showConnection, showNotice } from "../common.js";
import { clearToken, getItem, getToken, removeItem, setItem } from "../outbox.js";

const strings = readStrings();
const root = document.getElementById("react-page");
const ACK_TIMEOUT_MS = 10000;

if (root) start(root);

function start(page) {
  const workshopId = page.dataset.workshopId;
  const token = getToken(workshopId);
  if (!token) {
    window.location.replace(page.dataset.joinUrl);
    return;
  }
  const pendingKey = `dialog.vote.${workshopId}`;
  const ui = {
    loading: document.getElementById("react-loading"),
    body: document.getElementById("react-body"),
    meta: document.getElementById("react-meta"),
    text: document.getElementById("react-text"),
    buttons: document.getElementById("react-buttons"),
    remaining: document.getElementById("react-remaining"),
    card: document.getElementById("react-card"),
    done: document.getElementById("react-done"),
    doneHeading: document.getElementById("react-done-heading"),
    check: document.getElementById("react-check"),
    status: document.getElementById("react-status"),
    live: document.getElementById("react-live"),
  };
  let current = null;
  let busy = false;
  let shownOnce = false;

  const socket = connectLive({ token, lang: page.dataset.lang || document.documentElement.lang });

  function readPending() {
    try {
      const value = JSON.parse(getItem(pendingKey) || "null");
      return value && value.perspective_id && value.vote ? value : null;
    } catch {
      return null;
    }
  }

  function announce(sentence) {
    // Clearing first makes assistive technology speak the same words again.
    ui.live.textContent = "";
    setTimeout(() => {
      ui.live.textContent = sentence;
    }, 50);
  }

  function setBusy(value) {
    busy = value;
    for (const button of ui.buttons.querySelectorAll("button")) {
      if (value) button.setAttribute("aria-disabled", "true");
      else button.removeAttribute("aria-disabled");
    }
  }

  function showRemaining(remaining) {
    // `remaining` counts the perspective on screen too.
    const count = Number(remaining);
    ui.remaining.hidden = !Number.isFinite(count) || count < 1;
    if (!ui.remaining.hidden) {
      ui.remaining.textContent = count === 1
        ? strings.remaining_one
        : format(strings.remaining_many, { count: count - 1 });
    }
  }

  function show(perspective, remaining) {
    ui.loading.hidden = true;
    current = perspective || null;
    if (!current) {
      ui.card.hidden = true;
      ui.done.hidden = false;
      ui.doneHeading.focus();
      return;
    }
    ui.card.hidden = false;
    ui.done.hidden = true;
    const kind = strings.kinds[current.kind];
    ui.meta.replaceChildren(
      kind ? el("span", { class: `tag tag--${current.kind}`, text: kind }) : null,
      current.stakeholder_group
        ? el("span", { class: "react-card__group",
          text: format(strings.from_group, { group: current.stakeholder_group }) })
        : null,
    );
    ui.meta.hidden = !ui.meta.childElementCount;
    ui.text.textContent = current.text || "";
    ui.body.hidden = false;
    ui.buttons.hidden = false;
    showRemaining(remaining);
    // Move focus to the new words only after the first one, so a page load does not jump.
    if (shownOnce || document.activeElement?.closest?.("#react-buttons")) ui.text.focus();
    shownOnce = true;
  }

  async function requestNext({ fromButton = false } = {}) {
    if (!socket.connected) return;
    if (fromButton) showNotice(ui.status, "info", strings.checking);
    try {
      const ack = await socket.timeout(ACK_TIMEOUT_MS).emitWithAck("vote:next", {});
      if (!ack || !ack.ok) {
        showNotice(ui.status, "error", ack?.error?.message || strings.request_failed);
        return;
      }
      if (fromButton) {
        ui.status.replaceChildren();
        if (!ack.perspective) announce(strings.still_done);
      }
      show(ack.perspective, ack.remaining);
    } catch {
      showNotice(ui.status, "warning", strings.request_failed);
    }
  }

  async function send(pending) {
    setBusy(true);
    const slow = setTimeout(() => showNotice(ui.status, "info", strings.sending), 800);
    let ack = null;
    try {
      ack = await socket.timeout(ACK_TIMEOUT_MS).emitWithAck("vote:submit", pending);
    } catch {
      ack = null; // no answer in time: the reaction stays on the phone and is sent again
    }
    clearTimeout(slow);
    setBusy(false);
    if (!ack) {
      showNotice(ui.status, "warning", strings.queued);
      return;
    }
    if (!ack.ok && ack.error?.code === "internal_error") {
      showNotice(ui.status, "warning", ack.error.message, strings.queued);
      return;
    }
    removeItem(pendingKey);
    const word = strings.votes[pending.vote] || pending.vote;
    if (!ack.ok) {
      // Refused for good (e.g. the perspective was hidden meanwhile): say so, move on.
      showNotice(ui.status, "error", ack.error?.message || strings.request_failed);
      await requestNext();
      return;
    }
    ui.status.replaceChildren();
    announce(format(ack.next ? strings.saved_next : strings.saved, { vote: word }));
    if ("next" in ack) show(ack.next, ack.remaining);
    else await requestNext();
  }

  ui.buttons.addEventListener("click", (event) => {
    const button = event.target.closest("button[data-vote]");
    if (!button || busy || !current) return;
    const pending = { perspective_id: current.id, vote: button.dataset.vote };
    setItem(pendingKey, JSON.stringify(pending));
    if (socket.connected) send(pending);
    else showNotice(ui.status, "warning", strings.queued);
  });

  ui.check.addEventListener("click", () => requestNext({ fromButton: true }));

  socket.on("connect", () => {
    showConnection(strings, "online");
    const pending = readPending();
    if (pending) send(pending);
    else requestNext();
  });
  socket.on("disconnect", () => showConnection(strings, "offline"));
  socket.on("connect_error", () => {
    if (!socket.active) {
      // The server refused this token: join again, then come back.
      clearToken(workshopId);
      window.location.replace(page.dataset.joinUrl);
      return;
    }
    showConnection(strings, "offline");
  });

  // Back on the page after a while: others may have written something new.
  document.addEventListener("visibilitychange", () => {
    if (document.visibilityState === "visible" && !current && !busy) requestNext();
  });
}
