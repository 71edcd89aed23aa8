// Runs first in the frame that stands in for the search worker (see worker-shim.js): what a
// worker's global scope has and a frame lacks. Scripts load one after the other, as in a worker.
"use strict";
window.postMessage = (data) => parent.postMessage(data, "*");
window.importScripts = (...urls) =>
  urls.reduce(
    (previous, url) =>
      previous.then(
        () =>
          new Promise((resolve, reject) => {
            const script = document.createElement("script");
            script.src = url;
            script.onload = resolve;
            script.onerror = reject;
            document.body.appendChild(script);
          })
      ),
    Promise.resolve()
  );
// The search worker finds its own folder from the frame's first script[src]: leave it that one.
document.currentScript.remove();
