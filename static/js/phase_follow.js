// Follow the process's phases on a phone: /w/<id>/now asks the server which screen the open
// phase shows and goes there; while no phase is open it waits for `phase:changed`.
//
// Other phone pages can call followPhase(socket, nowUrl) to switch screens when the
// facilitator opens another phase (drafts live in localStorage, so nothing is lost).

import { connectLive, el, readStrings, showNotice } from "./common.js";
import { clearToken, getToken, joinUrl } from "./outbox.js";

/**
 * Go to the "now" page whenever the facilitator opens or closes a phase. With a token, also
 * ask once whether another phase than the page's own (`kind`) is open, and offer a link to
 * its screen (a phone that opened the write page from a bookmark in a lärande samtal).
 */
export function followPhase(socket, nowUrl, token = null, kind = null) {
  socket.on("phase:changed", () => {
    window.location.assign(nowUrl);
  });
  if (token) offerScreen(token, kind);
}

async function offerScreen(token, kind) {
  try {
    const response = await fetch("/api/v1/me/screen", {
      headers: { Authorization: `Bearer ${token}`, Accept: "application/json",
        "Accept-Language": document.documentElement.lang || "sv" },
    });
    if (!response.ok) return;
    const found = await response.json();
    const url = found && !found.waiting && found.screen && found.screen.url;
    if (!url || new URL(url, window.location.href).pathname === window.location.pathname) return;
    if (kind && found.phase && found.phase.kind === kind) return; // already in that phase
    if (document.getElementById("phase-offer")) return;
    const notice = el("div", { class: "notice", id: "phase-offer" },
      el("p", { class: "notice__text" }, el("a", { href: url, text: found.screen.notice })));
    const anchor = document.getElementById("connection");
    if (anchor) anchor.after(notice);
    else document.querySelector("main")?.prepend(notice);
  } catch {
    /* offline: the phone stays where it is */
  }
}

async function findScreen(page, token) {
  const response = await fetch(page.dataset.screenUrl, {
    headers: { Authorization: `Bearer ${token}`, Accept: "application/json" },
  });
  if (response.status === 401) {
    clearToken(page.dataset.workshopId);
    window.location.replace(joinUrl(page.dataset.workshopId));
    return null;
  }
  if (!response.ok) throw new Error(`screen ${response.status}`);
  return response.json();
}

function start(page) {
  const strings = readStrings();
  const status = document.getElementById("now-status");
  const token = getToken(page.dataset.workshopId);
  if (!token) {
    window.location.replace(joinUrl(page.dataset.workshopId));
    return;
  }
  let socket = null;

  async function go() {
    try {
      const found = await findScreen(page, token);
      if (!found) return;
      if (!found.waiting && found.screen && found.screen.url) {
        window.location.replace(found.screen.url);
        return;
      }
      showNotice(status, "info", strings.waiting);
      if (!socket) {
        // Ask again once connected too: a phase opened while connecting is not missed.
        socket = connectLive({ token, lang: page.dataset.lang || document.documentElement.lang });
        socket.on("connect", () => go());
        socket.on("phase:changed", () => go());
      }
    } catch {
      showNotice(status, "warning", strings.network_error);
      setTimeout(go, 5000);
    }
  }

  go();
}

const page = document.getElementById("now-page");
if (page) start(page);
