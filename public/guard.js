// Shows a clear message instead of a frozen page when the app stops: a Rust panic (the
// panic hook calls window.socFatal) or a WebAssembly trap / failed load (caught here).
// A classic script, loaded before the app; no inline code, so the strict CSP holds.
(function () {
  'use strict';
  var TEXT = {
    en: {
      title: 'The assessment stopped',
      text: 'Something went wrong inside the app. Your answers are saved in this browser up to your last change and are safe. Reload the page to continue.',
      reload: 'Reload the page'
    },
    zh: {
      title: '评估已停止运行',
      text: '应用内部出现错误。截至您最后一次修改的答案都已保存在本浏览器中，不会丢失。请重新加载页面继续。',
      reload: '重新加载页面'
    }
  };
  var shown = false;
  function lang() {
    var l = (document.documentElement.lang || navigator.language || 'en').toLowerCase();
    return l.indexOf('zh') === 0 ? 'zh' : 'en';
  }
  function show(detail) {
    if (shown) return;
    shown = true;
    var t = TEXT[lang()];
    var box = document.getElementById('fatal');
    if (!box) return;
    document.getElementById('fatal-title').textContent = t.title;
    document.getElementById('fatal-text').textContent = t.text;
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
