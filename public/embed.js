/*! SOC readiness self-assessment: embed loader (no dependencies, ~2 KB).
 *
 * Usage on a host page:
 *   <div data-soc-readiness data-bank="banks/example-cloud.json" data-lang="zh"
 *        data-primary="#0052d9" data-share-results="true"></div>
 *   <script src="https://provider.example/trust/readiness/embed.js" defer></script>
 *
 * Every element with `data-soc-readiness` gets an iframe of the app (from the folder this
 * script was loaded from, or `data-src`), sized to its content. Options (data attributes):
 *   data-src            app URL (default: this script's folder)
 *   data-bank           question bank path on the app's site (e.g. banks/example-cloud.json)
 *   data-lang           en | zh
 *   data-config         branding JSON file on the app's site
 *   data-primary        colour #rgb or #rrggbb     data-font    font names, comma-separated
 *   data-radius         corner radius in px, 0-24  data-logo    image path on the app's site
 *   data-provider       provider name (text)       data-title   iframe title (accessibility)
 *   data-share-results  "true": the host receives the verdict and overall score at the end
 * Events dispatched on the element (CustomEvent, detail = the message):
 *   soc-readiness:ready, soc-readiness:height, soc-readiness:step, soc-readiness:completed
 * Command: window.SocReadiness.setLanguage(element, "zh" | "en").
 * Messages are exchanged only with the app's origin; answers never leave the frame.
 */
(function () {
  'use strict';
  var script = document.currentScript;
  var base = script ? new URL('.', script.src).href : new URL('.', location.href).href;
  var OPTIONS = { bank: 'bank', lang: 'lang', config: 'config', primary: 'primary', font: 'font',
    radius: 'radius', logo: 'logo', provider: 'provider' };
  var frames = [];

  function mount(el) {
    if (el.__socReadiness) return;
    var src = new URL(el.getAttribute('data-src') || base, location.href);
    src.searchParams.set('embed', '1');
    src.searchParams.set('host', location.origin);
    Object.keys(OPTIONS).forEach(function (k) {
      var v = el.getAttribute('data-' + k);
      if (v) src.searchParams.set(OPTIONS[k], v);
    });
    if (el.getAttribute('data-share-results') === 'true') src.searchParams.set('share', '1');
    var frame = document.createElement('iframe');
    frame.src = src.href;
    frame.title = el.getAttribute('data-title') || 'SOC readiness self-assessment';
    frame.setAttribute('loading', 'lazy');
    frame.setAttribute('referrerpolicy', 'no-referrer');
    frame.style.cssText = 'width:100%;min-width:300px;border:0;display:block;height:640px';
    el.appendChild(frame);
    var entry = { el: el, frame: frame, origin: src.origin };
    el.__socReadiness = entry;
    frames.push(entry);
  }

  window.addEventListener('message', function (e) {
    for (var i = 0; i < frames.length; i++) {
      var f = frames[i];
      if (e.source !== f.frame.contentWindow || e.origin !== f.origin) continue;
      var d = e.data;
      if (!d || typeof d.type !== 'string' || d.type.indexOf('soc-readiness:') !== 0) return;
      if (d.type === 'soc-readiness:height' && typeof d.height === 'number' && d.height > 0) {
        f.frame.style.height = Math.min(Math.ceil(d.height), 100000) + 'px';
      }
      f.el.dispatchEvent(new CustomEvent(d.type, { detail: d }));
      return;
    }
  });

  window.SocReadiness = {
    setLanguage: function (el, lang) {
      var f = el && el.__socReadiness;
      if (f && f.frame.contentWindow) {
        f.frame.contentWindow.postMessage({ type: 'soc-readiness:set-language', lang: lang }, f.origin);
      }
    },
    mount: mount
  };

  function mountAll() {
    var els = document.querySelectorAll('[data-soc-readiness]');
    for (var i = 0; i < els.length; i++) mount(els[i]);
  }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', mountAll);
  else mountAll();
})();
