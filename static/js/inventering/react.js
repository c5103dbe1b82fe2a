// The phone's reactions: one perspective at a time, agree / disagree / pass.
//
// A reaction waits in the phone's outbox (outbox.js, `{name: "vote"}`) until the server
// acknowledges it, so a lost signal loses nothing; resending is harmless because only the
// latest reaction per participant and perspective counts. The next perspective comes with
// the acknowledgement.

import { connectLive, el, format, readStrings, showConnection, showNotice } from "../common.js";
import { Outbox, Sender, getToken, joinUrl, rejoinWhenRefused } from "../outbox.js";
import { followPhase } from "../phase_follow.js";

const strings = readStrings();
const root = document.getElementById("react-page");
const ACK_TIMEOUT_MS = 10000;
const RESEND_EVERY_MS = 15000;

if (root) start(root);

function start(page) {
  const workshopId = page.dataset.workshopId;
  const token = getToken(workshopId);
  if (!token) {
    window.location.replace(joinUrl(page.dataset.workshopId));
    return;
  }
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
  const outbox = new Outbox(workshopId, { name: "vote" });
  const sender = new Sender(socket, outbox, {
    event: "vote:submit",
    payload: (item) => ({ perspective_id: item.perspective_id, vote: item.vote }),
    // Any refusal but our own failure or "too fast, later" is final (e.g. the perspective
    // was hidden meanwhile).
    permanent: (code) => code !== "internal_error" && code !== "participant_throttled",
    timeoutMs: ACK_TIMEOUT_MS,
  });

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
    // Only the parts there are: the DOM writes a null child out as the word "null".
    ui.meta.replaceChildren(...[
      kind ? el("span", { class: `tag tag--${current.kind}`, text: kind }) : null,
      current.stakeholder_group
        ? el("span", { class: "react-card__group",
          text: format(strings.from_group, { group: current.stakeholder_group }) })
        : null,
    ].filter(Boolean));
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
    const result = await sender.send(pending);
    clearTimeout(slow);
    setBusy(false);
    if (!result) return; // offline or already on its way: it stays in the outbox
    if (result.type === "timeout") {
      // No answer in time: the reaction stays on the phone and is sent again.
      showNotice(ui.status, "warning", strings.queued);
      return;
    }
    if (result.type === "failed") {
      showNotice(ui.status, "warning", result.error.message, strings.queued);
      return;
    }
    if (result.type === "rejected" || result.type === "ended") {
      // Refused for good (e.g. the perspective was hidden meanwhile): say so, move on.
      showNotice(ui.status, "error", result.error.message || strings.request_failed);
      await requestNext();
      return;
    }
    const { ack } = result;
    const word = strings.votes[pending.vote] || pending.vote;
    ui.status.replaceChildren();
    announce(format(ack.next ? strings.saved_next : strings.saved, { vote: word }));
    if ("next" in ack) show(ack.next, ack.remaining);
    else await requestNext();
  }

  ui.buttons.addEventListener("click", (event) => {
    const button = event.target.closest("button[data-vote]");
    if (!button || busy || !current) return;
    // One waiting reaction per perspective: a second tap replaces the first.
    const pending = {
      client_id: `vote-${current.id}`, perspective_id: current.id, vote: button.dataset.vote,
    };
    outbox.add(pending);
    if (socket.connected) send(pending);
    else showNotice(ui.status, "warning", strings.queued);
  });

  ui.check.addEventListener("click", () => requestNext({ fromButton: true }));

  socket.on("connect", () => {
    showConnection(strings, "online");
    const [pending] = outbox.items();
    if (pending) send(pending);
    else requestNext();
  });
  socket.on("disconnect", () => showConnection(strings, "offline"));
  rejoinWhenRefused(socket, workshopId, joinUrl(page.dataset.workshopId),
                    () => showConnection(strings, "offline"));
  // When the facilitator opens another phase, go to its screen (unsent reactions stay).
  followPhase(socket, `/w/${workshopId}/now`);

  // A reaction whose acknowledgement did not come in time waits in the outbox: send it again
  // now and then while the connection is up (as the write page does), not only after a
  // reconnect or another tap. The server keeps one reaction per perspective.
  setInterval(() => {
    const [pending] = outbox.items();
    if (pending && socket.connected && !busy) send(pending);
  }, RESEND_EVERY_MS);

  // Back on the page after a while: others may have written something new.
  document.addEventListener("visibilitychange", () => {
    if (document.visibilityState === "visible" && !current && !busy) requestNext();
  });
}
