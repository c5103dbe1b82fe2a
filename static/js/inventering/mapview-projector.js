// The map on the projector: the graph large, the question to the room, themes, opinion
// groups by size and what nearly everyone shares. Nothing here says who voted what.

import { ThrottledAnnouncer, displayName, el, format, readStrings } from "../common.js";
import { buildModel, perspectiveOf, summaryCounts } from "./mapview-data.js";
import { createGraph } from "./mapview-graph.js";
import { watchMap } from "./mapview-live.js";
import { holdWhileBusy } from "./mapview-pause.js";
import { renderTable } from "./mapview-tables.js";

const strings = readStrings();
const root = document.getElementById("map-page");
const MAX_PROMPTS = 2;
const MAX_CONSENSUS = 2;

if (root) start(root);

function $(id) {
  return document.getElementById(id);
}

function start(page) {
  const lang = page.dataset.lang || document.documentElement.lang;
  const announcer = new ThrottledAnnouncer($("announcer"), 20000);
  const graph = createGraph($("map-canvas"), { strings, projector: true });
  graph.setHidden("co_agreement", true);
  let first = true;

  function apply(map) {
    const model = buildModel(map, strings.other_theme);
    graph.update(model);
    $("map-empty").hidden = model.perspectives.size > 0;

    $("missing-list").replaceChildren(...model.missing.slice(0, MAX_PROMPTS).map((prompt) =>
      el("li", { text: (lang === "en" ? prompt.message_en : prompt.message_sv) || "" })));

    $("theme-list").replaceChildren(...model.themes.map((theme) => el("li", {},
      el("span", { class: "swatch swatch--large", style: `background:${theme.colour}`, "aria-hidden": "true" }),
      el("span", { text: `${theme.label} (${theme.size})` }))));

    $("wall-groups").hidden = model.opinionGroups.length === 0;
    $("opinion-groups").replaceChildren(...model.opinionGroups.map((group) => el("li", {},
      el("span", { class: "og-card__letter", "aria-hidden": "true", text: group.letter }),
      el("span", { text: `${format(strings.group_letter, { letter: group.letter })}: ${
        group.size === 1 ? strings.opinion_size_one
          : format(strings.opinion_size_many, { count: group.size })}` }))));

    const shared = model.consensus.filter((row) => row.direction !== "disagree").slice(0, MAX_CONSENSUS);
    $("wall-consensus").hidden = shared.length === 0;
    $("consensus-list").replaceChildren(...shared.map((row) => {
      const p = perspectiveOf(model, row.perspective_id, row.text);
      return el("li", {}, el("span", { class: "swatch", style: `background:${p.colour}`, "aria-hidden": "true" }),
        el("span", {}, p.text,
          p.group ? el("span", { class: "map-wall__group", text: ` – ${displayName(p.group)}` }) : null));
    }));

    renderTable($("table-wrap"), model, strings);
    $("map-summary").textContent = format(strings.summary, summaryCounts(model, strings));
    page.dataset.computedAt = model.computedAt || "";
    if (!first) {
      announcer.schedule(() => format(strings.announce_updated, summaryCounts(model, strings)));
    }
    first = false;
  }

  const receive = holdWhileBusy({ apply, button: $("map-pause"), regions: [$("table-wrap")] });
  watchMap({ page, strings, view: "projector", onMap: receive });
  window.addEventListener("resize", () => {
    graph.resize();
    graph.fit();
  });

  const fullscreen = $("fullscreen");
  if (!document.fullscreenEnabled) fullscreen.hidden = true;
  fullscreen.addEventListener("click", () => {
    if (document.fullscreenElement) document.exitFullscreen();
    else document.documentElement.requestFullscreen?.();
  });
  document.addEventListener("fullscreenchange", () => {
    fullscreen.textContent = document.fullscreenElement ? strings.exit_fullscreen : strings.fullscreen;
  });
}
