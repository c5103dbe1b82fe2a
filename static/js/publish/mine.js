// On the public page, the perspectives this phone wrote get a quiet "ditt perspektiv", and a
// proposal built on one of them says so. What was whose is kept on the phone only
// (localStorage, written by the phone's "skickat" page); nothing is sent anywhere.
const page = document.getElementById("publication");

function mine() {
  try {
    return new Set(JSON.parse(localStorage.getItem(page.dataset.mineKey) || "[]").map(String));
  } catch {
    return new Set();
  }
}

function mark(own) {
  for (const quote of page.querySelectorAll("[data-perspective-id]")) {
    if (!own.has(quote.dataset.perspectiveId) || quote.querySelector(".pub-quote__yours")) continue;
    const badge = document.createElement("span");
    badge.className = "badge pub-quote__yours";
    badge.textContent = page.dataset.yours;
    quote.querySelector("figcaption")?.prepend(badge);
  }
  for (const proposal of page.querySelectorAll(".pub-proposal[data-perspective-ids]")) {
    const ids = proposal.dataset.perspectiveIds.split(" ").filter(Boolean);
    const line = proposal.querySelector(".pub-yours");
    if (!line || !ids.some((id) => own.has(id))) continue;
    const title = proposal.querySelector("h3")?.textContent || "";
    line.textContent = page.dataset.usedIn.replace("{title}", title);
    line.hidden = false;
  }
}

if (page) {
  const own = mine();
  if (own.size) mark(own);
}
