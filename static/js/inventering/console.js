// The facilitator console: a live feed of perspectives, moderation, counts per group.
//
// Everything arrives over Socket.IO (workshop:watch, then perspective:new/updated and
// workshop:state). Counts are recomputed here from the current list, so they always agree
// with what the facilitator sees.

import {
  ThrottledAnnouncer,
  clockTime,
  connectLive,
  displayName,
  el,
  format,
  readStrings,
  showConnection,
  showNotice,
  watchLive,
} from "../common.js";
import { blockButton } from "./block.js";
import { hideControl } from "./hide.js";
import { redactBox } from "./redact.js";
import { voices } from "./voices.js";

const strings = readStrings();
const root = document.getElementById("console");

if (root) start(root);

function start(page) {
  const workshopId = Number(page.dataset.workshopId);
  const apiToken = page.dataset.apiToken;
  const lang = page.dataset.lang || document.documentElement.lang;
  const feed = document.getElementById("feed");
  const feedEmpty = document.getElementById("feed-empty");
  const controlsStatus = document.getElementById("controls-status");
  const stateText = document.getElementById("state-text");
  const stateToggle = document.getElementById("state-toggle");
  const preModeration = document.getElementById("pre-moderation");
  const announcer = new ThrottledAnnouncer(document.getElementById("announcer"), 8000);
  const groups = Array.isArray(strings.groups) ? strings.groups : [];

  /** id -> perspective dict, as the server last described it. */
  const perspectives = new Map();
  /** id -> <li> in the feed. */
  const cards = new Map();
  /** ids with a moderation request on its way. */
  const busy = new Set();
  let filter = "all";
  let state = page.dataset.state;
  let unannounced = 0;

  // ------------------------------------------------------------ connection

  const socket = connectLive({ token: apiToken, lang });

  socket.on("connect", async () => {
    showConnection(strings, "online");
    // Rooms belong to a connection: watch again after every reconnect, and take the
    // server's list as the truth (something may have happened while we were away).
    // A late answer is asked for again (watchLive), never left as an empty feed.
    await watchLive(socket, "workshop:watch", { workshop_id: workshopId }, (ack) => {
      if (!ack || !ack.ok) {
        showNotice(controlsStatus, "error", ack?.error?.message || strings.request_failed);
        return;
      }
      perspectives.clear();
      for (const p of ack.perspectives || []) perspectives.set(p.id, p);
      if (ack.workshop) applyWorkshop(ack.workshop);
      renderAll();
    });
  });
  socket.on("disconnect", () => showConnection(strings, "offline"));
  socket.on("connect_error", () => showConnection(strings, "offline"));

  socket.on("perspective:new", (p) => {
    if (!p || p.workshop_id !== workshopId) return;
    const isNew = !perspectives.has(p.id);
    upsert(p);
    if (isNew) {
      unannounced += 1;
      announcer.schedule(() => {
        const count = unannounced;
        unannounced = 0;
        return count === 1 ? strings.new_one : format(strings.new_many, { count });
      });
    }
  });
  socket.on("perspective:updated", (p) => {
    if (p && p.workshop_id === workshopId) upsert(p);
  });
  socket.on("workshop:state", (data) => {
    if (data && data.id === workshopId) applyWorkshop({ state: data.state });
  });

  // ------------------------------------------------------------ feed

  function upsert(p) {
    perspectives.set(p.id, p);
    const existing = cards.get(p.id);
    const card = renderCard(p);
    if (existing) {
      const hadFocus = existing.contains(document.activeElement);
      existing.replaceWith(card);
      cards.set(p.id, card);
      applyFilter(card);
      if (hadFocus) focusWithin(card);
    } else {
      card.classList.add("p-card--fresh");
      cards.set(p.id, card);
      applyFilter(card);
      feed.prepend(card);
    }
    updateCounts();
  }

  function renderAll() {
    const sorted = Array.from(perspectives.values()).sort(newestFirst);
    cards.clear();
    const nodes = sorted.map((p) => {
      const card = renderCard(p);
      cards.set(p.id, card);
      applyFilter(card);
      return card;
    });
    feed.replaceChildren(...nodes);
    updateCounts();
  }

  function newestFirst(a, b) {
    const byTime = String(b.created_at).localeCompare(String(a.created_at));
    return byTime || b.id - a.id;
  }

  function renderCard(p) {
    const kindName = strings.kinds[p.kind] || p.kind;
    const short = p.text.length > 60 ? `${p.text.slice(0, 60)} …` : p.text;
    const about = format(strings.about_item, { text: short });
    const personal = Array.isArray(p.personal_data) ? p.personal_data : [];

    const actions = [];
    const button = (action, label, extra) =>
      el(
        "button",
        {
          type: "button",
          class: `button button--small button--${action}${extra ? ` ${extra}` : ""}`,
          dataset: { action, id: String(p.id) },
          onclick: () => moderate(p.id, action),
        },
        label,
        el("span", { class: "visually-hidden", text: ` ${about}` }),
      );
    if (p.status !== "approved") {
      // With personal data in it, approving is the quiet choice and hiding the clear one.
      actions.push(personal.length
        ? button("approve", strings.approve_anyway, "button--approve-anyway")
        : button("approve", strings.approve));
    }
    // Hiding asks why (a tap on a common reason, or own words): the author's phone shows it.
    const hiding = p.status !== "hidden"
      ? hideControl(p, about, strings.hide,
        (reason, code) => moderate(p.id, "hide", { reason, reason_code: code }))
      : null;
    if (hiding) actions.push(hiding.button);
    if (p.status === "hidden") actions.push(button("restore", strings.restore));
    if (p.participant_id) {
      const report = (kind, text) => showNotice(controlsStatus, kind, text);
      actions.push(blockButton(p, about, strings, apiToken, report));
    }

    return el(
      "li",
      {
        class: `p-card p-card--${p.status}${personal.length ? " p-card--personal" : ""}`,
        dataset: {
          id: String(p.id),
          status: p.status,
          kind: p.kind,
          group: p.stakeholder_group || "",
          created: p.created_at,
        },
      },
      el(
        "p",
        { class: "p-card__meta" },
        el("span", { class: `tag tag--${p.kind}`, text: kindName }),
        el("span", {
          class: "p-card__group",
          text: p.stakeholder_group ? displayName(p.stakeholder_group) : strings.no_group,
        }),
        el("time", { class: "p-card__time", datetime: p.created_at, text: clockTime(p.created_at, lang) }),
        el(
          "span",
          { class: `status status--${p.status}` },
          el("span", { class: "status__icon", "aria-hidden": "true" }),
          el("span", { class: "status__word", text: strings.status[p.status] || p.status }),
        ),
      ),
      personal.length
        ? el(
            "div",
            { class: "pd-warning" },
            el("span", { class: "pd-warning__icon", "aria-hidden": "true", text: "!" }),
            el(
              "div",
              {},
              el("p", {
                class: "pd-warning__title",
                text: format(strings.personal_data_warning, {
                  kinds: personal.map((k) => strings.personal_data[k] || k).join(", "),
                }),
              }),
              el("p", { class: "pd-warning__advice",
                text: p.status === "approved" && strings.personal_data_advice_approved
                  ? strings.personal_data_advice_approved : strings.personal_data_advice }),
            ),
          )
        : null,
      el("p", { class: "p-card__text", text: p.text }),
      // The status is in the label above; the foot holds what the facilitator can do.
      el("div", { class: "p-card__foot" }, el("div", { class: "p-card__actions" }, actions)),
      hiding ? hiding.panel : null,
      p.status !== "hidden"
        ? redactBox(p, about, (text, reason) => moderate(p.id, "redact", { text, reason }),
          (reason) => moderate(p.id, "hide", { reason }))
        : null,
    );
  }

  function focusWithin(card) {
    const target = card.hidden ? null : card.querySelector("button");
    if (target) {
      target.focus();
      return;
    }
    // The card left the current filter: go on to the next visible one, or the heading.
    let next = card.nextElementSibling;
    while (next && next.hidden) next = next.nextElementSibling;
    const fallback = next?.querySelector("button") || document.getElementById("feed-heading");
    if (fallback) {
      if (!fallback.hasAttribute("tabindex") && fallback.tagName === "H2") {
        fallback.setAttribute("tabindex", "-1");
      }
      fallback.focus();
    }
  }

  async function moderate(id, action, extra = {}) {
    // Buttons stay enabled (disabling would throw keyboard focus away); a flag stops doubles.
    if (busy.has(id)) return;
    busy.add(id);
    cards.get(id)?.setAttribute("aria-busy", "true");
    try {
      const ack = await socket.timeout(10000).emitWithAck("perspective:moderate", {
        perspective_id: id,
        action,
        ...extra,
      });
      if (ack && ack.ok && ack.perspective) {
        upsert(ack.perspective);
        const p = ack.perspective;
        const short = p.text.length > 60 ? `${p.text.slice(0, 60)} …` : p.text;
        announcer.region.textContent = format(strings.moderated, {
          status: strings.status[p.status] || p.status,
          text: short,
        });
      } else {
        showNotice(controlsStatus, "error", ack?.error?.message || strings.request_failed);
      }
    } catch {
      showNotice(controlsStatus, "error", strings.request_failed);
    } finally {
      busy.delete(id);
      cards.get(id)?.removeAttribute("aria-busy");
    }
  }

  // ------------------------------------------------------------ filters and counts

  const filterButtons = Array.from(document.querySelectorAll(".filter[data-filter]"));
  for (const button of filterButtons) {
    button.addEventListener("click", () => {
      filter = button.dataset.filter;
      for (const other of filterButtons) {
        other.setAttribute("aria-pressed", String(other === button));
      }
      for (const card of cards.values()) applyFilter(card);
      updateEmpty();
    });
  }

  function applyFilter(card) {
    card.hidden = filter !== "all" && card.dataset.status !== filter;
  }

  function updateEmpty() {
    const visible = Array.from(cards.values()).some((card) => !card.hidden);
    feedEmpty.hidden = visible;
  }

  function updateCounts() {
    const byStatus = { all: 0, pending: 0, approved: 0, hidden: 0 };
    for (const p of perspectives.values()) {
      byStatus.all += 1;
      byStatus[p.status] = (byStatus[p.status] || 0) + 1;
    }
    // Groups and kinds by the wall's rule (voices.js), so console and wall always agree.
    const { byGroup, ungrouped, byKind } = voices(Array.from(perspectives.values()), groups);

    for (const node of document.querySelectorAll("[data-count-for]")) {
      node.textContent = String(byStatus[node.dataset.countFor] || 0);
    }

    const missing = [];
    for (const row of document.querySelectorAll("#tally-groups [data-group]")) {
      const name = row.dataset.group;
      if (name === "") {
        row.hidden = ungrouped === 0;
        row.querySelector(".tally__count").textContent = String(ungrouped);
        continue;
      }
      const count = byGroup.get(name) || 0;
      if (count === 0) missing.push(name);
      row.classList.toggle("tally__row--missing", count === 0);
      const value = count === 0
        ? el("span", { class: "badge badge--missing", text: strings.missing })
        : el("span", { class: "tally__count", text: String(count) });
      row.replaceChildren(el("span", { class: "tally__name", text: displayName(name) }), value);
    }
    const missingText = document.getElementById("missing-text");
    const prompt = document.getElementById("missing-prompt");
    if (missingText) {
      missingText.textContent = missing.length
        ? format(strings.missing_list, { groups: missing.join(", ") })
        : strings.none_missing;
      prompt.classList.toggle("missing-prompt--done", missing.length === 0);
    }
    for (const row of document.querySelectorAll("#tally-kinds [data-kind]")) {
      row.querySelector(".tally__count").textContent = String(byKind[row.dataset.kind] || 0);
    }
    const total = byStatus.pending + byStatus.approved;
    const totalNode = document.getElementById("tally-total");
    if (totalNode) totalNode.textContent = format(strings.total, { count: total });
    updateEmpty();
  }

  // ------------------------------------------------------------ workshop controls

  function applyWorkshop(workshop) {
    if (workshop.state) {
      const changed = workshop.state !== state;
      state = workshop.state;
      stateText.textContent = strings.state[state] || state;
      stateText.className = `state state--${state}`;
      stateToggle.textContent = state === "closed"
        ? stateToggle.dataset.labelOpen
        : stateToggle.dataset.labelClose;
      showPause();
      if (changed) {
        showNotice(controlsStatus, "info",
          format(strings.state_changed, { state: strings.state[state] || state }));
      }
    }
    if (typeof workshop.pre_moderation === "boolean") {
      preModeration.checked = workshop.pre_moderation;
    }
  }

  async function patchWorkshop(body) {
    const response = await fetch(`/api/v1/workshops/${workshopId}`, {
      method: "PATCH",
      headers: {
        Authorization: `Bearer ${apiToken}`,
        "Content-Type": "application/json",
        Accept: "application/json",
      },
      body: JSON.stringify(body),
    });
    const answer = await response.json().catch(() => ({}));
    if (!response.ok) {
      throw new Error(answer?.error?.message || strings.request_failed);
    }
    return answer;
  }

  /** Ask in a <dialog> (keyboard: Esc cancels); resolves true when confirmed. */
  function confirmStep(dialog) {
    if (!dialog || typeof dialog.showModal !== "function") return Promise.resolve(true);
    return new Promise((resolve) => {
      dialog.returnValue = "";
      dialog.addEventListener("close", () => resolve(dialog.returnValue === "confirm"), { once: true });
      dialog.showModal();
    });
  }

  const pauseToggle = document.getElementById("pause-toggle");
  function showPause() {
    if (!pauseToggle) return;
    pauseToggle.hidden = state === "closed";
    pauseToggle.textContent = state === "paused"
      ? pauseToggle.dataset.labelResume
      : pauseToggle.dataset.labelPause;
    pauseToggle.setAttribute("aria-pressed", String(state === "paused"));
  }
  pauseToggle?.addEventListener("click", async () => {
    try {
      applyWorkshop(await patchWorkshop({ state: state === "paused" ? "open" : "paused" }));
    } catch (error) {
      showNotice(controlsStatus, "error", error.message || strings.request_failed);
    }
    showPause();
  });

  stateToggle.addEventListener("click", async () => {
    // Closing stops every phone from sending: a destructive step, so it asks first.
    if (state !== "closed" && !(await confirmStep(document.getElementById("confirm-close-workshop")))) {
      stateToggle.focus();
      return;
    }
    stateToggle.disabled = true;
    try {
      const answer = await patchWorkshop({ state: state === "open" ? "closed" : "open" });
      applyWorkshop(answer);
    } catch (error) {
      showNotice(controlsStatus, "error", error.message || strings.request_failed);
    }
    stateToggle.disabled = false;
    showPause();
  });

  preModeration.addEventListener("change", async () => {
    const wanted = preModeration.checked;
    preModeration.disabled = true;
    try {
      const answer = await patchWorkshop({ pre_moderation: wanted });
      applyWorkshop(answer);
      showNotice(controlsStatus, "info",
        answer.pre_moderation ? strings.pre_moderation_on : strings.pre_moderation_off);
    } catch (error) {
      preModeration.checked = !wanted;
      showNotice(controlsStatus, "error", error.message || strings.request_failed);
    }
    preModeration.disabled = false;
    preModeration.focus();
  });

  updateCounts();
  showPause();
}
