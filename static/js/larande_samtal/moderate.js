// A reflection card on the samtal console, with the workshop console's moderation controls:
// "Godkänn ändå" for one held back for personal data, "Dölj" with its panel of one-tap
// common reasons and own words (../inventering/hide.js, the same part), and "Visa igen" for a
// hidden one (hiding never deletes, so it stays on the console with its reason), and the
// workshop console's "Redigera" box (../inventering/redact.js) to cut personal data from the
// prompts and approve the rest, starting from the guard's suggestion. Each
// decision goes through the API's action (POST /api/v1/reflections/{id}/moderation), the one
// the console's forms and other clients use; the server tells the other consoles and the
// writer's phone.

import { displayName, el, format, readStrings } from "../common.js";
import { hideControl } from "../inventering/hide.js";
import { editBox, suggested } from "../inventering/redact.js";

const strings = readStrings();
const PROMPTS = ["understood", "question", "keep"];

/** A short text that names the reflection for screen readers ("reflektionen: ..."). */
function aboutOf(reflection) {
  const first = PROMPTS.map((key) => reflection[key]).find(Boolean) || "";
  const short = first.length > 40 ? `${first.slice(0, 39)}…` : first;
  return format(strings.about, { text: short });
}

/** The buttons (and the closed hide panel) for one reflection; `send(action, extra)`. */
export function controls(reflection, send) {
  const about = aboutOf(reflection);
  const personal = reflection.personal_data || [];
  const button = (label, extra) => el("button", {
    type: "button",
    class: `button button--small button--approve${extra}`,
    dataset: { action: "approve", id: String(reflection.id) },
    onclick: () => send("approve"),
  }, label, el("span", { class: "visually-hidden", text: `: ${about}` }));
  const actions = [];
  if (reflection.status === "hidden") actions.push(button(strings.show_again, ""));
  else if (reflection.status !== "approved") {
    actions.push(personal.length
      ? button(strings.approve_anyway, " button--approve-anyway")
      : button(strings.approve, ""));
  }
  const hiding = reflection.status === "hidden" ? null : hideControl(
    { id: `reflection-${reflection.id}` }, about, strings.hide,
    (reason, code) => send("hide", { reason, reason_code: code }));
  if (hiding) actions.push(hiding.button);
  return [el("div", { class: "p-card__actions" }, actions), hiding ? hiding.panel : null,
    reflection.status === "hidden" ? null : redactControl(reflection, about, send)];
}

/** The "Redigera" box over the three prompts: from the guard's suggestion when it flagged
 * the reflection (with a way back to the words as written), else from the words shown. */
function redactControl(reflection, about, send) {
  const suggestion = reflection.suggested_prompts || {};
  const fields = PROMPTS.map((name) => ({
    name, label: strings.prompts[name], original: reflection[name] || "",
    suggestion: suggested(suggestion[name], reflection[name] || ""),
  }));
  const flagged = fields.some((field) => field.suggestion !== null);
  return editBox({ id: `r${reflection.id}`, fields,
    found: flagged ? reflection.personal_data_found || [] : null }, about,
  (values, reason) => send("redact", { ...values, reason }),
  (reason) => send("hide", { reason, reason_code: "other" }));
}

/** The whole card, as templates/larande_samtal/_reflection.html draws it. */
export function reflectionCard(reflection, note, lang, send) {
  const group = reflection.stakeholder_group
    ? displayName(reflection.stakeholder_group)
    : strings.ungrouped;
  const personal = reflection.personal_data || [];
  const status = reflection.status;
  return el(
    "li",
    {
      class: `p-card p-card--${status}${personal.length ? " p-card--personal" : ""} reflection`,
      id: `reflection-${reflection.id}`,
      dataset: { id: String(reflection.id), status },
    },
    el("p", { class: "p-card__meta" },
      el("span", { class: "tag", text: strings.view_changes[reflection.view_change] || "" }),
      el("span", { class: "p-card__group", text: group }),
      el("span", { class: `status status--${status}` },
        el("span", { class: "status__icon", "aria-hidden": "true" }),
        el("span", { class: "status__word", text: strings.status[status] || status }))),
    personal.length && status !== "hidden"
      ? el("div", { class: "pd-warning" },
        el("span", { class: "pd-warning__icon", "aria-hidden": "true", text: "!" }),
        el("div", {},
          el("p", { class: "pd-warning__title", text: format(strings.personal_data_warning, {
            kinds: personal.map((kind) => strings.personal_data[kind] || kind).join(", ") }) }),
          status === "pending"
            ? el("p", { class: "pd-warning__advice", text: strings.personal_advice })
            : null))
      : null,
    PROMPTS.filter((key) => reflection[key]).map((key) =>
      el("p", { class: "reflection__line" },
        el("span", { class: "reflection__prompt", text: `${strings.prompts[key]}:` }), " ",
        el("span", { lang, text: reflection[key] }))),
    reflection.moved_by
      ? el("p", { class: "small muted", text: `${strings.moved_by}: ${reflection.moved_by.text}` })
      : null,
    note && note.reason && (status === "hidden" || note.action === "redact")
      ? el("p", { class: "reflection__note", text: format(
        status === "hidden" ? strings.hidden_reason : strings.redacted_reason,
        { reason: note.reason }) })
      : null,
    el("div", { class: "reflection__moderation", dataset: { moderation: "" } },
      controls(reflection, send)),
  );
}
