// The facilitator's samtal console, live: reflections arrive and the learning indicators
// update; readings on the resistance line from other devices appear with their intervention.
// Everything on the page works without this script (forms post to the server); with it, a
// reflection is approved, hidden or edited in place (moderate.js) and every console follows.

import { ThrottledAnnouncer, clockTime, connectLive, el, format, readStrings, showNotice }
  from "../common.js";
import { reflectionCard } from "./moderate.js";

const strings = readStrings();
const root = document.getElementById("samtal-console");
const LEVELS = 8;
// The same geometry as dialog/web/resistance_chart.py.
const CHART = { width: 900, height: 260, left: 150, right: 16, top: 14, stepMax: 90 };

if (root) start(root);

function start(page) {
  const announcer = new ThrottledAnnouncer(document.getElementById("samtal-live"), 6000);
  const socket = connectLive({ token: page.dataset.apiToken, lang: page.dataset.lang });
  const status = document.getElementById("moderation-status");
  const busy = new Set();
  let entries = [];

  const card = (reflection, note) => reflectionCard(reflection, note, page.dataset.lang,
    (action, extra = {}) => moderate(reflection, action, extra));

  /** Draw a reflection again as the server now describes it; the focus stays in its card. */
  function redraw(reflection, note) {
    const old = document.querySelector(`.reflection[data-id="${reflection.id}"]`);
    if (!old) return;
    const hadFocus = old.contains(document.activeElement);
    const fresh = card(reflection, note);
    old.replaceWith(fresh);
    if (hadFocus) fresh.querySelector("[data-moderation] button")?.focus();
  }

  // The server drew the cards with forms; here they get the same controls as live ones.
  for (const drawn of page.querySelectorAll(".reflection[data-reflection]")) {
    try {
      const reflection = JSON.parse(drawn.dataset.reflection);
      drawn.replaceWith(card(reflection, reflection.note));
    } catch {
      /* keep the server's forms */
    }
  }

  /** Approve, hide or redact through the API's action (the same one the forms and the API use). */
  async function moderate(reflection, action, extra) {
    // Buttons stay enabled (disabling would throw the focus away); a flag stops doubles.
    if (busy.has(reflection.id)) return;
    busy.add(reflection.id);
    try {
      const response = await fetch(`/api/v1/reflections/${reflection.id}/moderation`, {
        method: "POST",
        headers: { Authorization: `Bearer ${page.dataset.apiToken}`,
          "Content-Type": "application/json", Accept: "application/json",
          "Accept-Language": page.dataset.lang || "" },
        body: JSON.stringify({ action, ...extra }),
      });
      const answer = await response.json().catch(() => ({}));
      if (!response.ok) throw new Error(answer?.error?.message || strings.moderation_failed);
      redraw(answer, action === "hide" || action === "redact"
        ? { action, reason: extra.reason } : null);
      showNotice(status, "success",
        format(strings.moderated, { status: strings.status[answer.status] || answer.status }));
    } catch (error) {
      showNotice(status, "error", error.message || strings.moderation_failed);
    } finally {
      busy.delete(reflection.id);
    }
  }

  socket.on("connect", async () => {
    try {
      const ack = await socket.timeout(10000).emitWithAck("samtal:watch", {
        process_id: Number(page.dataset.processId),
      });
      if (ack && ack.ok) {
        entries = ack.resistance || [];
        page.dataset.watching = "true"; // from here on it hears every change of the process
      }
    } catch {
      /* the page already shows what the server rendered */
    }
  });

  socket.on("reflection:new", ({ reflection, indicators }) => {
    const article = document.querySelector(`[data-round-id="${reflection.round_id}"]`);
    if (!article) return;
    const list = article.querySelector("[data-reflections]");
    if (list && !list.querySelector(`[data-id="${reflection.id}"]`)) {
      list.prepend(card(reflection, null));
      const count = article.querySelector("[data-count]");
      if (count) count.textContent = String(list.children.length);
    }
    updateIndicators(article, indicators);
    const title = article.querySelector("h3")?.textContent || "";
    announcer.schedule(() => format(strings.new_reflection, { title }));
  });

  socket.on("reflection:updated", ({ reflection, indicators, note }) => {
    redraw(reflection, note);
    const article = document.querySelector(`[data-round-id="${reflection.round_id}"]`);
    if (article) updateIndicators(article, indicators);
  });

  socket.on("resistance:new", ({ entry }) => {
    if (entries.some((known) => known.id === entry.id)) return;
    entries.push(entry);
    addRow(entry, page.dataset.lang);
    showIntervention(entry);
    drawChart(entries);
    announcer.schedule(() => format(strings.new_entry, entry));
  });

  const refresh = () => {
    const region = document.getElementById("samtal-live");
    if (region) region.textContent = strings.round_changed;
  };
  socket.on("samtal:round", refresh);
  socket.on("phase:changed", refresh);
}

function updateIndicators(article, indicators) {
  if (!indicators) return;
  for (const node of article.querySelectorAll("[data-ind]")) {
    const path = node.dataset.ind.split(".");
    const value = path.reduce((value, key) => (value == null ? value : value[key]), indicators);
    if (value != null) node.textContent = String(value);
  }
  const movers = article.querySelector("[data-movers]");
  if (movers && indicators.moved_by && indicators.moved_by.length) {
    movers.replaceChildren(...indicators.moved_by.map((m) => el("li", {},
      `${m.count}: `, el("span", { text: m.text || "" }),
      m.stakeholder_group ? ` (${m.stakeholder_group})` : "")));
  }
}

function addRow(entry, lang) {
  const rows = document.getElementById("resistance-rows");
  if (!rows) return;
  rows.prepend(el("tr", {},
    el("td", {}, el("time", { datetime: entry.created_at, text: clockTime(entry.created_at, lang) })),
    el("td", { text: `${entry.position}. ${entry.name}` }),
    el("td", { text: entry.note || "" }),
    el("td", { text: entry.intervention || "" })));
}

function showIntervention(entry) {
  const box = document.getElementById("intervention");
  if (!box) return;
  box.replaceChildren(el("div", { class: `intervention intervention--${entry.zone}` },
    el("p", { class: "intervention__level", text: `${entry.position}. ${entry.name}` }),
    el("h3", { class: "h4", text: entry.intervention }),
    el("p", { text: entry.how })));
}

function drawChart(all) {
  const svg = document.getElementById("resistance-svg");
  if (!svg) return; // the first reading: the next page load draws the chart
  const row = (CHART.height - 2 * CHART.top) / (LEVELS - 1);
  const usable = CHART.width - CHART.left - CHART.right;
  const step = Math.min(CHART.stepMax, usable / Math.max(all.length - 1, 1));
  const points = all.map((entry, i) => ({
    x: CHART.left + i * step, y: CHART.top + (LEVELS - entry.position) * row, zone: entry.zone,
  }));
  svg.querySelector(".chart-line")?.setAttribute("points", points.map((p) => `${p.x},${p.y}`).join(" "));
  for (const old of svg.querySelectorAll(".chart-point")) old.remove();
  const ns = "http://www.w3.org/2000/svg";
  for (const p of points) {
    const dot = document.createElementNS(ns, "circle");
    dot.setAttribute("cx", p.x);
    dot.setAttribute("cy", p.y);
    dot.setAttribute("r", "7");
    dot.setAttribute("class", `chart-point chart-point--${p.zone}`);
    svg.append(dot);
  }
}
