// The map in words: missing perspectives, opinion groups, consensus, divisive, bridging,
// themes, coverage and the table. Every number is written out; colour only repeats it.

import { displayName, el, format } from "../common.js";
import { perspectiveOf } from "./mapview-data.js";

function locale(lang) {
  return lang === "en" ? "en-GB" : "sv-SE";
}

/** A vote bar: agree / disagree / pass as a bar (decoration) and as a sentence (meaning). */
export function voteBar(strings, counts) {
  const agree = Number(counts.agree || 0);
  const disagree = Number(counts.disagree || 0);
  const pass = Number(counts.pass ?? counts.passes ?? 0);
  const seen = Number(counts.seen ?? agree + disagree + pass);
  if (!seen) return el("p", { class: "vote-bar__text muted small", text: strings.votes.none });
  const share = (n) => `${((100 * n) / seen).toFixed(1)}%`;
  return el(
    "div",
    { class: "vote-bar" },
    el(
      "div",
      { class: "vote-bar__track", "aria-hidden": "true" },
      el("span", { class: "vote-bar__part vote-bar__part--agree", style: `width:${share(agree)}` }),
      el("span", { class: "vote-bar__part vote-bar__part--disagree", style: `width:${share(disagree)}` }),
      el("span", { class: "vote-bar__part vote-bar__part--pass", style: `width:${share(pass)}` }),
    ),
    el("p", { class: "vote-bar__text", text: format(strings.votes.counts, { agree, disagree, pass, seen }) }),
  );
}

/** A perspective quoted with its theme colour, stakeholder group and theme. */
export function quote(strings, p, { meta = true } = {}) {
  const details = [p.group ? displayName(p.group) : null, p.theme ? p.theme.label : null]
    .filter(Boolean).join(" · ");
  return [
    el(
      "p",
      { class: "result__text" },
      el("span", { class: "swatch", style: `background:${p.colour}`, "aria-hidden": "true" }),
      el("span", { text: p.text }),
    ),
    meta && details ? el("p", { class: "result__meta muted small", text: details }) : null,
  ];
}

function fill(list, none, items) {
  list.replaceChildren(...items);
  list.hidden = items.length === 0;
  if (none) none.hidden = items.length > 0;
}

export function renderMissing(list, none, model, lang) {
  const items = model.missing.map((prompt) => el(
    "li",
    { class: `missing-item missing-item--${prompt.type || "other"}` },
    el("span", { class: "missing-item__mark", "aria-hidden": "true", text: "?" }),
    el("span", { text: (lang === "en" ? prompt.message_en : prompt.message_sv) || prompt.message_sv || "" }),
  ));
  fill(list, none, items);
}

export function renderOpinionGroups(container, none, model, strings) {
  const cards = model.opinionGroups.map((group) => el(
    "article",
    { class: "og-card", "aria-labelledby": `og-${group.key}` },
    el(
      "h3",
      { class: "og-card__heading", id: `og-${group.key}` },
      el("span", { class: "og-card__letter", "aria-hidden": "true", text: group.letter }),
      el("span", { text: format(strings.group_letter, { letter: group.letter }) }),
      el("span", { class: "og-card__size", text: group.size === 1
        ? strings.opinion_size_one : format(strings.opinion_size_many, { count: group.size }) }),
    ),
    el("ol", { class: "plain-list result-list" }, (group.representative || []).map((rep) => el(
      "li",
      { class: `result result--${rep.direction}` },
      quote(strings, perspectiveOf(model, rep.perspective_id, rep.text)),
      el("p", { class: `direction direction--${rep.direction}`,
        text: rep.direction === "disagree" ? strings.rep_disagree : strings.rep_agree }),
      voteBar(strings, rep),
    ))),
  ));
  fill(container, none, cards);
}

export function renderConsensus(list, none, model, strings) {
  const items = model.consensus.map((row) => el(
    "li",
    { class: `result result--${row.direction}` },
    quote(strings, perspectiveOf(model, row.perspective_id, row.text)),
    el("p", { class: `direction direction--${row.direction}`,
      text: row.direction === "disagree" ? strings.consensus_disagree : strings.consensus_agree }),
    voteBar(strings, row),
  ));
  const informed = model.groupInformedConsensus.slice(0, 3);
  if (informed.length && model.opinionGroups.length > 1) {
    items.push(el("li", { class: "result-list__sub" }, el("h3", { class: "h4", text: strings.gic_heading })));
    for (const row of informed) {
      const rates = (row.group_agree || []).map((rate, i) => `${format(strings.group_letter,
        { letter: model.opinionGroups[i]?.letter || i + 1 })} ${Math.round(rate * 100)} %`);
      items.push(el("li", { class: "result" }, quote(strings, perspectiveOf(model, row.perspective_id, row.text)),
        el("p", { class: "small", text: format(strings.gic_rates, { rates: rates.join(", ") }) })));
    }
  }
  fill(list, none, items);
}

function meanWords(strings, mean) {
  if (mean >= 0.3) return strings.mean_agree;
  if (mean <= -0.3) return strings.mean_disagree;
  return strings.mean_split;
}

export function renderDivisive(list, none, model, strings, lang) {
  const number = new Intl.NumberFormat(locale(lang), { maximumFractionDigits: 1, signDisplay: "exceptZero" });
  const items = model.divisive.map((row) => el(
    "li",
    { class: "result" },
    quote(strings, perspectiveOf(model, row.perspective_id, row.text)),
    el("ul", { class: "plain-list group-means" }, (row.group_mean_vote || []).map((mean, i) => {
      const group = model.opinionGroups[i];
      if (!group || !(row.group_seen?.[i] > 0)) return null;
      return el("li", { class: `group-mean group-mean--${mean >= 0.3 ? "agree" : mean <= -0.3 ? "disagree" : "split"}` },
        el("span", { class: "group-mean__group", text: format(strings.group_letter, { letter: group.letter }) }),
        ` ${meanWords(strings, mean)} (${number.format(mean)})`);
    })),
  ));
  fill(list, none, items);
}

export function renderBridging(list, none, model, strings, lang) {
  const items = model.bridging.map((row) => el(
    "li",
    { class: "result" },
    quote(strings, perspectiveOf(model, row.perspective_id, row.text)),
    el("p", { class: "small", text: (lang === "en" ? row.reason_en : row.reason_sv) || "" }),
  ));
  fill(list, none, items);
}

export function renderUncertain(section, list, model, strings) {
  const items = model.uncertain.map((row) => el(
    "li", { class: "result" }, quote(strings, perspectiveOf(model, row.perspective_id, row.text)), voteBar(strings, row),
  ));
  list.replaceChildren(...items);
  section.hidden = items.length === 0;
}

export function renderThemes(list, none, model, strings) {
  const items = model.themes.map((theme) => el(
    "li",
    { class: "theme-item", style: `--theme-colour:${theme.colour}` },
    el("span", { class: "swatch swatch--large", style: `background:${theme.colour}`, "aria-hidden": "true" }),
    el(
      "div",
      {},
      el("p", { class: "theme-item__label", text: theme.label }),
      el("p", { class: "small muted", text: [
        Number(theme.size) === 1 ? strings.theme_size_one : format(strings.theme_size_many, { count: theme.size }),
        (theme.stakeholder_groups || []).length
          ? format(strings.theme_groups, { groups: theme.stakeholder_groups.map(displayName).join(", ") }) : "",
      ].filter(Boolean).join(" · ") }),
    ),
  ));
  fill(list, none, items);
}

export { renderCoverage, renderTable } from "./mapview-tables.js";
