// Hiding always gives the author a reason. "Dölj" opens a short list of common reasons, each
// one tap, in plain words the author's phone shows ("Det du skrev handlar inte om frågan ..."),
// and "Annat skäl" for the facilitator's own words. Nothing is hidden without a reason.

import { el, readStrings } from "../common.js";

const words = readStrings("i18n-hide");
const REASONS = ["personal_data", "offensive", "off_topic", "duplicate"];

/** The "Dölj" button and its closed panel of reasons for one perspective: `hide(reason, code)`
 * hides it with the reason the author's phone will show (`code` is a common reason's, or
 * "other" for own words). Esc closes the panel. */
export function hideControl(p, about, label, hide) {
  const panelId = `hide-panel-${p.id}`;
  const otherId = `hide-other-${p.id}`;
  const errorId = `hide-error-${p.id}`;
  const open = el("button", {
    type: "button",
    class: "button button--small button--hide",
    dataset: { action: "hide", id: String(p.id) },
    "aria-expanded": "false",
    "aria-controls": panelId,
  }, label, el("span", { class: "visually-hidden", text: ` ${about}` }));

  const other = el("input", { class: "input", id: otherId, name: "hide_reason", type: "text",
    maxlength: "300", autocomplete: "off", "aria-describedby": errorId });
  const error = el("p", { class: "hide-panel__error", id: errorId, role: "alert", hidden: true });
  const choices = REASONS.map((code) => {
    const reason = (words.reasons || {})[code] || {};
    return el("button", {
      type: "button",
      class: "button button--small button--secondary hide-reason",
      dataset: { reason: code },
      onclick: () => send(reason.text || reason.label || code, code),
    },
      el("span", { class: "hide-reason__label", text: reason.label || code }),
      el("span", { class: "hide-reason__text", text: reason.text || "" }));
  });
  const cancel = el("button", { type: "button", class: "link-button hide-panel__cancel",
    onclick: () => toggle(false) }, words.cancel || "");
  const form = el("form", { class: "hide-panel__other", novalidate: true },
    el("label", { class: "field__label", for: otherId, text: words.other_label }),
    other,
    error,
    el("div", { class: "hide-panel__actions" },
      el("button", { type: "submit", class: "button button--small button--hide" },
        words.other_submit, el("span", { class: "visually-hidden", text: ` ${about}` })),
      cancel));
  const panel = el("fieldset", { class: "hide-panel", id: panelId, hidden: true },
    el("legend", { class: "hide-panel__legend" },
      words.legend, el("span", { class: "visually-hidden", text: ` ${about}` })),
    el("p", { class: "field__hint", text: words.hint }),
    el("div", { class: "hide-panel__reasons" }, choices),
    form);

  // A common reason goes with its code: the author's phone shows it in its own language.
  function send(reason, code = "other") {
    const given = String(reason || "").trim();
    if (!given) {
      error.textContent = words.reason_required || "";
      error.hidden = false;
      other.setAttribute("aria-invalid", "true");
      other.focus();
      return;
    }
    hide(given, code);
  }
  function toggle(show) {
    panel.hidden = !show;
    open.setAttribute("aria-expanded", String(show));
    if (show) choices[0]?.focus();
    else open.focus();
  }
  open.addEventListener("click", () => toggle(panel.hidden));
  panel.addEventListener("keydown", (event) => {
    if (event.key === "Escape") {
      event.preventDefault();
      toggle(false);
    }
  });
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    send(other.value);
  });
  return { button: open, panel };
}

/** The message for a hide asked for without a reason (e.g. from the "Redigera" box). */
export const reasonRequired = () => words.reason_required || "";
