// Two small helps that need the reader's browser: offer the reader's own language (never a
// redirect), and speak the reader's language on the "page not found" page.
(() => {
  "use strict";
  const data = document.getElementById("site-languages");
  if (!data) return;
  const languages = JSON.parse(data.textContent);
  const DISMISSED = "language-suggestion-dismissed";

  function remember() {
    try { localStorage.setItem(DISMISSED, "1"); } catch (e) { /* private mode: ask again */ }
  }

  function dismissed() {
    try { return localStorage.getItem(DISMISSED) === "1"; } catch (e) { return false; }
  }

  // The first of the browser's preferred languages that the site has, if any.
  function preferredLanguage() {
    const wanted = navigator.languages && navigator.languages.length ? navigator.languages : [navigator.language];
    for (const tag of wanted) {
      const code = String(tag || "").toLowerCase();
      const match = Object.keys(languages).find((ours) => code === ours.toLowerCase() || code.startsWith(ours.toLowerCase() + "-"));
      if (match) return match;
    }
    return null;
  }

  function offerPreferredLanguage() {
    const box = document.querySelector(".language-suggestion");
    const here = document.documentElement.lang;
    const wanted = preferredLanguage();
    if (!box || !wanted || wanted === here || dismissed()) return;
    const target = document.querySelector(`.md-select__link[hreflang="${wanted}"]`);
    const text = languages[wanted];
    if (!target || !text) return;
    box.lang = wanted;
    box.dir = text.dir;
    const link = document.createElement("a");
    link.href = target.href;
    link.hreflang = wanted;
    link.textContent = text.suggest;
    link.addEventListener("click", remember);
    const close = document.createElement("button");
    close.type = "button";
    close.className = "language-suggestion__close";
    close.setAttribute("aria-label", text.close);
    close.textContent = "×";
    close.addEventListener("click", () => { remember(); box.hidden = true; });
    box.append(link, close);
    box.hidden = false;
  }

  function translateNotFoundPage() {
    const page = document.querySelector(".not-found");
    if (!page) return;
    const root = page.dataset.siteRoot;
    const path = location.pathname.startsWith(root) ? location.pathname.slice(root.length) : "";
    const code = path.split("/")[0];
    const text = languages[code];
    if (!text || code === document.documentElement.lang) return;
    document.documentElement.lang = code;
    document.documentElement.dir = text.dir;
    document.body.dir = text.dir;
    for (const element of page.querySelectorAll("[data-text]")) element.textContent = text[element.dataset.text];
    page.querySelector("[data-home]").href = root + text.home;
    document.title = text.not_found_title;
  }

  document.addEventListener("click", (event) => {
    if (event.target.closest && event.target.closest(".md-select__link")) remember();
  });
  // A table wider than the screen scrolls; keyboard users must be able to reach and scroll it.
  function makeScrollingTablesFocusable() {
    for (const wrap of document.querySelectorAll(".md-typeset__scrollwrap")) {
      if (wrap.scrollWidth > wrap.clientWidth) {
        wrap.tabIndex = 0;
        wrap.setAttribute("role", "region");
        const caption = wrap.closest("article")?.querySelector("h1");
        if (caption) wrap.setAttribute("aria-label", caption.textContent.trim());
      }
    }
  }

  translateNotFoundPage();
  offerPreferredLanguage();
  // Material wraps tables once it has loaded; look after that, and again when the size changes.
  addEventListener("load", makeScrollingTablesFocusable);
  addEventListener("resize", makeScrollingTablesFocusable);
})();
