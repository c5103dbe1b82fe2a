// Two tables: the coverage matrix (stakeholder group × theme) and the whole map as a table,
// the screen reader's way through the graph.

import { displayName, el, format } from "../common.js";
import { shorten } from "./mapview-data.js";

export function renderCoverage(wrap, model, strings) {
  const coverage = model.coverage;
  const groups = coverage?.groups || [];
  const themeIds = (coverage?.themes || []).map(String);
  if (!groups.length || !themeIds.length) {
    wrap.replaceChildren();
    wrap.hidden = true;
    return;
  }
  wrap.hidden = false;
  const labels = coverage.theme_labels || [];
  const head = el("tr", {},
    el("th", { scope: "col", text: strings.coverage_group }),
    themeIds.map((id, c) => {
      const theme = model.themeByKey.get(id);
      return el("th", { scope: "col" },
        theme ? el("span", { class: "swatch", style: `background:${theme.colour}`, "aria-hidden": "true" }) : null,
        theme ? theme.label : labels[c] || id);
    }),
    el("th", { scope: "col", text: strings.coverage_total }));
  const rows = groups.map((group, r) => {
    const total = coverage.group_totals?.[r] ?? 0;
    return el("tr", { class: total ? "" : "coverage__row--missing" },
      el("th", { scope: "row" }, displayName(group),
        total ? null : el("span", { class: "badge badge--missing", text: strings.missing })),
      themeIds.map((_id, c) => {
        const count = coverage.counts?.[r]?.[c] ?? 0;
        return count
          ? el("td", { class: "coverage__cell", text: String(count) })
          : el("td", { class: "coverage__cell coverage__cell--empty" },
            el("span", { "aria-hidden": "true", text: "–" }),
            el("span", { class: "visually-hidden", text: strings.coverage_none }));
      }),
      el("td", { class: "coverage__cell coverage__cell--total", text: String(total) }));
  });
  const table = el("table", { class: "data-table coverage" },
    el("caption", { text: strings.coverage_caption }),
    el("thead", {}, head),
    el("tbody", {}, rows));
  const extra = coverage.ungrouped
    ? el("p", { class: "small muted", text: format(strings.coverage_ungrouped, { count: coverage.ungrouped }) })
    : null;
  wrap.replaceChildren(table, extra || "");
}

/** Relations that read the same both ways; the others read from the link's source. */
const SYMMETRIC = new Set(["same_as", "similar", "co_agreement"]);

function linkList(strings, p) {
  if (!p.links.length) return "–";
  const groups = new Map();
  for (const link of p.links) {
    const label = SYMMETRIC.has(link.label) || link.outgoing ? link.label : `${link.label}:in`;
    if (!groups.has(label)) groups.set(label, []);
    if (!groups.get(label).includes(link.other)) groups.get(label).push(link.other);
  }
  return el("ul", { class: "plain-list link-list" }, [...groups].map(([label, others]) => {
    const incoming = label.endsWith(":in");
    const words = strings.edge[label.replace(/:in$/, "")] || label;
    const anchors = others.flatMap((other, i) => [i ? ", " : "",
      el("a", { href: `#row-p-${other.id}`, text: `#${other.id} ${shorten(other.text, 28)}` })]);
    // "#7 builds on this" for links drawn towards this perspective.
    return incoming
      ? el("li", {}, anchors, ` ${words} #${p.id}`)
      : el("li", {}, el("span", { class: "link-list__label", text: `${words} ` }), anchors);
  }));
}

function byTheme(a, b) {
  const ta = a.theme ? (a.theme.other ? 1e9 : Number(a.theme.id)) : 2e9;
  const tb = b.theme ? (b.theme.other ? 1e9 : Number(b.theme.id)) : 2e9;
  return ta - tb || Number(a.id) - Number(b.id);
}

export function renderTable(wrap, model, strings) {
  const perspectives = [...model.perspectives.values()].sort(byTheme);
  if (!perspectives.length) {
    wrap.replaceChildren(el("p", { class: "muted", text: strings.table_empty }));
    return;
  }
  const columns = strings.columns;
  const head = el("tr", {}, ["perspective", "kind", "group", "theme", "votes", "opinion", "links"]
    .map((name) => el("th", { scope: "col", text: columns[name] })));
  const rows = perspectives.map((p) => {
    const seen = p.agree + p.disagree + p.pass;
    return el("tr", { id: `row-p-${p.id}` },
      el("th", { scope: "row", class: "data-table__text" },
        el("span", { class: "data-table__id", text: `#${p.id} ` }), p.text,
        p.divisive ? el("span", { class: "badge badge--divisive", text: strings.divisive_mark }) : null),
      el("td", { text: strings.kinds[p.kind] || p.kind || "–" }),
      el("td", { text: p.group ? displayName(p.group) : strings.no_group }),
      el("td", {},
        el("span", { class: "swatch", style: `background:${p.colour}`, "aria-hidden": "true" }),
        p.theme ? p.theme.label : strings.no_theme),
      el("td", { text: seen
        ? format(strings.votes.counts, { agree: p.agree, disagree: p.disagree, pass: p.pass, seen })
        : strings.votes.none }),
      el("td", { text: p.agreedBy.length
        ? p.agreedBy.map((letter) => format(strings.group_letter, { letter })).join(", ") : "–" }),
      el("td", {}, linkList(strings, p)));
  });
  wrap.replaceChildren(el("table", { class: "data-table map-table" },
    el("caption", { text: strings.table_caption }),
    el("thead", {}, head),
    el("tbody", {}, rows)));
}
