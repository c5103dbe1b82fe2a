// The join page: POST /api/v1/join, keep the participant token on this phone, go to the
// open phase's screen (through /w/<id>/now).

import { readStrings, showNotice } from "./common.js";
import { getToken, keys, rememberJoinCode, setItem, setToken } from "./outbox.js";

const strings = readStrings();
const form = document.getElementById("join-form");

if (form) {
  const status = document.getElementById("join-status");
  const button = document.getElementById("join-submit");
  const workshopId = form.dataset.workshopId;
  const codeField = document.getElementById("participant_code");
  const codeHint = document.getElementById("participant-code-hint");
  codeField?.addEventListener("input", () => {
    codeField.removeAttribute("aria-invalid");
    codeHint?.classList.remove("field__hint--error");
  });

  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    if (button.disabled) return;
    const data = new FormData(form);
    const group = String(data.get("stakeholder_group") || "");
    const ageBand = String(data.get("age_band") || "");
    const participantCode = String(data.get("participant_code") || "").trim();
    const body = { join_code: form.dataset.joinCode };
    if (group) body.stakeholder_group = group;
    if (ageBand) body.age_band = ageBand;
    if (participantCode) body.participant_code = participantCode;

    button.disabled = true;
    button.setAttribute("aria-busy", "true");
    showNotice(status, "info", strings.joining);
    try {
      const response = await fetch("/api/v1/join", {
        method: "POST",
        headers: { "Content-Type": "application/json", Accept: "application/json" },
        body: JSON.stringify(body),
        credentials: "same-origin",
      });
      const answer = await response.json().catch(() => ({}));
      if (response.status === 201 && answer.participant_token) {
        const joined = String(answer.workshop_id ?? workshopId);
        setToken(joined, answer.participant_token);
        rememberJoinCode(joined, form.dataset.joinCode);
        setItem(keys.group(joined), group);
        if (answer.participant_code) rememberCode(answer);
        // The open phase's screen: the write page, a conversation round, a check-back.
        window.location.assign(`/w/${encodeURIComponent(joined)}/now`);
        return;
      }
      if (answer.error && answer.error.code === "participant_code_required" && codeField) {
        // The field's hint already says the meeting needs the code: say it once, there.
        showNotice(status, "error");
        codeHint?.classList.add("field__hint--error");
        codeField.setAttribute("aria-invalid", "true");
        codeField.focus();
      } else {
        const message = (answer.error && answer.error.message) || strings.network_error;
        showNotice(status, "error", message);
      }
    } catch {
      showNotice(status, "error", strings.network_error);
    }
    button.disabled = false;
    button.removeAttribute("aria-busy");
  });

  // Someone who already joined on this phone can go straight on; joining again is allowed.
  const already = document.getElementById("already-joined");
  if (already && getToken(workshopId)) already.hidden = false;
}

// The next page shows the participant code to write down (see participant_code.js).
function rememberCode(answer) {
  try {
    sessionStorage.setItem("dialog.participant_code",
      JSON.stringify({ code: answer.participant_code, returning: Boolean(answer.returning) }));
  } catch {
    // Private mode without storage: the code cannot be shown; the phone still works.
  }
}
