// The facilitator draws an explicit link between two perspectives (builds on, contrasts
// with, same as); it is posted to the links API and shows on the map with the next update.

import { el, showNotice } from "../common.js";

export function renderLinkForm({ page, strings, onSaved }) {
  const form = document.getElementById("link-form");
  const source = document.getElementById("link-source");
  const target = document.getElementById("link-target");
  const relation = document.getElementById("link-relation");
  const status = document.getElementById("link-status");
  const submit = document.getElementById("link-submit");
  let sending = false;

  function fillSelect(select, options) {
    const chosen = select.value;
    select.replaceChildren(
      el("option", { value: "", text: strings.link_choose }),
      ...options.map((o) => el("option", { value: o.id, text: o.label })),
    );
    if (options.some((o) => String(o.id) === chosen)) select.value = chosen;
  }

  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    if (sending) return;
    if (!source.value || !target.value) {
      showNotice(status, "error", strings.link_incomplete);
      (source.value ? target : source).focus();
      return;
    }
    if (source.value === target.value) {
      showNotice(status, "error", strings.link_same);
      target.focus();
      return;
    }
    sending = true;
    submit.setAttribute("aria-disabled", "true");
    showNotice(status, "info", strings.link_saving);
    try {
      const response = await fetch(page.dataset.linksUrl, {
        method: "POST",
        credentials: "same-origin",
        headers: {
          Authorization: `Bearer ${page.dataset.apiToken}`,
          "Content-Type": "application/json",
          Accept: "application/json",
        },
        body: JSON.stringify({
          source_id: Number(source.value),
          target_id: Number(target.value),
          relation: relation.value,
        }),
      });
      const body = await response.json().catch(() => ({}));
      if (!response.ok) {
        showNotice(status, "error", body?.error?.message || strings.request_failed);
        return;
      }
      showNotice(status, "success", strings.link_saved);
      target.value = "";
      onSaved?.(body);
    } catch {
      showNotice(status, "error", strings.request_failed);
    } finally {
      sending = false;
      submit.removeAttribute("aria-disabled");
    }
  });

  return {
    update(options) {
      fillSelect(source, options);
      fillSelect(target, options);
    },
    choose(which, id) {
      const select = which === "source" ? source : target;
      select.value = String(id);
      select.focus();
    },
  };
}
