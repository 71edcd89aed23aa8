// Runs in <head>, before the page is drawn, and marks <html> so the first frame already has the
// layout the scripts give the page; nothing jumps when they arrive on a slow connection.
// - class "js" for "no-js", as Material's bundle sets it later: its search button, and our
//   key points' share buttons, have their place from the start.
// - data-language-offer: the browser prefers another of the site's languages, and the reader
//   has not been offered one on this site yet; the offer's line is kept above the page.
(() => {
  "use strict";
  document.documentElement.classList.replace("no-js", "js");
  const data = document.getElementById("site-languages");
  if (!data) return;
  const ours = Object.keys(JSON.parse(data.textContent));
  try {
    if (localStorage.getItem("language-suggestion-dismissed") === "1") return;
  } catch (e) { /* private mode: offer it */ }
  const wanted = navigator.languages && navigator.languages.length ? navigator.languages : [navigator.language];
  for (const tag of wanted) {
    const code = String(tag || "").toLowerCase();
    const match = ours.find((one) => code === one.toLowerCase() || code.startsWith(one.toLowerCase() + "-"));
    if (!match) continue;
    if (match !== document.documentElement.lang) document.documentElement.dataset.languageOffer = match;
    return;
  }
})();
