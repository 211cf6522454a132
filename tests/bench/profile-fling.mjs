// Where a fling's CPU goes (a diagnosis, not a benchmark): V8's sampling profiler over 12 flicks
// of a 5,000-project list (as frame.mjs loads it), self time per function, top 40, and who calls
// getParameter and getBoundingClientRect (the two DOM/WebGL calls that stood out). The wasm
// functions are numbered; name them as trace-start.mjs does if needed.
//   node tests/bench/prof-fling.mjs
import { ROOT, flick, launchBrowser, newPhonePage, openApp, startServer, waitSem } from '../e2e/harness.mjs';
const browser = await launchBrowser();
const server = await startServer();
const sample = await (await fetch(`${server.url}/api/v1/projects?limit=100`)).json();
const { page, context } = await newPhonePage(browser, { serviceWorkers: 'block' });
const items = Array.from({ length: 5000 }, (_, i) => ({ ...sample.items[i % sample.items.length], id: 1000000 + i, title: `${sample.items[i % sample.items.length].title} #${i}` }));
const body = JSON.stringify({ ...sample, items, total: 5000, next_cursor: null });
await page.route(/\/api\/v1\/projects(\?|$)/, (route) => route.fulfill({ status: 200, contentType: 'application/json', body }));
await openApp(page, `${server.url}/#/projects`);
await waitSem(page, (sem) => sem.some((x) => x.role === 'list-item' && / #0$/.test(x.label)), null, 'first', 60000);
const cdp = await context.newCDPSession(page);
await cdp.send('Profiler.enable');
await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
await cdp.send('Profiler.start');
for (let i = 0; i < 12; i++) { await flick(cdp, 195, 700, 250, { steps: 5, stepMs: 12 }); await page.waitForTimeout(700); }
const { profile } = await cdp.send('Profiler.stop');
const self = new Map(); const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const dt = profile.timeDeltas; let total = 0;
profile.samples.forEach((id, i) => { const n = byId.get(id); const k = `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.split('/').pop()}`; self.set(k, (self.get(k) || 0) + (dt[i] || 0)); total += dt[i] || 0; });
const top = [...self.entries()].sort((a, b) => b[1] - a[1]).slice(0, 40);
for (const [k, v] of top) console.log((v / 1000).toFixed(1).padStart(8), 'ms', k);
const parent = new Map(); for (const n of profile.nodes) for (const c of n.children || []) parent.set(c, n);
for (const want of ['getParameter', 'getBoundingClientRect']) {
  const by = new Map();
  profile.samples.forEach((id, i) => { const n = byId.get(id); if (n.callFrame.functionName !== want) return;
    let p = parent.get(n.id), chain = []; for (let d = 0; p && d < 4; d++, p = parent.get(p.id)) chain.push(p.callFrame.functionName || '?');
    const k = chain.join(' < '); by.set(k, (by.get(k) || 0) + (dt[i] || 0)); });
  console.log(want); for (const [k, v] of [...by.entries()].sort((a, b) => b[1] - a[1]).slice(0, 6)) console.log('  ', (v / 1000).toFixed(1), k);
}
console.log('total', (total / 1000).toFixed(0), 'ms');
await browser.close(); await server.stop();
