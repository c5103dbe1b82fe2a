// The console's "block the writer" button: stop one participant's further submissions.
//
// It asks first (window.confirm); the block is POST /api/v1/participants/{id}/block, logged
// in the moderation log. What the participant already wrote stays and is moderated as usual.

import { el } from "../common.js";

/** A button that blocks the author of ``p``; ``report(kind, text)`` tells how it went. */
export function blockButton(p, about, strings, apiToken, report) {
  return el(
    "button",
    {
      type: "button",
      class: "button button--small button--stop-sender",
      dataset: { action: "block", id: String(p.id) },
      onclick: () => block(p.participant_id, strings, apiToken, report),
    },
    strings.block,
    el("span", { class: "visually-hidden", text: ` ${about}` }),
  );
}

async function block(participantId, strings, apiToken, report) {
  if (!window.confirm(strings.block_confirm)) return;
  try {
    const url = `/api/v1/participants/${encodeURIComponent(participantId)}/block`;
    const response = await fetch(url, {
      method: "POST",
      headers: {
        Authorization: `Bearer ${apiToken}`,
        "Content-Type": "application/json",
        Accept: "application/json",
        "Accept-Language": document.documentElement.lang || "sv",
      },
      body: "{}",
    });
    const answer = await response.json().catch(() => ({}));
    if (response.ok) report("success", strings.blocked);
    else report("error", answer?.error?.message || strings.request_failed);
  } catch {
    report("error", strings.request_failed);
  }
}
