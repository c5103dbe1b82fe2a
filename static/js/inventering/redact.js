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
  const suggestion = suggested(p.suggested_text, p.text);
  return editBox({
    id: p.id,
    fields: [{ name: "text", label: words.text_label, original: p.text, suggestion }],
    found: suggestion === null ? null : p.personal_data_found,
  }, about, (values, reason) => send(values.text, reason), hide);
}

/** The same box for anything with several texts (a reflection's three prompts):
 * `item.fields` are `{name, label, original, suggestion}` (suggestion null when the guard
 * found nothing there), `item.found` the guard's findings (null: no list, no way back);
 * `send(values, reason)` gets each field's edited words by name. */
export function editBox(item, about, send, hide) {
  const reasonId = `redact-reason-${item.id}`;
  const boxes = item.fields.map((field) => {
    const box = el("textarea", { class: "input", id: `redact-${field.name}-${item.id}`,
      name: field.name, rows: "3", maxlength: "500" });
    box.value = field.suggestion ?? field.original;
    return { field, box };
  });
  const errorId = `redact-error-${item.id}`;
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
    item.found ? foundList(item, boxes) : null,
    boxes.flatMap(({ field, box }) => [
      el("label", { class: "field__label", for: box.id, text: field.label }), box]),
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
    send(Object.fromEntries(boxes.map(({ field, box }) => [field.name, box.value])),
      reason.value);
  });
  return el("details", { class: "redact-box" },
    el("summary", {}, words.open, el("span", { class: "visually-hidden", text: ` ${about}` })),
    form);
}

/** The guard's suggestion for a flagged text, or null when there is none to offer. */
export function suggested(suggestion, original) {
  const text = typeof suggestion === "string" ? suggestion : "";
  return text && text !== original ? text : null;
}

/** What the guard found (kind, the words, their placeholder) and a button that swaps the
 * text boxes between the suggestion and the original. */
function foundList(item, boxes) {
  const kinds = words.kinds || {};
  const found = Array.isArray(item.found) ? item.found : [];
  const headingId = `redact-found-${item.id}`;
  let original = false;
  const swap = el("button", { class: "button button--small button--secondary", type: "button",
    "aria-controls": boxes.map(({ box }) => box.id).join(" ") }, words.use_original);
  swap.addEventListener("click", () => {
    original = !original;
    for (const { field, box } of boxes) {
      box.value = original ? field.original : (field.suggestion ?? field.original);
    }
    swap.textContent = original ? words.use_suggestion : words.use_original;
    boxes[0].box.focus();
  });
  return el("div", { class: "redact-found" },
    el("p", { class: "redact-found__heading", id: headingId, text: words.found_heading }),
    el("ul", { class: "redact-found__list", "aria-labelledby": headingId },
      found.map((f) => el("li", {},
        el("strong", { text: kinds[f.kind] || f.kind }),
        ": ",
        el("mark", { class: "redact-found__words", text: f.text }),
        ` ${words.becomes} `,
        el("span", { class: "redact-found__placeholder", text: f.placeholder })))),
    el("p", { class: "field__hint", text: words.suggested_hint }),
    swap);
}
