// The facilitator's perspective map: graph, missing perspectives, opinion groups and the
// table, all redrawn from one model each time the analysis pushes a fresh map.

import { ThrottledAnnouncer, clockTime, displayName, el, format, readStrings, showNotice }
  from "../common.js";
import { buildModel, shorten, summaryCounts } from "./mapview-data.js";
import { createGraph } from "./mapview-graph.js";
import { renderLinkForm } from "./mapview-links.js";
import {
  quote,
  renderBridging,
  renderConsensus,
  renderCoverage,
  renderDivisive,
  renderMissing,
  renderOpinionGroups,
  renderTable,
  renderThemes,
  renderUncertain,
  voteBar,
} from "./mapview-panels.js";
import { watchMap } from "./mapview-live.js";
import { holdWhileBusy } from "./mapview-pause.js";
import { addRenameForms, viewSwitch } from "./mapview-people.js";

const strings = readStrings();
const root = document.getElementById("map-page");

if (root) start(root);

function $(id) {
  return document.getElementById(id);
}

/** The sentence that describes the graph to anyone who cannot see it. */
function summarise(model) {
  return `${format(strings.summary, summaryCounts(model, strings))} ${strings.table_hint}`;
}

function start(page) {
  const lang = page.dataset.lang || document.documentElement.lang;
  const announcer = new ThrottledAnnouncer($("announcer"), 15000);
  const status = $("map-status");
  let model = buildModel(null);
  let selected = null;
  let first = true;

  const graph = createGraph($("map-canvas"), { strings, onSelect: (key) => {
    selected = key;
    showDetails();
  } });
  // A saved link reaches the map with the next map:update; ask over HTTP only when offline.
  const links = renderLinkForm({ page, strings, onSaved: () => {
    if (!live.socket.connected) live.refresh();
  } });

  for (const box of document.querySelectorAll("[data-show]")) {
    if (!box.checked) graph.setHidden(box.dataset.show, true);
    box.addEventListener("change", () => graph.setHidden(box.dataset.show, !box.checked));
  }
  $("map-fit").addEventListener("click", () => graph.fit());
  viewSwitch({ onGraph: () => {
    graph.resize();
    graph.fit();
  } });

  function showDetails() {
    const box = $("node-details");
    const node = selected && model.nodes.get(selected);
    if (!node) {
      box.replaceChildren(el("p", { class: "muted small", text: strings.details_hint }));
      return;
    }
    if (node.type === "perspective") {
      const p = [...model.perspectives.values()].find((item) => item.node === node.key);
      if (!p) return;
      box.replaceChildren(
        el("p", { class: "small muted", text: `#${p.id} · ${strings.kinds[p.kind] || p.kind}`
          + (p.source ? ` · ${(strings.sources || {})[p.source] || p.source}` : "") }),
        ...quote(strings, p),
        voteBar(strings, p),
        el("div", { class: "button-row" },
          el("button", { type: "button", class: "button button--secondary button--small",
            text: strings.link_from_this, onclick: () => links.choose("source", p.id) }),
          el("button", { type: "button", class: "button button--secondary button--small",
            text: strings.link_to_this, onclick: () => links.choose("target", p.id) })),
      );
      return;
    }
    const theme = node.type === "theme" ? model.themeByKey.get(node.key.slice(2)) : null;
    const group = node.type === "opinion_group" ? model.opinionByKey.get(node.key.slice(2)) : null;
    const text = {
      theme: () => format(strings.node.theme, { label: theme?.label || "" }),
      stakeholder_group: () => `${format(strings.node.stakeholder_group, {
        name: displayName(node.name || node.key.slice(2)) })} · ${format(strings.node.stakeholder_count,
        { count: node.count || 0 })}`,
      opinion_group: () => format(strings.node.opinion_group,
        { letter: group?.letter || "", size: group?.size || 0 }),
    }[node.type];
    box.replaceChildren(el("p", { text: text ? text() : node.key }),
      theme?.terms?.length ? el("p", { class: "small muted", text: theme.terms.join(", ") }) : "");
  }

  function apply(map) {
    model = buildModel(map, strings.other_theme);
    graph.update(model);
    renderMissing($("missing-list"), $("missing-none"), model, lang);
    renderOpinionGroups($("opinion-groups"), $("opinion-none"), model, strings);
    renderConsensus($("consensus-list"), $("consensus-none"), model, strings);
    renderDivisive($("divisive-list"), $("divisive-none"), model, strings, lang);
    renderBridging($("bridging-list"), $("bridging-none"), model, strings, lang);
    renderUncertain($("uncertain-section"), $("uncertain-list"), model, strings);
    renderThemes($("theme-list"), $("themes-none"), model, strings);
    addRenameForms($("theme-list"), model, page, () => {
      if (!live.socket.connected) live.refresh();
    });
    renderCoverage($("coverage-wrap"), model, strings);
    renderTable($("table-wrap"), model, strings);
    links.update([...model.perspectives.values()].map((p) => ({
      id: p.id, label: `#${p.id} ${shorten(p.text, 50)}` })));
    $("map-summary").textContent = summarise(model);
    const stamp = model.computedAt ? clockTime(model.computedAt, lang) : clockTime(new Date().toISOString(), lang);
    $("map-updated").textContent = format(strings.updated, { time: stamp });
    page.dataset.computedAt = model.computedAt || "";
    status.replaceChildren();
    showDetails();
    if (!first) {
      announcer.schedule(() => format(strings.announce_updated, summaryCounts(model, strings)));
    }
    first = false;
  }

  window.dialogMap = graph.cy; // handy in the browser console and in tests
  const receive = holdWhileBusy({
    apply,
    button: $("map-pause"),
    note: $("map-pending"),
    regions: ["missing-list", "node-details", "opinion-groups", "consensus-list", "divisive-list",
      "bridging-list", "uncertain-list", "theme-list", "coverage-wrap", "table-wrap"].map($),
  });
  const live = watchMap({ page, strings, onMap: receive,
    onError: (message) => showNotice(status, "warning", message) });
  window.addEventListener("resize", () => graph.resize());
}
