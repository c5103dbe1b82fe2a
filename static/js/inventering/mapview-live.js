// Follow a process's map live: `map:watch` on every (re)connect, then `map:update` pushes.
// When the socket cannot deliver, the map is fetched once over HTTP instead.

import { connectLive, showConnection } from "../common.js";

const ACK_TIMEOUT_MS = 15000;

/** Fetch the map over HTTP with the facilitator's token; throws on failure. */
export async function fetchMap(url, token) {
  const response = await fetch(url, {
    headers: { Authorization: `Bearer ${token}`, Accept: "application/json" },
    credentials: "same-origin",
  });
  const body = await response.json().catch(() => ({}));
  if (!response.ok) throw new Error(body?.error?.message || String(response.status));
  return body.map || body;
}

/**
 * Connect and keep `onMap(map)` fed. `onError(message)` hears failures; returns the socket.
 */
export function watchMap({ page, strings, view, onMap, onError }) {
  const processId = Number(page.dataset.processId);
  const token = page.dataset.apiToken;
  const lang = page.dataset.lang || document.documentElement.lang;
  const socket = connectLive({ token, lang });

  async function viaHttp() {
    try {
      onMap(await fetchMap(page.dataset.mapUrl, token));
    } catch (error) {
      onError?.(strings.load_error);
    }
  }

  socket.on("connect", async () => {
    showConnection(strings, "online");
    const payload = { process_id: processId };
    if (view) payload.view = view;
    try {
      const ack = await socket.timeout(ACK_TIMEOUT_MS).emitWithAck("map:watch", payload);
      if (ack && ack.ok && ack.map) {
        onMap(ack.map);
        return;
      }
      if (ack && !ack.ok) onError?.(ack.error?.message || strings.load_error);
    } catch {
      /* no answer in time: fall back to HTTP below */
    }
    await viaHttp();
  });
  socket.on("disconnect", () => showConnection(strings, "offline"));
  socket.on("connect_error", () => showConnection(strings, "offline"));
  socket.on("map:update", (data) => {
    if (!data) return;
    if (data.process_id !== undefined && Number(data.process_id) !== processId) return;
    onMap(data.map || data);
  });
  return { socket, refresh: viaHttp };
}
