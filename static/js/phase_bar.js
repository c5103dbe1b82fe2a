// The console's phase bar, on every facilitator page of a process:
// - it follows the process's phases live: it watches the process (`phase:watch`) and, when
//   `phase:changed` arrives (a change made on this tablet, another one or the API), draws
//   itself again from the server (GET .../phase-bar), so the running phase of the meeting the
//   page is about is always the one shown, without a reload; a screen reader hears the new
//   phase (#phase-now is a polite live region that is updated in place);
// - the "undo the phase change" form goes away when its minute is up (the server refuses it
//   after that anyway, with a reason).

import { connectLive } from "./common.js";

const bar = document.getElementById("phase-bar");
if (bar) start(bar);

function start(section) {
  expireUndo(section);
  loadSocketClient(section.dataset.socketScript).then(() => follow(section));
}

function expireUndo(section) {
  const undo = section.querySelector("#phase-undo");
  if (!undo) return;
  const seconds = Number(undo.dataset.seconds || 0);
  window.setTimeout(() => {
    if (!undo.contains(document.activeElement)) undo.hidden = true;
    else undo.querySelector("button")?.setAttribute("aria-disabled", "true");
  }, seconds * 1000);
}

/** The Socket.IO client, loaded once (a page with its own live part has it already). */
function loadSocketClient(src) {
  if (typeof window.io === "function" || !src) return Promise.resolve();
  const existing = document.querySelector(`script[src="${src}"]`);
  return new Promise((resolve) => {
    const script = existing || document.createElement("script");
    script.addEventListener("load", () => resolve(), { once: true });
    script.addEventListener("error", () => resolve(), { once: true });
    if (!existing) {
      script.src = src;
      document.head.append(script);
    } else if (typeof window.io === "function") {
      resolve();
    }
  });
}

function follow(section) {
  const processId = Number(section.dataset.processId);
  const socket = connectLive({ token: section.dataset.token, lang: document.documentElement.lang });
  const watch = () => socket.emit("phase:watch", { process_id: processId }, () => {});
  socket.on("connect", () => {
    watch();
    // Whatever changed while the connection was down shows now.
    if (section.dataset.followed === "true") redraw(section);
    section.dataset.followed = "true";
  });
  socket.on("phase:changed", (event) => {
    if (!event || Number(event.process_id) !== processId) return;
    redraw(section);
  });
}

let drawing = null;

async function redraw(section) {
  if (drawing) drawing.abort();
  drawing = new AbortController();
  const url = new URL(section.dataset.fragment, window.location.href);
  if (section.dataset.workshopId) url.searchParams.set("workshop", section.dataset.workshopId);
  url.searchParams.set("path", section.dataset.path || window.location.pathname);
  let html;
  try {
    const response = await fetch(url, { signal: drawing.signal, headers: { Accept: "text/html" } });
    if (!response.ok) return;
    html = await response.text();
  } catch {
    return; // offline or superseded: the next change or reconnect draws it again
  }
  const fresh = new DOMParser().parseFromString(html, "text/html").getElementById("phase-bar");
  if (!fresh) return;
  const focused = section.contains(document.activeElement) ? document.activeElement.id : "";
  const now = section.querySelector("#phase-now");
  const freshNow = fresh.querySelector("#phase-now");
  for (const child of Array.from(section.children)) {
    if (child !== now) child.remove();
  }
  for (const child of Array.from(fresh.children)) {
    if (child.id === "phase-now") continue;
    section.append(document.adoptNode(child));
  }
  if (now && freshNow) {
    now.replaceChildren(...Array.from(freshNow.childNodes).map((n) => document.adoptNode(n)));
  }
  section.dataset.token = fresh.dataset.token || section.dataset.token;
  if (focused) document.getElementById(focused)?.focus();
  expireUndo(section);
}
