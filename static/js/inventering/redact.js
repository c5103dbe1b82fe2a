// Moderation that keeps what it can: the facilitator edits a perspective (a name, a phone
// number away) and publishes the edit instead of hiding the whole text. The author's phone
// is told what was changed and why; the original stays in the moderation log only.
// When the personal-data guard flagged the text, the box starts from its suggestion (each
// finding replaced by a placeholder, `suggested_text` from the server), lists what was found
// and keeps a way back to the original.

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
  const suggestion = suggested(p);
  text.value = suggestion ?? p.text;
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
    suggestion === null ? null : foundList(p, text, suggestion),
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

/** The guard's suggestion for a flagged text, or null when there is none to offer. */
function suggested(p) {
  const text = typeof p.suggested_text === "string" ? p.suggested_text : "";
  return text && text !== p.text ? text : null;
}

/** What the guard found (kind, the words, their placeholder) and a button that swaps the
 * text box between the suggestion and the original. */
function foundList(p, text, suggestion) {
  const kinds = words.kinds || {};
  const found = Array.isArray(p.personal_data_found) ? p.personal_data_found : [];
  const headingId = `redact-found-${p.id}`;
  let original = false;
  const swap = el("button", { class: "button button--small button--secondary", type: "button",
    "aria-controls": `redact-text-${p.id}` }, words.use_original);
  swap.addEventListener("click", () => {
    original = !original;
    text.value = original ? p.text : suggestion;
    swap.textContent = original ? words.use_suggestion : words.use_original;
    text.focus();
  });
  return el("div", { class: "redact-found" },
    el("p", { class: "redact-found__heading", id: headingId, text: words.found_heading }),
    el("ul", { class: "redact-found__list", "aria-labelledby": headingId },
      found.map((item) => el("li", {},
        el("strong", { text: kinds[item.kind] || item.kind }),
        ": ",
        el("mark", { class: "redact-found__words", text: item.text }),
        ` ${words.becomes} `,
        el("span", { class: "redact-found__placeholder", text: item.placeholder })))),
    el("p", { class: "field__hint", text: words.suggested_hint }),
    swap);
}
