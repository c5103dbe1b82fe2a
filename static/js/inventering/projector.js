// Inventering on the wall: the newest perspectives in large type, one perspective in the
// spotlight that changes every few seconds so that older ones come back, counts per group
// and kind (the console's rule, voices.js), and how the room reacts to each, live. Nothing
// here says who wrote what: the server sends the wall only text, kind and group.

import { ThrottledAnnouncer, displayName, el, format, readStrings } from "../common.js";
import { live, onWatched } from "../wall.js";
import { voices } from "./voices.js";

const strings = readStrings();
const list = document.getElementById("wall-list");

/** How many of the newest cards the wall shows beside the spotlight. */
const NEWEST = 6;
/** How long each perspective stays in the spotlight. */
const ROTATE_MS = 9000;

if (list && live) start(live);

function start(socket) {
  const spotlight = document.getElementById("wall-spotlight");
  const empty = document.getElementById("wall-empty");
  const announcer = new ThrottledAnnouncer(document.getElementById("announcer"), 10000);
  const shown = new Map(); // id -> perspective (approved only)
  const reactions = readReactions();
  let unannounced = 0;
  let turn = 0;

  onWatched((ack) => {
    shown.clear();
    for (const p of ack.perspectives || []) {
      if (p.status === "approved") shown.set(p.id, p);
    }
    render();
  });

  socket.on("wall:perspective", (p) => {
    if (!p) return;
    if (p.status && p.status !== "approved") {
      shown.delete(p.id);
      render();
      return;
    }
    const isNew = !shown.has(p.id);
    shown.set(p.id, p);
    render(isNew ? p.id : null);
    if (isNew) {
      unannounced += 1;
      announcer.schedule(() => {
        const count = unannounced;
        unannounced = 0;
        return count === 1 ? strings.new_one : format(strings.new_many, { count });
      });
    }
  });
  socket.on("wall:remove", (data) => {
    if (!data) return;
    shown.delete(data.id);
    render();
  });
  socket.on("wall:reactions", (data) => {
    if (!data || !data.perspective_id) return;
    reactions[String(data.perspective_id)] = data;
    for (const node of document.querySelectorAll(
      `[data-id="${CSS.escape(String(data.perspective_id))}"] .wall-card__reactions`)) {
      node.replaceWith(renderReactions(data.perspective_id));
    }
  });

  window.setInterval(() => {
    turn += 1;
    renderSpotlight();
  }, ROTATE_MS);

  function newestFirst() {
    return Array.from(shown.values()).sort((a, b) =>
      String(b.created_at).localeCompare(String(a.created_at)) || b.id - a.id);
  }

  function render(freshId = null) {
    const sorted = newestFirst();
    list.replaceChildren(...sorted.slice(0, NEWEST).map((p) => renderCard(p, p.id === freshId)));
    renderSpotlight();
    renderCounts();
    empty.hidden = shown.size > 0;
  }

  /** Older perspectives take turns; with few of them, every perspective does. */
  function renderSpotlight() {
    const sorted = newestFirst();
    const older = sorted.slice(NEWEST).reverse();
    const pool = older.length ? older : sorted.slice().reverse();
    spotlight.hidden = pool.length === 0;
    if (!pool.length) {
      spotlight.replaceChildren();
      return;
    }
    const p = pool[turn % pool.length];
    spotlight.dataset.id = String(p.id);
    spotlight.replaceChildren(renderCard(p, false, "div", "wall-card--spotlight"));
  }

  function renderCard(p, fresh, tag = "li", extra = "") {
    const classes = ["wall-card", `wall-card--${p.kind}`, fresh ? "wall-card--fresh" : "", extra];
    return el(
      tag,
      { class: classes.filter(Boolean).join(" "), dataset: { id: String(p.id) } },
      // The label first: a long text is clamped, the kind and group always show.
      el(
        "p",
        { class: "wall-card__meta" },
        el("span", { class: `tag tag--${p.kind}`, text: strings.kinds[p.kind] || p.kind }),
        el("span", {
          class: "wall-card__group",
          text: p.stakeholder_group ? displayName(p.stakeholder_group) : strings.no_group,
        }),
      ),
      el("p", { class: "wall-card__text", text: p.text }),
      renderReactions(p.id),
    );
  }

  function renderReactions(id) {
    const counts = reactions[String(id)] || {};
    const part = (name) => el("span", { class: `wall-reaction wall-reaction--${name}` },
      el("span", { class: "wall-reaction__count", text: String(counts[name] || 0) }),
      ` ${strings[name]}`);
    return el("p", { class: "wall-card__reactions" }, part("agree"), part("disagree"), part("pass"));
  }

  function renderCounts() {
    const counted = voices(Array.from(shown.values()), strings.groups || []);
    for (const row of document.querySelectorAll("#wall-groups [data-group]")) {
      const count = counted.byGroup.get(row.dataset.group) || 0;
      row.classList.toggle("wall-voice--missing", count === 0);
      row.querySelector(".wall-voice__count").textContent = count === 0 ? strings.missing : String(count);
    }
    const heard = document.getElementById("wall-heard");
    if (heard) heard.hidden = !counted.allHeard;
    for (const row of document.querySelectorAll("#wall-kinds [data-kind]")) {
      row.querySelector(".wall-kind__count").textContent = String(counted.byKind[row.dataset.kind] || 0);
    }
  }

  render();
}

function readReactions() {
  try {
    return JSON.parse(document.getElementById("wall-reactions")?.textContent || "{}");
  } catch {
    return {};
  }
}
