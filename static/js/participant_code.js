// After joining, the phone's next page shows the participant code once, until the person
// says they wrote it down. Nothing leaves the phone; the code lives in this tab only.

const KEY = "dialog.participant_code";
const box = document.getElementById("participant-code-box");

function stored() {
  try {
    return JSON.parse(sessionStorage.getItem(KEY) || "null");
  } catch {
    return null;
  }
}

const given = box && stored();
if (given && given.code) {
  document.getElementById("participant-code-value").textContent = given.code;
  document.getElementById("participant-code-returning").hidden = !given.returning;
  box.hidden = false;
  document.getElementById("participant-code-done").addEventListener("click", () => {
    try {
      sessionStorage.removeItem(KEY);
    } catch {
      // nothing stored, nothing to forget
    }
    box.hidden = true;
  });
}
