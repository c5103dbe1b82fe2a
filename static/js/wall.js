// The room's wall, the kernel's shell: one live connection that follows the workshop (its
// wall room), reloads the wall when the facilitator changes phase, shows the pause screen
// while the workshop is paused, and redraws a server-drawn phase part after the live events
// it names (data-refresh-on). A phase part with a script of its own imports `live` and
// `onWatched` from here and draws itself.

import { connectLive, watchLive } from "./common.js";

export const wall = document.getElementById("wall");

const strings = (() => {
  try {
    return JSON.parse(document.getElementById("wall-i18n")?.textContent || "{}");
  } catch {
    return {};
  }
})();

const watchers = [];

/** Call `callback(ack)` each time the wall (re)starts following the workshop. */
export function onWatched(callback) {
  watchers.push(callback);
}

export const live = wall
  ? connectLive({ token: wall.dataset.apiToken, lang: wall.dataset.lang })
  : null;

if (wall && live) start(wall, live);

function start(page, socket) {
  const workshopId = Number(page.dataset.workshopId);
  const refreshOn = (page.dataset.refreshOn || "").split(" ").filter(Boolean);

  socket.on("connect", async () => {
    page.dataset.connection = "online";
    // Asked again until answered: a late answer (a loaded server) must not leave the wall
    // empty until the next reconnect, which may never come.
    await watchLive(socket, "workshop:watch", { workshop_id: workshopId, view: "projector" },
      async (ack) => {
        if (!ack || !ack.ok) return;
        if (ack.workshop) setState(ack.workshop.state);
        if (page.dataset.watchEvent) {
          await watchLive(socket, page.dataset.watchEvent,
            JSON.parse(page.dataset.watchBody || "{}"), () => {});
          if (refreshOn.length) refresh(); // what changed while the wall was away
        }
        for (const callback of watchers) callback(ack);
        page.dataset.watched = String(Number(page.dataset.watched || 0) + 1);
      });
  });
  socket.on("disconnect", () => {
    page.dataset.connection = "offline";
  });

  // The facilitator changed phase: the wall shows the new phase's part.
  socket.on("phase:changed", () => {
    page.dataset.phaseChanged = "true";
    window.setTimeout(() => window.location.reload(), 300);
  });
  socket.on("workshop:state", (data) => {
    if (data && data.id === workshopId) setState(data.state);
  });

  let timer = null;
  for (const event of refreshOn) {
    socket.on(event, () => {
      window.clearTimeout(timer);
      timer = window.setTimeout(refresh, 500);
    });
  }

  async function refresh() {
    try {
      const response = await fetch(page.dataset.partUrl, { credentials: "same-origin" });
      if (response.status === 409) {
        window.location.reload();
        return;
      }
      if (!response.ok) return;
      const html = await response.text();
      const part = document.getElementById("wall-part");
      // Our own page, rendered and escaped by the server's templates.
      const fresh = new DOMParser().parseFromString(html, "text/html");
      part.replaceChildren(...fresh.body.childNodes);
      page.dataset.refreshed = String(Number(page.dataset.refreshed || 0) + 1);
    } catch {
      /* the next event tries again */
    }
  }

  function setState(state) {
    page.dataset.state = state;
    const pause = document.getElementById("wall-pause");
    if (pause) pause.hidden = state !== "paused";
    const closed = document.getElementById("wall-closed");
    if (closed) closed.hidden = state === "open" || state === "paused";
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
      fullscreen.textContent = document.fullscreenElement
        ? strings.exit_fullscreen
        : strings.fullscreen;
    });
  }
}
