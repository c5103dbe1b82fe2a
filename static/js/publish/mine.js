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

// Own perspectives on other pages of the list: ask where they are (published ones only) and
// link to the page that holds each.
async function elsewhere(own) {
  const box = document.getElementById("pub-mine");
  if (!box || !page.dataset.where) return;
  const listed = new Set([...page.querySelectorAll("#perspective-list [data-perspective-id]")]
    .map((quote) => quote.dataset.perspectiveId));
  const missing = [...own].filter((id) => /^\d+$/.test(id) && !listed.has(id)).slice(0, 200);
  if (!missing.length) return;
  try {
    const response = await fetch(`${page.dataset.where}?ids=${missing.join(",")}`,
                                 { headers: { Accept: "application/json" } });
    if (!response.ok) return;
    const found = (await response.json()).perspectives || [];
    if (!found.length) return;
    const list = box.querySelector("ul");
    for (const item of found) {
      const link = document.createElement("a");
      link.href = item.url;
      link.textContent = page.dataset.elsewhereItem.replace("{id}", item.id)
        .replace("{page}", item.page);
      const entry = document.createElement("li");
      entry.append(link);
      list.append(entry);
    }
    box.hidden = false;
  } catch {
    // Offline or refused: the page still works, it just does not point further.
  }
}

if (page) {
  const own = mine();
  if (own.size) {
    mark(own);
    elsewhere(own);
  }
}
