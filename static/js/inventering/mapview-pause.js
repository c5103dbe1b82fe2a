// Live updates that never pull the page from under the reader: a pause button (WCAG 2.2.2)
// and no redraw while the keyboard focus is inside a part that would be redrawn.

/**
 * Wrap `apply(map)`: maps arriving while paused, or while focus is inside one of `regions`,
 * wait; the newest one is applied on resume or when focus leaves. Returns `receive(map)`.
 */
export function holdWhileBusy({ apply, button, note, regions = [] }) {
  let paused = false;
  let pending = null;

  const focusInside = () => regions.some((region) => region?.contains(document.activeElement));

  function flush() {
    if (!pending || paused || focusInside()) return;
    const map = pending;
    pending = null;
    if (note) note.hidden = true;
    apply(map);
  }

  button?.addEventListener("click", () => {
    paused = !paused;
    button.setAttribute("aria-pressed", String(paused));
    flush();
  });
  document.addEventListener("focusin", flush);

  return function receive(map) {
    pending = map;
    if (paused && note) note.hidden = false;
    flush();
  };
}
