// The phone in konkretisering: rate alternatives (check-back), vote, answer the minority's
// question ("vad skulle krävas…") and the go-fishing prompt. An answer the facilitator hid
// says so on the phone that wrote it, with the reason (live, and whenever the state is read).
//
// What the phone shows comes from `konkret:join` (the same state as GET /api/v1/me/konkret)
// and is asked again whenever the server pushes news. Every answer carries a client_id and
// waits in a small outbox in localStorage until the server acknowledges it after commit.
// Once the phone's meeting is closed the state lists only what is answered from home (a
// check-back with a deadline) and says why the rest is gone; words that were written for a
// question no longer on the page stay on it, to copy.

import { connectLive, el, format, readStrings, showConnection, showNotice } from "../common.js";
import {
  Outbox, REFUSAL, getToken, joinUrl, newClientId, refusal, rejoinWhenRefused,
} from "../outbox.js";
import { followPhase } from "../phase_follow.js";

const strings = readStrings();
const page = document.getElementById("konkret-phone");
const RATINGS = ["supports", "can_live_with", "objects"];
const VOTES = ["for", "against"];

function start(root) {
  const workshopId = root.dataset.workshopId;
  const token = getToken(workshopId);
  if (!token) {
    window.location.replace(joinUrl(root.dataset.workshopId));
    return;
  }
  const status = document.getElementById("phone-status");
  const pending = new Outbox(workshopId, { name: "konkret" }); // answers not yet acknowledged
  const notices = new Map(); // card id -> [kind, lines]: survive a re-render
  const unsent = new Set(); // words written for a question that left the page
  const socket = connectLive({ token, lang: root.dataset.lang || document.documentElement.lang });

  function cardNotice(cardId, kind, ...lines) {
    notices.set(cardId, [kind, lines]);
    showNotice(document.getElementById(`status-${cardId}`) || status, kind, ...lines);
  }

  function renderOutbox() {
    const badge = document.getElementById("outbox-count");
    const count = pending.size;
    badge.hidden = !(count && !socket.connected);
    badge.textContent = count === 1 ? strings.outbox_one : format(strings.outbox_many, { count });
  }

  function send(item) {
    if (!socket.connected) {
      cardNotice(item.card, "warning", strings.queued);
      renderOutbox();
      return;
    }
    cardNotice(item.card, "info", strings.sending);
    socket.timeout(10000).emit(item.event, item.payload, (error, ack) => {
      if (error || !ack) {
        cardNotice(item.card, "warning", strings.queued); // stays in the outbox
        renderOutbox();
        return;
      }
      // Any refusal but our own failure is final here (a closed vote, a wrong answer),
      // except a pause, too fast, or the end of the meeting: see refusal() in outbox.js.
      const kind = ack.ok ? null : refusal(ack.error?.code, (code) => code !== "internal_error");
      if (kind === REFUSAL.WAIT || kind === REFUSAL.LATER) {
        // Kept: sent when the meeting goes on, or on the next connect.
        cardNotice(item.card, "warning", ack.error.message);
        return;
      }
      if (kind === REFUSAL.RETRY) {
        cardNotice(item.card, "warning", strings.queued); // stays in the outbox
        renderOutbox();
        return;
      }
      pending.remove(item.client_id);
      renderOutbox();
      if (ack.ok) {
        cardNotice(item.card, "success", strings.saved);
        refresh();
        return;
      }
      if (!giveBack(item)) {
        keepUnsent([item.payload.text]); // its card is gone (the meeting closed)
        notices.delete(item.card);
        return;
      }
      cardNotice(item.card, "error", kind === REFUSAL.ENDED ? strings.ended : ack.error.message);
    });
  }

  /** A refused written answer goes back into its box (emptied when it was sent); false
   * when the box is no longer on the page. */
  function giveBack(item) {
    const area = document.getElementById(`text-${item.card}`);
    if (!area) return !item.payload.text;
    if (!area.value && item.payload.text) area.value = item.payload.text;
    return true;
  }

  /** Words that can no longer be sent (their question left the page): shown to copy. */
  function keepUnsent(texts) {
    for (const text of texts) if (text && text.trim()) unsent.add(text.trim());
    if (unsent.size) {
      showNotice(document.getElementById("not-sent"), "warning", strings.not_sent, [...unsent]);
    }
  }

  function submit(card, event, payload) {
    const clientId = newClientId();
    const item = { client_id: clientId, card, event, payload: { ...payload, client_id: clientId } };
    pending.add(item); // into the outbox first: nothing typed is lost to a lost signal
    send(item);
  }

  function refresh(announce) {
    socket.emit("konkret:join", {}, (state) => {
      if (!state || !state.ok) return;
      render(state);
      if (announce) showNotice(status, "info", announce);
    });
  }

  // ------------------------------------------------------------ rendering

  function keepDrafts(fn) {
    const drafts = new Map();
    const typed = Array.from(page.querySelectorAll("textarea[id]"), (node) => [node.id, node.value]);
    typed.forEach(([id, value]) => drafts.set(id, value));
    page.querySelectorAll("input[type=radio]:checked").forEach((node) => {
      drafts.set(node.name, node.value);
    });
    const focused = document.activeElement && document.activeElement.id;
    fn();
    // A box that left the page with words in it (its question closed): keep them to copy.
    keepUnsent(typed.filter(([id]) => !document.getElementById(id)).map(([, value]) => value));
    drafts.forEach((value, key) => {
      const node = document.getElementById(key);
      if (node && node.tagName === "TEXTAREA" && !node.value) node.value = value;
      const radio = page.querySelector(`input[name="${CSS.escape(key)}"][value="${CSS.escape(value)}"]`);
      if (radio) radio.checked = true;
    });
    if (focused) document.getElementById(focused)?.focus();
    notices.forEach(([kind, lines], cardId) => {
      const region = document.getElementById(`status-${cardId}`);
      if (region) showNotice(region, kind, ...lines);
    });
  }

  function render(state) {
    document.getElementById("meeting-closed").hidden = !state.meeting_closed;
    keepDrafts(() => {
      fill("minority", state.minority_prompts.map(minorityCard));
      fill("fishing", state.fishing.map(fishingCard));
      fill("vote", state.votes.map(voteCard));
      fill("checkback", state.checkback_rounds.map(checkbackRound));
    });
    const any = state.minority_prompts.length || state.fishing.length || state.votes.length
      || state.checkback_rounds.length;
    // "Nothing right now, the next question comes by itself" is not so once the meeting ended.
    document.getElementById("nothing-open").hidden = Boolean(any || state.meeting_closed);
  }

  function fill(name, nodes) {
    document.getElementById(`${name}-list`).replaceChildren(...nodes);
    document.getElementById(`${name}-section`).hidden = nodes.length === 0;
  }

  function choices(name, values, labels, hints, legend, chosen) {
    return el("fieldset", { class: "choices" },
      el("legend", { class: "field__label", text: legend }),
      el("div", { class: "choices__list" }, values.map((value) => el("label",
        { class: `choice choice--${value}` },
        el("input", { type: "radio", name, value, id: `${name}-${value}`,
          checked: chosen === value }),
        el("span", { class: "choice__text" },
          el("span", { class: "choice__title", text: labels[value] }),
          hints ? el("span", { class: "choice__hint", text: hints[value] }) : null)))));
  }

  function textField(id, label, rows = 3) {
    return el("div", { class: "field" },
      el("label", { class: "field__label", for: id, text: label }),
      el("textarea", { class: "input textarea", id, name: id, rows: String(rows),
        maxlength: "1000" }));
  }

  function card(id, heading, ...children) {
    return el("article", { class: "card stack k-card", id: `card-${id}`,
      "aria-labelledby": `title-${id}` },
      el("h3", { class: "h4", id: `title-${id}`, text: heading }), ...children);
  }

  function form(id, fields, button, onSubmit) {
    const node = el("form", { class: "stack", novalidate: true }, fields,
      el("div", { class: "status-region", id: `status-${id}`, "aria-live": "polite" }),
      el("button", { class: "button button--primary button--block", type: "submit",
        "aria-describedby": `title-${id}`, text: button }));
    node.addEventListener("submit", (event) => {
      event.preventDefault();
      onSubmit(node);
    });
    return node;
  }

  function checkbackRound(round) {
    const until = round.closes_at ? format(strings.open_until,
      { date: new Date(round.closes_at).toLocaleString(root.dataset.lang === "en" ? "en-GB" : "sv-SE",
        { dateStyle: "medium", timeStyle: "short" }) })
      : null;
    return el("div", { class: "stack", dataset: { roundId: round.id } },
      el("p", { class: "eyebrow", text: round.title }),
      until ? el("p", { class: "small muted", text: until }) : null,
      round.alternatives.map((alternative) => rateCard(round, alternative)));
  }

  function rateCard(round, alternative) {
    const id = `cb-${round.id}-${alternative.id}`;
    const mine = alternative.my_rating;
    return card(id, alternative.title,
      alternative.description ? el("p", { text: alternative.description }) : null,
      mine ? el("p", { class: "small my-answer",
        text: format(strings.your_rating, { rating: strings.ratings[mine.value] }) }) : null,
      form(id, [
        choices(`rating-${id}`, RATINGS, strings.ratings, strings.rating_hints,
          format(strings.rating_legend, { title: alternative.title }), mine?.value),
        textField(`reason-${id}`, strings.reason_label, 2),
      ], strings.send_rating, (node) => {
        const chosen = node.querySelector(`input[name="rating-${id}"]:checked`);
        if (!chosen) {
          cardNotice(id, "error", strings.choose_first);
          node.querySelector("input[type=radio]").focus();
          return;
        }
        submit(id, "checkback:rate", { round_id: round.id, alternative_id: alternative.id,
          value: chosen.value, reason: node.querySelector("textarea").value });
      }));
  }

  function voteCard(vote) {
    const id = `vote-${vote.id}`;
    const mine = vote.my_vote;
    return card(id, vote.title,
      el("p", { class: "small", text: format(strings.vote_number, { number: vote.number }) }),
      el("details", {}, el("summary", { text: strings.voted_text }),
        el("p", { class: "voted-text", text: vote.text })),
      mine ? el("p", { class: "small my-answer",
        text: format(strings.your_vote, { vote: strings.votes[mine.value] }) }) : null,
      form(id, [
        choices(`choice-${id}`, VOTES, strings.votes, null,
          format(strings.vote_legend, { title: vote.title }), mine?.value),
        textField(`reason-${id}`, strings.reason_label, 2),
      ], strings.send_vote, (node) => {
        const chosen = node.querySelector(`input[name="choice-${id}"]:checked`);
        if (!chosen) {
          cardNotice(id, "error", strings.choose_first);
          node.querySelector("input[type=radio]").focus();
          return;
        }
        submit(id, "vote:cast", { vote_round_id: vote.id, value: chosen.value,
          reason: node.querySelector("textarea").value });
      }));
  }

  // What the phone already sent: texts, or answers ({text, hidden, note}) that say when the
  // facilitator hid one, and why (a common reason in this phone's language).
  function answers(label, items) {
    if (!items.length) return null;
    return el("div", { class: "small" }, el("p", { text: label }),
      el("ul", { class: "my-list" }, items.map((item) => (typeof item === "string"
        ? el("li", { text: item })
        : el("li", { class: item.hidden ? "my-answer my-answer--hidden" : "my-answer" },
          el("span", { text: item.text }),
          item.hidden ? el("p", { class: "my-answer__note", text: hiddenText(item.note) }) : null)))));
  }

  function hiddenText(note) {
    const reason = (strings.reasons || {})[note?.reason_code] || note?.reason || "";
    return format(strings.answer_hidden || "", { reason });
  }

  function writtenCard(id, heading, lead, label, mine, mineLabel, event, payload) {
    return card(id, heading, lead, answers(mineLabel, mine),
      form(id, [textField(`text-${id}`, label)], strings.send, (node) => {
        const area = node.querySelector("textarea");
        if (!area.value.trim()) {
          cardNotice(id, "error", strings.write_first);
          area.focus();
          return;
        }
        submit(id, event, { ...payload, text: area.value });
        area.value = "";
      }));
  }

  function minorityCard(prompt) {
    return writtenCard(`min-${prompt.vote_round_id}`, prompt.title,
      [el("p", { class: "minority-question__q", text: strings.minority_question || prompt.question }),
        el("details", {}, el("summary", { text: strings.voted_text }),
          el("p", { class: "voted-text", text: prompt.text }))],
      strings.fishing_label, prompt.my_conditions, strings.your_conditions,
      "minority:answer", { vote_round_id: prompt.vote_round_id });
  }

  function fishingCard(prompt) {
    const mine = prompt.my_answer_items?.length ? prompt.my_answer_items : prompt.my_answers;
    return writtenCard(`fish-${prompt.id}`, prompt.question, null, strings.fishing_label,
      mine, strings.your_answers, "fishing:answer", { prompt_id: prompt.id });
  }

  // ------------------------------------------------------------ the connection

  socket.on("connect", () => {
    showConnection(strings, "online");
    renderOutbox();
    refresh();
    pending.items().forEach(send); // resend what waited; the server stores each client_id once
  });
  socket.on("disconnect", () => {
    showConnection(strings, "offline");
    renderOutbox();
  });
  rejoinWhenRefused(socket, workshopId, joinUrl(root.dataset.workshopId),
                    () => showConnection(strings, "offline"));
  // In-room answers follow the meeting: sent when it continues after a pause; when it
  // closes, what still waits hears so now (and a written answer goes back into its box).
  // What the phone offers follows it too: a closed meeting's votes and questions leave the
  // page (with a line that says why), and come back if the meeting opens again.
  socket.on("workshop:state", (data) => {
    if (!data || (data.state !== "open" && data.state !== "closed")) return;
    pending.items().forEach(send);
    refresh();
  });
  // When the facilitator opens another phase, go to its screen (unsent answers stay).
  followPhase(socket, `/w/${workshopId}/now`);
  socket.on("checkback:round", (data) => refresh(
    data?.round?.status === "open" ? format(strings.checkback_pushed, { title: data.round.title }) : null));
  socket.on("vote:opened", (data) => refresh(
    format(strings.vote_pushed, { title: data?.vote_round?.alternative_title || "" })));
  socket.on("vote:closed", () => refresh());
  socket.on("alternative:outcome", () => refresh());
  socket.on("fishing:prompt", () => refresh(strings.fishing_pushed));
  socket.on("fishing:closed", () => refresh());
  // The facilitator hid one of my answers (or showed it again): say so on its card, and why.
  socket.on("fishing:answer_status", (data) => {
    if (!data) return;
    cardNotice(`fish-${data.prompt_id}`, "info",
      data.hidden ? hiddenText(data.note) : strings.answer_shown);
    refresh();
  });
  socket.on("minority:prompt", (data) => refresh(
    format(strings.minority_pushed, { title: data?.title || "" })));
  renderOutbox();
}

// Last: the class above must be defined before the page starts.
if (page) start(page);
