// The meeting's evaluation on the phone: "Kände du dig lyssnad på?" 1 to 5, optional comment.
//
// The answer goes into the phone's one outbox before it is sent (`evaluation:submit`), and
// leaves it only when the server acknowledges it after commit, so a lost signal loses
// nothing and a resend is stored once (the server keeps one answer per client_id).

import { connectLive, readStrings, showNotice } from "../common.js";
import { Outbox, getToken, newClientId } from "../outbox.js";

const strings = readStrings();
const root = document.getElementById("evaluation-phone");

function start(page) {
  const workshopId = page.dataset.workshopId;
  const token = getToken(workshopId);
  if (!token) {
    window.location.replace(page.dataset.joinUrl);
    return;
  }
  const form = document.getElementById("evaluation-form");
  const status = document.getElementById("evaluation-status");
  const pending = new Outbox(workshopId, { name: "evaluation" });
  const socket = connectLive({ token, lang: page.dataset.lang || document.documentElement.lang });

  function done() {
    form.hidden = true;
    showNotice(status, "success", strings.thanks);
  }

  function send(item) {
    if (!socket.connected) {
      showNotice(status, "warning", strings.queued);
      return;
    }
    showNotice(status, "info", strings.sending);
    socket.timeout(10000).emit("evaluation:submit", item, (error, ack) => {
      if (error || !ack || ack?.error?.code === "internal_error") {
        showNotice(status, "warning", strings.queued); // stays in the outbox
        return;
      }
      pending.remove(item.client_id);
      if (ack.ok || ack?.error?.code === "evaluation_already_answered") done();
      else showNotice(status, "error", ack.error.message);
    });
  }

  socket.on("connect", () => pending.items().forEach(send));

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const chosen = form.querySelector("input[name=score]:checked");
    if (!chosen) {
      showNotice(status, "error", strings.choose_first);
      return;
    }
    const item = {
      workshop_id: Number(workshopId),
      score: Number(chosen.value),
      comment: form.elements.comment.value,
      client_id: newClientId(),
    };
    pending.add(item);
    send(item);
  });
}

if (root) start(root);
