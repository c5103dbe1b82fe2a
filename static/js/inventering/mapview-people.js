// A map for people: opinion-group cards first (the default view) and the graph as the
// expert view; and the facilitator's own names for themes (PATCH .../themes/<id>).

import { el, format, readStrings, showNotice } from "../common.js";

const VIEW_KEY = "dialog.mapview.view";

export const people = readStrings("i18n-people");

/** The cards/graph switch; `onGraph()` runs when the graph becomes visible (resize, fit). */
export function viewSwitch({ onGraph }) {
  const buttons = [...document.querySelectorAll("[data-map-view]")];
  const parts = [...document.querySelectorAll("[data-view-part]")];
  function show(view, remember) {
    for (const button of buttons) {
      button.setAttribute("aria-pressed", String(button.dataset.mapView === view));
    }
    for (const part of parts) part.hidden = part.dataset.viewPart !== view;
    document.getElementById("map-page")?.setAttribute("data-view", view);
    if (remember) {
      try { localStorage.setItem(VIEW_KEY, view); } catch { /* private mode: not kept */ }
    }
    if (view === "graph") onGraph?.();
  }
  for (const button of buttons) {
    button.addEventListener("click", () => show(button.dataset.mapView, true));
  }
  // A link to the graph (the page's contents) opens the expert view first.
  for (const link of document.querySelectorAll('a[href="#graph-heading"]')) {
    link.addEventListener("click", () => show("graph", true));
  }
  let saved = null;
  try { saved = localStorage.getItem(VIEW_KEY); } catch { saved = null; }
  show(saved === "graph" ? "graph" : "cards", false);
}

/** Add a "Byt namn" form to every theme of the list (rendered in `model.themes` order). */
export function addRenameForms(list, model, page, onSaved) {
  const items = [...list.children];
  model.themes.forEach((theme, index) => {
    const item = items[index];
    if (!item || theme.other) return;
    const inputId = `theme-name-${theme.key}`;
    const status = el("div", { class: "status-region", "aria-live": "polite" });
    const input = el("input", { class: "input", id: inputId, name: "name", type: "text",
      maxlength: "120", value: theme.name || theme.label || "", autocomplete: "off" });
    const form = el("form", { class: "theme-rename stack", novalidate: true },
      el("label", { class: "field__label", for: inputId, text: people.name_label }),
      theme.suggested_name
        ? el("p", { class: "field__hint", text: format(people.suggested, { name: theme.suggested_name }) })
        : null,
      input,
      status,
      el("button", { class: "button button--secondary button--small", type: "submit",
        text: people.save }));
    form.addEventListener("submit", async (event) => {
      event.preventDefault();
      try {
        const response = await fetch(`/api/v1/processes/${page.dataset.processId}/themes/${theme.id}`, {
          method: "PATCH",
          credentials: "same-origin",
          headers: { Authorization: `Bearer ${page.dataset.apiToken}`,
            "Content-Type": "application/json", Accept: "application/json" },
          body: JSON.stringify({ name: input.value }),
        });
        const body = await response.json().catch(() => ({}));
        if (!response.ok) {
          showNotice(status, "error", body?.error?.message || people.failed);
          input.focus();
          return;
        }
        showNotice(status, "success", format(people.saved, { name: body.label }));
        onSaved?.(body);
      } catch {
        showNotice(status, "error", people.failed);
      }
    });
    (item.lastElementChild || item).append(el("details", { class: "theme-rename__box" },
      el("summary", { text: format(people.rename, { name: theme.label }) }), form));
  });
}
