// Destructive console forms ask first: a form with data-confirm="question" opens a <dialog>
// (keyboard: the safe answer has the focus, Esc cancels) and is sent only on "yes". Without
// JavaScript the form is sent as before; the server never depends on this step.

const strings = (() => {
  try {
    return JSON.parse(document.getElementById("confirm-i18n")?.textContent || "{}");
  } catch {
    return {};
  }
})();

function ask(question, yes) {
  const dialog = document.createElement("dialog");
  dialog.className = "confirm-dialog";
  dialog.setAttribute("aria-labelledby", "confirm-question");
  const form = document.createElement("form");
  form.method = "dialog";
  form.className = "stack";
  const text = document.createElement("p");
  text.id = "confirm-question";
  text.className = "h3";
  text.textContent = question;
  const actions = document.createElement("p");
  actions.className = "actions";
  const confirm = document.createElement("button");
  confirm.className = "button button--primary";
  confirm.value = "confirm";
  confirm.textContent = yes || strings.yes || "OK";
  const cancel = document.createElement("button");
  cancel.className = "button button--secondary";
  cancel.value = "cancel";
  cancel.textContent = strings.cancel || "Avbryt";
  cancel.autofocus = true;
  actions.append(confirm, cancel);
  form.append(text, actions);
  dialog.append(form);
  document.body.append(dialog);
  return new Promise((resolve) => {
    dialog.addEventListener("close", () => {
      resolve(dialog.returnValue === "confirm");
      dialog.remove();
    }, { once: true });
    dialog.showModal();
  });
}

document.addEventListener("submit", async (event) => {
  const form = event.target;
  if (!(form instanceof HTMLFormElement) || !form.dataset.confirm) return;
  if (form.dataset.confirmed === "true" || typeof HTMLDialogElement !== "function") return;
  event.preventDefault();
  const submitter = event.submitter;
  if (await ask(form.dataset.confirm, form.dataset.confirmYes)) {
    form.dataset.confirmed = "true";
    form.requestSubmit(submitter || undefined);
  } else {
    submitter?.focus();
  }
});
