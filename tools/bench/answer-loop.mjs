// The peer benchmark's in-page answering loop (click an option, yield a task, force layout;
// then "Next" until the last section), for tools/bench/profile.mjs and tools/bench/ab.mjs.
// Returns { ms, clicks, clickMs, viewMs }: total, clicks, and the time spent changing sections.
export function answerAll(page) {
  return page.evaluate(async () => {
    const yieldTask = () => new Promise((r) => { const ch = new MessageChannel(); ch.port1.onmessage = () => r(); ch.port2.postMessage(0); });
    const vis = (el) => !!el && el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden';
    const groups = () => [...document.querySelectorAll('[data-q]')].filter(vis);
    const sig = () => groups().map((g) => g.getAttribute('data-q')).join('|');
    const fixed = { scope_cloud: 0, scope_dev: 0, scope_ot: 1 };
    const t0 = performance.now();
    let clicks = 0, qi = 0, clickMs = 0, viewMs = 0;
    for (let guard = 0; guard < 200; guard++) {
      for (const g of groups()) {
        const key = g.getAttribute('data-q');
        if (g.querySelector('input:checked')) { qi++; continue; }
        const opts = g.querySelectorAll('label[data-option]');
        const k = key in fixed ? fixed[key] : (qi * 3 + 1) % opts.length;
        const tc = performance.now();
        opts[k].click(); clicks++; qi++;
        await yieldTask(); void document.body.offsetHeight;
        clickMs += performance.now() - tc;
      }
      const next = [...document.querySelectorAll('#step-next[data-next=questions]')].find(vis);
      if (!next) break;
      const tv = performance.now();
      const before = sig();
      next.click();
      for (let k = 0; k < 20000; k++) { await yieldTask(); const s = sig(); if (s && s !== before) break; }
      void document.body.offsetHeight;
      viewMs += performance.now() - tv;
    }
    return { ms: performance.now() - t0, clicks, clickMs, viewMs };
  });
}
