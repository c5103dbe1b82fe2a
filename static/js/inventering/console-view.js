// The workshop console's view of its feed, beside console.js: search and filter by group
// and kind, and a "new since you looked" marker kept in this browser (localStorage: the
// moment the page was last left). It only reads the cards console.js draws (their data-*
// attributes) and marks them, so moderation and live updates stay console.js's own.

import { el, format } from "../common.js";

const root = document.getElementById("console");
const feed = document.getElementById("feed");

if (root && feed) start(root);

function start(page) {
  const strings = readViewStrings();
  const search = document.getElementById("feed-search");
  const group = document.getElementById("feed-group");
  const kind = document.getElementById("feed-kind");
  const note = document.getElementById("feed-unseen");
  const noMatch = document.getElementById("feed-nomatch");
  const key = `dialog.seen.${page.dataset.workshopId}`;
  const seenBefore = readSeen(key);

  function decorate(card) {
    const text = (card.querySelector(".p-card__text")?.textContent || "").toLocaleLowerCase();
    const wanted = (search?.value || "").trim().toLocaleLowerCase();
    const out = (wanted && !text.includes(wanted))
      || (group?.value && (group.value === "-" ? card.dataset.group !== "" : card.dataset.group !== group.value))
      || (kind?.value && card.dataset.kind !== kind.value);
    card.classList.toggle("p-card--out", Boolean(out));
    const created = Date.parse(card.dataset.created || "");
    const unseen = seenBefore !== null && Number.isFinite(created) && created > seenBefore;
    card.classList.toggle("p-card--unseen", unseen);
    if (unseen && !card.querySelector(".p-card__new")) {
      card.querySelector(".p-card__meta")?.prepend(
        el("span", { class: "badge badge--new p-card__new", text: strings.new_badge }));
    }
  }

  function summarise() {
    const cards = Array.from(feed.querySelectorAll(".p-card"));
    const unseen = cards.filter((card) => card.classList.contains("p-card--unseen")).length;
    if (note) {
      note.hidden = unseen === 0;
      note.textContent = unseen ? format(strings.unseen, { count: unseen }) : "";
    }
    if (noMatch) {
      const filtering = Boolean(search?.value.trim() || group?.value || kind?.value);
      noMatch.hidden = !filtering || cards.some((card) => !card.hidden && !card.classList.contains("p-card--out"));
    }
  }

  function refresh() {
    for (const card of feed.querySelectorAll(".p-card")) decorate(card);
    summarise();
  }

  new MutationObserver((records) => {
    let changed = false;
    for (const record of records) {
      for (const node of record.addedNodes) {
        if (node instanceof HTMLElement && node.classList.contains("p-card")) {
          decorate(node);
          changed = true;
        }
      }
    }
    if (changed) summarise();
  }).observe(feed, { childList: true });

  for (const control of [search, group, kind]) control?.addEventListener("input", refresh);
  // A click on a clamped text opens the whole card (the keyboard opens it by focusing in).
  feed.addEventListener("click", (event) => {
    const text = event.target instanceof Element ? event.target.closest(".p-card__text") : null;
    text?.closest(".p-card")?.classList.toggle("p-card--open");
  });
  for (const button of document.querySelectorAll(".filter[data-filter]")) {
    button.addEventListener("click", () => window.setTimeout(summarise));
  }

  // "Since you looked": the moment this page was last left, in this browser only.
  const remember = () => {
    try {
      window.localStorage.setItem(key, new Date().toISOString());
    } catch {
      /* private mode: no marker next time */
    }
  };
  window.addEventListener("pagehide", remember);
  document.addEventListener("visibilitychange", () => {
    if (document.visibilityState === "hidden") remember();
  });
  refresh();
}

function readSeen(key) {
  try {
    const value = Date.parse(window.localStorage.getItem(key) || "");
    return Number.isFinite(value) ? value : null;
  } catch {
    return null;
  }
}

function readViewStrings() {
  try {
    return JSON.parse(document.getElementById("console-view-i18n")?.textContent || "{}");
  } catch {
    return {};
  }
}
