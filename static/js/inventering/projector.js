// The wall: approved perspectives appear live, newest first, in large type; the QR code and
// the join code stay visible; counts per stakeholder group show whose voice is missing.
// Nothing here says who wrote what: the server sends the wall only text, kind and group.

import {
  ThrottledAnnouncer,
  connectLive,
  displayName,
  el,
  format,
  readStrings,
} from "../common.js";

const strings = readStrings();
const root = document.getElementById("wall");

/** How many cards the wall keeps; older ones scroll off (they stay in the console). */
const MAX_CARDS = 40;

if (root) start(root);

function start(page) {
  const workshopId = Number(page.dataset.workshopId);
  const list = document.getElementById("wall-list");
  const empty = document.getElementById("wall-empty");
  const closed = document.getElementById("wall-closed");
  const announcer = new ThrottledAnnouncer(document.getElementById("announcer"), 10000);
  const shown = new Map(); // id -> perspective
  let unannounced = 0;

  const socket = connectLive({ token: page.dataset.apiToken, lang: page.dataset.lang });

  socket.on("connect", async () => {
    page.dataset.connection = "online";
    try {
      const ack = await socket.timeout(10000).emitWithAck("workshop:watch", {
        workshop_id: workshopId,
        view: "projector",
      });
      if (!ack || !ack.ok) return;
      shown.clear();
      for (const p of ack.perspectives || []) {
        if (p.status === "approved") shown.set(p.id, p);
      }
      if (ack.workshop) setState(ack.workshop.state);
      renderAll();
    } catch {
      /* the next reconnect watches again */
    }
  });
  socket.on("disconnect", () => {
    page.dataset.connection = "offline";
  });

  socket.on("wall:perspective", (p) => {
    if (!p) return;
    if (p.status && p.status !== "approved") {
      remove(p.id);
      return;
    }
    const isNew = !shown.has(p.id);
    shown.set(p.id, p);
    if (isNew) {
      const card = renderCard(p, true);
      list.prepend(card);
      trim();
      unannounced += 1;
      announcer.schedule(() => {
        const count = unannounced;
        unannounced = 0;
        return count === 1 ? strings.new_one : format(strings.new_many, { count });
      });
    } else {
      const existing = list.querySelector(`[data-id="${CSS.escape(String(p.id))}"]`);
      if (existing) existing.replaceWith(renderCard(p, false));
    }
    update();
  });
  socket.on("wall:remove", (data) => {
    if (data) remove(data.id);
  });
  socket.on("workshop:state", (data) => {
    if (data && data.id === workshopId) setState(data.state);
  });

  function remove(id) {
    shown.delete(id);
    list.querySelector(`[data-id="${CSS.escape(String(id))}"]`)?.remove();
    update();
  }

  function renderCard(p, fresh) {
    return el(
      "li",
      { class: `wall-card wall-card--${p.kind}${fresh ? " wall-card--fresh" : ""}`, dataset: { id: String(p.id) } },
      el("p", { class: "wall-card__text", text: p.text }),
      el(
        "p",
        { class: "wall-card__meta" },
        el("span", { class: `tag tag--${p.kind}`, text: strings.kinds[p.kind] || p.kind }),
        p.stakeholder_group
          ? el("span", { class: "wall-card__group", text: displayName(p.stakeholder_group) })
          : null,
      ),
    );
  }

  function renderAll() {
    const sorted = Array.from(shown.values()).sort((a, b) =>
      String(b.created_at).localeCompare(String(a.created_at)) || b.id - a.id);
    list.replaceChildren(...sorted.slice(0, MAX_CARDS).map((p) => renderCard(p, false)));
    update();
  }

  function trim() {
    while (list.children.length > MAX_CARDS) list.lastElementChild.remove();
  }

  function update() {
    empty.hidden = shown.size > 0;
    const byGroup = new Map();
    for (const p of shown.values()) {
      if (p.stakeholder_group) byGroup.set(p.stakeholder_group, (byGroup.get(p.stakeholder_group) || 0) + 1);
    }
    for (const row of document.querySelectorAll("#wall-groups [data-group]")) {
      const count = byGroup.get(row.dataset.group) || 0;
      row.classList.toggle("wall-voice--missing", count === 0);
      row.querySelector(".wall-voice__count").textContent = count === 0 ? strings.missing : String(count);
    }
  }

  function setState(state) {
    if (closed) closed.hidden = state === "open";
  }

  // Full screen for the projector, from a button (browsers allow it only after a gesture).
  const fullscreen = document.getElementById("fullscreen");
  if (fullscreen) {
    if (!document.fullscreenEnabled) fullscreen.hidden = true;
    fullscreen.addEventListener("click", () => {
      if (document.fullscreenElement) document.exitFullscreen();
      else document.documentElement.requestFullscreen?.();
    });
    document.addEventListener("fullscreenchange", () => {
      fullscreen.textContent = document.fullscreenElement ? strings.exit_fullscreen : strings.fullscreen;
    });
  }

  update();
}
