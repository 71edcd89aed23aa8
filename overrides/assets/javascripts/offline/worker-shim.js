// A stand-in for Worker in the offline archive: pages opened from disk (file://) cannot start
// a worker, so Material's search worker runs in a hidden frame of the page instead. It does what
// iframe-worker (MIT, by Martin Donath; Material's offline plugin loads it from a CDN) does, but
// without writing an inline script into the frame, which the Content-Security-Policy forbids:
// the frame loads worker-scope.js first. Loaded in <head> by the offline build only.
"use strict";
(() => {
  const scope = new URL("worker-scope.js", document.currentScript.src).href;
  const attribute = (text) => String(text).replace(/&/g, "&amp;").replace(/"/g, "&quot;");

  class FrameWorker extends EventTarget {
    constructor(url) {
      super();
      this.frame = document.createElement("iframe");
      this.frame.hidden = true;
      document.body.appendChild(this.frame);
      const frame = this.frame.contentWindow;
      frame.document.open();
      frame.document.write(
        `<html><body><script src="${attribute(scope)}"></` + `script>` +
          `<script src="${attribute(url)}"></` + `script></body></html>`
      );
      frame.document.close();
      this.ready = new Promise((resolve, reject) => {
        frame.onload = resolve;
        frame.onerror = reject;
      });
      this.relay = (event) => {
        if (event.source !== frame) return;
        const message = new MessageEvent("message", { data: event.data });
        this.dispatchEvent(message);
        if (this.onmessage) this.onmessage(message);
      };
      window.addEventListener("message", this.relay);
    }

    postMessage(data) {
      this.ready
        .catch(() => undefined)
        .then(() => this.frame.contentWindow.dispatchEvent(new MessageEvent("message", { data: structuredClone(data) })));
    }

    terminate() {
      window.removeEventListener("message", this.relay);
      this.frame.remove();
    }
  }

  window.IFrameWorker = FrameWorker; // the search worker looks for this name to find its files
  if (location.protocol === "file:") window.Worker = FrameWorker;
})();
