// The facilitator's samtal console, live: reflections arrive and the learning indicators
// update; readings on the resistance line from other devices appear with their intervention.
// Everything on the page works without this script (forms post to the server).

import { ThrottledAnnouncer, clockTime, connectLive, el, format, readStrings } from "../common.js";

const strings = readStrings();
const root = document.getElementById("samtal-console");
const LEVELS = 8;
// The same geometry as dialog/web/resistance_chart.py.
const CHART = { width: 900, height: 260, left: 150, right: 16, top: 14, stepMax: 90 };

if (root) start(root);

function start(page) {
  const announcer = new ThrottledAnnouncer(document.getElementById("samtal-live"), 6000);
  const socket = connectLive({ token: page.dataset.apiToken, lang: page.dataset.lang });
  let entries = [];

  socket.on("connect", async () => {
    try {
      const ack = await socket.timeout(10000).emitWithAck("samtal:watch", {
        process_id: Number(page.dataset.processId),
      });
      if (ack && ack.ok) entries = ack.resistance || [];
    } catch {
      /* the page already shows what the server rendered */
    }
  });

  socket.on("reflection:new", ({ reflection, indicators }) => {
    const article = document.querySelector(`[data-round-id="${reflection.round_id}"]`);
    if (!article) return;
    const list = article.querySelector("[data-reflections]");
    if (list && !list.querySelector(`[data-id="${reflection.id}"]`)) {
      list.prepend(reflectionItem(reflection, page.dataset.lang));
      const count = article.querySelector("[data-count]");
      if (count) count.textContent = String(list.children.length);
    }
    updateIndicators(article, indicators);
    const title = article.querySelector("h3")?.textContent || "";
    announcer.schedule(() => format(strings.new_reflection, { title }));
  });

  socket.on("reflection:updated", ({ reflection, indicators }) => {
    const item = document.querySelector(`.reflection[data-id="${reflection.id}"]`);
    if (item) item.className = `p-card p-card--${reflection.status} reflection`;
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

function reflectionItem(reflection, lang) {
  const group = reflection.stakeholder_group
    ? reflection.stakeholder_group.charAt(0).toLocaleUpperCase() + reflection.stakeholder_group.slice(1)
    : strings.ungrouped;
  return el(
    "li",
    { class: `p-card p-card--${reflection.status} reflection`, dataset: { id: reflection.id } },
    el("p", { class: "p-card__meta" },
      el("span", { class: "tag", text: strings.view_changes[reflection.view_change] || "" }),
      el("span", { class: "p-card__group", text: group }),
      reflection.status === "pending" ? el("span", { class: "badge", text: strings.pending }) : null),
    ["understood", "question", "keep"].filter((key) => reflection[key]).map((key) =>
      el("p", { class: "reflection__line" },
        el("span", { class: "reflection__prompt", text: `${strings.prompts[key]}:` }), " ",
        el("span", { lang, text: reflection[key] }))),
    reflection.moved_by
      ? el("p", { class: "small muted", text: `${strings.moved_by}: ${reflection.moved_by.text}` })
      : null,
  );
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
