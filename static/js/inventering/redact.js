// Moderation that keeps what it can: the facilitator edits a perspective (a name, a phone
// number away) and publishes the edit instead of hiding the whole text. The author's phone
// is told what was changed and why; the original stays in the moderation log only.

import { el, readStrings } from "../common.js";
import { reasonRequired } from "./hide.js";

const words = readStrings("i18n-redact");

/** A closed "Redigera" box for one perspective: `send(text, reason)` approves the
 * edited text; `hide(reason)` hides it, and the author's phone is told the reason (which
 * must be written first: nothing is hidden without one). */
export function redactBox(p, about, send, hide) {
  const textId = `redact-text-${p.id}`;
  const reasonId = `redact-reason-${p.id}`;
  const text = el("textarea", { class: "input", id: textId, name: "text", rows: "3",
    maxlength: "500" });
  text.value = p.text;
  const errorId = `redact-error-${p.id}`;
  const reason = el("input", { class: "input", id: reasonId, name: "reason", type: "text",
    maxlength: "300", autocomplete: "off", "aria-describedby": errorId });
  const error = el("p", { class: "hide-panel__error", id: errorId, role: "alert", hidden: true });
  function hideWithReason() {
    if (!reason.value.trim()) {
      error.textContent = reasonRequired();
      error.hidden = false;
      reason.setAttribute("aria-invalid", "true");
      reason.focus();
      return;
    }
    hide(reason.value.trim());
  }
  const form = el("form", { class: "redact-form stack", novalidate: true },
    el("label", { class: "field__label", for: textId, text: words.text_label }),
    text,
    el("label", { class: "field__label", for: reasonId, text: words.reason_label }),
    el("p", { class: "field__hint", text: words.reason_hint }),
    reason,
    error,
    el("div", { class: "redact-form__actions" },
      el("button", { class: "button button--small button--approve", type: "submit" },
        words.submit, el("span", { class: "visually-hidden", text: ` ${about}` })),
      hide
        ? el("button", { class: "button button--small button--hide", type: "button",
          onclick: hideWithReason },
          words.hide, el("span", { class: "visually-hidden", text: ` ${about}` }))
        : null));
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    send(text.value, reason.value);
  });
  return el("details", { class: "redact-box" },
    el("summary", {}, words.open, el("span", { class: "visually-hidden", text: ` ${about}` })),
    form);
}
