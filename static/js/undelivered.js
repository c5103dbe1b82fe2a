// What the workshop did not receive because it had ended, shown so nothing written vanishes.
//
// The outbox's Sender moves an item refused with `workshop_closed` out of the outbox (no more
// resends) into the "undelivered" shelf (`new Outbox(id, {shelf: "undelivered"})`). This
// panel says, in the page's language, that the workshop has ended and these words did not
// reach it, shows each text to select and copy, and lets the writer dismiss it. It stays on
// the phone (across reloads) until dismissed.
//
// API
//   showUndelivered(section, shelf, strings): draws the panel into ``section`` now and
//     whenever ``shelf`` changes. ``strings``: heading, lead, text_label, copy, copied,
//     dismiss.

import { el } from "./common.js";

/** Copy ``text``; where the clipboard is not allowed (plain http), select it for the writer. */
async function copy(text, box) {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    box.focus();
    box.select();
    return false;
  }
}

function entry(item, index, shelf, strings) {
  const id = `undelivered-text-${index}`;
  const box = el("textarea", {
    class: "input textarea undelivered__text", id, rows: "4", readonly: true,
    "aria-label": strings.text_label,
  });
  box.value = item.text || "";
  const said = el("p", { class: "small undelivered__said", "aria-live": "polite" });
  const copyButton = el("button", { class: "button button--secondary", type: "button",
    "aria-describedby": id, text: strings.copy });
  copyButton.addEventListener("click", async () => {
    said.textContent = (await copy(box.value, box)) ? strings.copied : "";
  });
  const dismiss = el("button", { class: "button button--secondary", type: "button",
    "aria-describedby": id, text: strings.dismiss });
  dismiss.addEventListener("click", () => shelf.remove(item.client_id));
  return el("li", { class: "undelivered__item stack", dataset: { clientId: item.client_id } },
    box, el("p", { class: "actions" }, copyButton, dismiss), said);
}

export function showUndelivered(section, shelf, strings) {
  if (!section) return;
  const draw = () => {
    const items = shelf.items();
    section.hidden = items.length === 0;
    section.replaceChildren(...(items.length ? [
      el("div", { class: "notice notice--warning" },
        el("h2", { class: "h4 notice__text", id: "undelivered-heading", text: strings.heading }),
        el("p", { class: "notice__text", text: strings.lead })),
      el("ul", { class: "my-list undelivered__list" },
        items.map((item, index) => entry(item, index, shelf, strings))),
    ] : []));
  };
  shelf.onChange(draw);
  draw();
}
