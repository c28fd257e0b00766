// What runs before the app, as one small classic script (one request: on HTTP/1.1 a browser
// opens six connections to a host, and the wasm download must not wait for a free one).
// No inline code, so the strict CSP holds.
//
// 1. The guard: a clear message instead of a frozen page when the app stops.
// 2. The bank prefetch: the question bank starts downloading while the wasm compiles.
// 3. The loading message, in the user's language.
// 4. The offline copy: the service worker (sw.js) and the new-version handshake.
//
// The single file (tools/single-file.mjs) carries this script too, with the default bank
// inside (#soc-default-bank): it downloads nothing and registers no worker.

// Shows a clear message instead of a frozen page when the app stops: a Rust panic (the
// panic hook calls window.socFatal) or a WebAssembly trap / failed load (caught here).
(function () {
  'use strict';
  var TEXT = {
    en: {
      title: 'The assessment stopped',
      text: 'Something went wrong inside the app. Your answers are saved in this browser up to your last change and are safe. Reload the page to continue.',
      downloadTitle: 'The assessment could not be downloaded',
      download: 'A file the app needs could not be downloaded. Your answers are saved in this browser and are safe. Check your connection, then reload the page.',
      reload: 'Reload the page'
    },
    zh: {
      title: '评估已停止运行',
      text: '应用内部出现错误。截至您最后一次修改的答案都已保存在本浏览器中，不会丢失。请重新加载页面继续。',
      downloadTitle: '无法下载评估',
      download: '无法下载应用所需的文件。您的答案已保存在本浏览器中，不会丢失。请检查网络连接后重新加载页面。',
      reload: '重新加载页面'
    }
  };
  var shown = false;
  function lang() {
    var l = (document.documentElement.lang || navigator.language || 'en').toLowerCase();
    return l.indexOf('zh') === 0 ? 'zh' : 'en';
  }
  function show(detail, kind) {
    if (shown) return;
    shown = true;
    var t = TEXT[window.__socLang || lang()];
    var box = document.getElementById('fatal');
    if (!box) return;
    var loading = document.getElementById('loading');
    if (loading) loading.remove();
    document.getElementById('fatal-title').textContent = kind === 'download' ? t.downloadTitle : t.title;
    document.getElementById('fatal-text').textContent = kind === 'download' ? t.download : t.text;
    var btn = document.getElementById('fatal-reload');
    btn.textContent = t.reload;
    btn.addEventListener('click', function () { location.reload(); });
    box.hidden = false;
    document.body.classList.add('has-fatal');
    if (detail) box.setAttribute('data-detail', String(detail).slice(0, 500));
    btn.focus();
  }
  window.socFatal = show;
  function isAppFailure(err, message) {
    var m = String(message || (err && err.message) || '');
    return (typeof WebAssembly !== 'undefined' && err instanceof WebAssembly.RuntimeError) ||
      /unreachable|RuntimeError|wasm|WebAssembly/i.test(m);
  }
  window.addEventListener('error', function (e) {
    if (isAppFailure(e.error, e.message)) show(e.message);
  });
  window.addEventListener('unhandledrejection', function (e) {
    if (isAppFailure(e.reason)) show(e.reason && e.reason.message);
  });
})();

// The language the app will choose (`initial_lang` in src/ui/app.rs): ?lang=, then the
// saved choice, then the browser's languages; English otherwise.
window.__socLang = (function () {
  'use strict';
  function parse(tag) {
    var primary = String(tag || '').split(/[-_]/)[0].toLowerCase();
    return primary === 'en' || primary === 'zh' ? primary : null;
  }
  var lang = null;
  try { lang = parse(new URLSearchParams(location.search).get('lang')); } catch (e) { /* none */ }
  if (!lang) {
    try { lang = parse(JSON.parse(localStorage.getItem('soc-readiness.v1.lang'))); } catch (e) { /* blocked or unreadable */ }
  }
  var langs = navigator.languages || [navigator.language];
  for (var i = 0; !lang && i < langs.length; i++) lang = parse(langs[i]);
  return lang || 'en';
})();

// Starts downloading the question bank while the WebAssembly app downloads and compiles,
// instead of after it has started: the provider's bank from ?bank= (same origin only), or
// else the default bank's pack in the visitor's language (banks/default.en.jsonl or
// banks/default.zh.jsonl: no guidance, one language; src/core/bank/pack.rs). The app takes
// the response from window.__socBankPrefetch when its URL matches; anything else it fetches
// itself.
(function () {
  'use strict';
  if (document.getElementById('soc-default-bank')) return; // the single file: inside
  // The app's own words in that language (text/ui.en.json or text/ui.zh.json), which it
  // needs before it can show anything (src/ui_text.rs).
  try {
    var text = new URL('text/ui.' + window.__socLang + '.json', location.href);
    window.__socTextPrefetch = { url: text.href, response: fetch(text.href) };
  } catch (e) { /* the app downloads it itself */ }
  try {
    var bank = new URLSearchParams(location.search).get('bank') || 'banks/default.' + window.__socLang + '.jsonl';
    var url = new URL(bank, location.href);
    if (url.origin !== location.origin) return;
    window.__socBankPrefetch = { url: url.href, response: fetch(url.href) };
  } catch (e) { /* the app reports bad bank URLs itself */ }
})();

// The loading message, in the language the app will choose. One language only, tagged with
// it, so a screen reader reads it in the right voice.
(function () {
  'use strict';
  var lang = window.__socLang;
  var loading = document.getElementById('loading');
  if (loading) {
    loading.lang = lang === 'zh' ? 'zh-CN' : 'en';
    loading.textContent = lang === 'zh' ? '正在加载评估…' : 'Loading the assessment…';
  }
})();

// The offline copy (public/sw.js, written into each build by tools/service-worker.mjs).
// Registered after the page has loaded, so caching never competes with the first start.
// When a new release has been downloaded, the app is told (window.__socUpdateReady and the
// event 'soc-readiness:update-ready'; src/ui/update.rs shows the notice); the page reloads
// only through window.__socApplyUpdate, which the notice's button calls. Not in embed mode
// (?embed=1): a host's page needs the network anyway, and a worker in a third-party frame is
// partitioned by the host's site (EMBEDDING.md).
(function () {
  'use strict';
  if (!('serviceWorker' in navigator) || document.getElementById('soc-default-bank')) return;
  var params = new URLSearchParams(location.search);
  if (params.get('embed') === '1') return;
  var asked = false;
  function announce() {
    window.__socUpdateReady = true;
    window.dispatchEvent(new Event('soc-readiness:update-ready'));
  }
  var sw = navigator.serviceWorker;
  // Another tab may have agreed first: this one then runs the old release under the new
  // worker, and is told too.
  sw.addEventListener('controllerchange', function () {
    if (asked) location.reload(); else announce();
  });
  window.__socApplyUpdate = function () {
    asked = true;
    sw.getRegistration().then(function (reg) {
      if (reg && reg.waiting) reg.waiting.postMessage({ type: 'soc-readiness:use-new-version' });
      else location.reload();
    }, function () { location.reload(); });
  };
  function watch(reg) {
    var w = reg.installing;
    if (!w) return;
    w.addEventListener('statechange', function () {
      if (w.state === 'installed' && sw.controller) announce();
    });
  }
  // The question-bank files this page downloaded (the language packs, their guidance, a
  // provider's bank), for the worker to keep for offline use.
  function keepBanks() {
    sw.ready.then(function (reg) {
      var urls = performance.getEntriesByType('resource').map(function (e) { return e.name; })
        .filter(function (u) { return u.indexOf('/banks/') > 0; });
      if (reg.active && urls.length) reg.active.postMessage({ type: 'soc-readiness:keep', urls: urls });
    }).catch(function () { /* no worker */ });
  }
  document.addEventListener('visibilitychange', function () {
    if (document.visibilityState === 'hidden') keepBanks();
  });
  window.addEventListener('load', function () {
    keepBanks();
    sw.register('sw.js').then(function (reg) {
      if (reg.waiting && sw.controller) announce();
      watch(reg);
      reg.addEventListener('updatefound', function () { watch(reg); });
      // A tab left open for days still learns of a new release.
      setInterval(function () { reg.update().catch(function () { /* offline */ }); }, 3600000);
    }).catch(function () { /* no worker (private mode, a host without sw.js): online only */ });
  });
})();
