// Small helps that need the reader's browser: offer the reader's own language (never a
// redirect), speak the reader's language on the "page not found" page, keep the reader's place
// when switching language, and keep the reader's language for offline reading.
(() => {
  "use strict";
  const data = document.getElementById("site-languages");
  if (!data) return;
  const languages = JSON.parse(data.textContent);
  const DISMISSED = "language-suggestion-dismissed";

  function remember() {
    try { localStorage.setItem(DISMISSED, "1"); } catch (e) { /* private mode: ask again */ }
  }

  // language-offer.js chose the language in <head> and the stylesheet kept its line.
  function offerPreferredLanguage() {
    const box = document.querySelector(".language-suggestion");
    const wanted = document.documentElement.dataset.languageOffer;
    if (!box || !wanted) return;
    const target = document.querySelector(`.md-select__link[hreflang="${wanted}"]`);
    const text = languages[wanted];
    if (!target || !text) {
      delete document.documentElement.dataset.languageOffer; // no such page: give the line back
      return;
    }
    box.lang = wanted;
    box.dir = text.dir;
    const link = document.createElement("a");
    link.href = target.href;
    link.hreflang = wanted;
    link.textContent = text.suggest;
    const close = document.createElement("button");
    close.type = "button";
    close.className = "language-suggestion__close";
    close.setAttribute("aria-label", text.close);
    close.textContent = "×";
    close.addEventListener("click", () => {
      box.hidden = true;
      delete document.documentElement.dataset.languageOffer;
    });
    box.append(link, close);
    box.hidden = false;
    remember(); // shown once per site: no later page offers it again
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

  // The language switch keeps the reader's place: headings and key points carry the same id in
  // every language (key point ids are checked in each), so the other language opens at the same
  // section. Where an id is missing there, the page simply opens at its top.
  function keepPlaceInLanguageLinks() {
    for (const link of document.querySelectorAll(".md-select__link[hreflang]")) {
      const target = new URL(link.href, location.href);
      target.hash = location.hash;
      link.href = target.href;
    }
  }

  // After the page has loaded, the site's worker keeps this language's pages and search for
  // reading offline; it says so by setting data-kept-offline on <html>. Without a worker (an
  // old browser, a file:// page, the preview) the site works as before.
  function keepLanguageOffline() {
    const manifest = document.querySelector('link[rel="manifest"][data-worker]');
    if (!manifest || !("serviceWorker" in navigator)) return;
    const folder = manifest.dataset.keep || "";
    navigator.serviceWorker.addEventListener("message", (event) => {
      if (event.data && event.data.kept === folder) document.documentElement.dataset.keptOffline = folder || "/";
    });
    navigator.serviceWorker.startMessages();
    navigator.serviceWorker
      .register(manifest.dataset.worker)
      .then(() => navigator.serviceWorker.ready)
      .then((registration) => registration.active.postMessage({ keep: folder }))
      .catch(() => { /* no offline reading */ });
  }

  // Each key point's share button (in the page from the start, see keypoint_labels.py): the
  // phone's own share sheet where it has one (Web Share), else the link is copied, with a
  // visible note read aloud ("Link copied").
  function makeShareButtonsWork() {
    const text = languages[document.documentElement.lang];
    for (const share of document.querySelectorAll(".keypoint-share")) {
      const link = share.parentElement.querySelector(".keypoint-link");
      const note = share.nextElementSibling;
      share.addEventListener("click", () => {
        const title = link.closest(".admonition-title")?.querySelector(".keypoint-title")?.textContent || document.title;
        if (navigator.share) {
          navigator.share({ title, url: link.href }).catch(() => { /* the reader closed the share sheet */ });
          return;
        }
        navigator.clipboard.writeText(link.href).then(() => { note.textContent = text ? text.copied : "\u2713"; });
      });
    }
  }

  // A query typed in decomposed Unicode ("e" + a combining accent, as some keyboards send it)
  // is made NFC before Material reads it (this listener runs first, on the way down), so it
  // finds the pages' NFC text. Never during an input method's composition.
  document.addEventListener("input", (event) => {
    const field = event.target;
    if (!(field instanceof HTMLInputElement) || !field.matches(".md-search__input") || event.isComposing) return;
    const composed = field.value.normalize("NFC");
    if (composed !== field.value) field.value = composed;
  }, true);

  translateNotFoundPage();
  keepPlaceInLanguageLinks();
  makeShareButtonsWork();
  addEventListener("load", keepLanguageOffline);
  addEventListener("hashchange", keepPlaceInLanguageLinks);
  offerPreferredLanguage();
  // Material wraps tables once it has loaded; look after that, and again when the size changes.
  addEventListener("load", makeScrollingTablesFocusable);
  addEventListener("resize", makeScrollingTablesFocusable);
})();
