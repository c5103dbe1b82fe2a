// The facilitator's konkretisering pages, kept live: check-back tallies, vote tallies,
// fishing answers and new amendments appear without a reload. Every change itself is made
// by the pages' ordinary forms, so all of it also works without JavaScript.

import { ThrottledAnnouncer, connectLive, el, format, readStrings, showConnection }
  from "../common.js";

const strings = readStrings();
const root = document.getElementById("konkret-console");

if (root) start(root);

function setCount(scope, key, value) {
  const cell = scope?.querySelector(`[data-count="${key}"]`);
  if (cell && value !== undefined && cell.textContent !== String(value)) {
    cell.textContent = String(value);
  }
}

function start(page) {
  const processId = Number(page.dataset.processId);
  const alternativeId = Number(page.dataset.alternativeId || 0);
  const announcer = new ThrottledAnnouncer(document.getElementById("konkret-live"), 6000);
  const socket = connectLive({ token: page.dataset.apiToken,
    lang: page.dataset.lang || document.documentElement.lang });

  socket.on("connect", () => {
    showConnection(strings, "online");
    socket.emit("konkret:watch", { process_id: processId }, (ack) => {
      // From here on this page hears every change of the process.
      if (ack && ack.ok) page.dataset.watching = "true";
    });
  });
  socket.on("disconnect", () => {
    page.dataset.watching = "false";
    showConnection(strings, "offline");
  });
  socket.on("connect_error", () => showConnection(strings, "offline"));

  socket.on("checkback:tally", (data) => {
    const round = document.getElementById(`checkback-${data.round_id}`);
    if (!round) return;
    const row = round.querySelector(`tr[data-alternative-id="${data.alternative_id}"]`);
    Object.entries(data.tally || {}).forEach(([key, value]) => setCount(row, key, value));
    const respondents = round.querySelector("[data-respondents]");
    if (respondents) respondents.textContent = String(data.participants ?? "");
    announcer.schedule(() => format(strings.rated, { count: data.participants ?? "" }));
  });

  socket.on("vote:tally", (data) => {
    const box = document.querySelector(`[data-vote-tally="${data.vote_round_id}"]`);
    if (!box) return;
    Object.entries(data.tally || {}).forEach(([key, value]) => setCount(box, key, value));
    announcer.schedule(() => format(strings.voted, { count: data.tally?.total ?? "" }));
  });

  socket.on("fishing:answer", (data) => {
    const list = document.querySelector(`[data-fishing-answers="${data.prompt_id}"]`);
    if (!list || !data.answer) return;
    list.querySelector("[data-empty]")?.remove();
    const flagged = (data.answer.personal_data || []).length > 0;
    list.append(el("li", { class: "fishing-answer" },
      flagged ? el("em", { text: strings.hidden_answer }) : null, " ",
      el("span", { text: data.answer.text })));
    announcer.schedule(() => strings.fishing_answer);
  });

  socket.on("amendment:new", (data) => {
    if (!alternativeId || data.alternative_id !== alternativeId) return;
    const list = document.querySelector(`[data-amendments="${alternativeId}"]`);
    if (!list || document.getElementById(`amendment-${data.amendment.id}`)) return;
    list.querySelector("[data-empty]")?.remove();
    const who = data.amendment.participant_id
      ? format(strings.participant, { participant: data.amendment.participant_id }) : "";
    list.append(el("li", { class: "amendment", id: `amendment-${data.amendment.id}` },
      el("p", { text: data.amendment.text }),
      el("p", { class: "muted small", text: `${who} · ${strings.included}` })));
    announcer.schedule(() => strings.amendment);
  });
}
