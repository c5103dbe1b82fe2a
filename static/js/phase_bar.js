// The console's phase bar: the "undo the phase change" form goes away when its minute is up
// (the server refuses it after that anyway, with a reason).

const undo = document.getElementById("phase-undo");
if (undo) {
  const seconds = Number(undo.dataset.seconds || 0);
  window.setTimeout(() => {
    if (!undo.contains(document.activeElement)) undo.hidden = true;
    else undo.querySelector("button")?.setAttribute("aria-disabled", "true");
  }, seconds * 1000);
}
