// Starts downloading the question bank while the WebAssembly app downloads and compiles,
// instead of after it has started: the provider's bank from ?bank= (same origin only), or
// else the default bank (banks/default.jsonl, which the wasm does not carry). The app takes
// the response from window.__socBankPrefetch when its URL matches; anything else it fetches
// itself. A classic script with no inline code, so the strict CSP holds.
(function () {
  'use strict';
  try {
    var bank = new URLSearchParams(location.search).get('bank') || 'banks/default.jsonl';
    var url = new URL(bank, location.href);
    if (url.origin !== location.origin) return;
    window.__socBankPrefetch = { url: url.href, response: fetch(url.href) };
  } catch (e) { /* the app reports bad bank URLs itself */ }
})();
