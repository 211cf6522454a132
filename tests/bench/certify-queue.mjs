// Benchmark (figures, never assertions): the 时长认定 queue with 500 records in headless
// Chromium. The API answers are served by page.route (no database needed); the frame CPU time
// is the platform's own figure (window.zygc.debug().frame_ms, smoothed) while the list is
// dragged, for 20 and for 500 records. Only rows in view are laid out, so the two should be
// close. Run: node tests/bench/certify-queue.mjs (after scripts/build).
import { startServer, launchBrowser, newPhonePage, touchDrag, idle, debug } from '../e2e/harness.mjs';

function quantile(sorted, q) { return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]; }

const me = { id: 5, phone_masked: '138****0002', display_name: '测试组织者', roles: ['resident', 'organizer'],
             teams: [{ id: 7, name: '海港区青年志愿者协会', role: 'leader' }], volunteer: null };
const shift = { id: 1, start: '2026-11-30T09:00:00+08:00', end: '2026-11-30T12:00:00+08:00', capacity: 600, signed_up: 500 };
const project = { id: 101, title: '小候鸟课后陪伴', summary: '陪伴', category: 'children', team_id: 7, team_name: '海港区青年志愿者协会',
                  district_id: 1, district_name: '海港区', site: { name: '文化广场', lat: 39.9, lng: 119.6, radius_m: 200 },
                  status: 'open', start: shift.start, end: shift.end, capacity: 600, signed_up: 500, shifts: [shift] };

function record(i) {
  const flags = i % 7 === 0 ? ['far_from_site', 'offline'] : i % 11 === 0 ? ['overlap'] : [];
  return {
    id: 1000 + i, volunteer: { id: 2000 + i, display_name: `志愿者${i}` }, project: { id: 101, title: project.title },
    team: { id: 7, name: project.team_name }, shift: { id: 1, start: shift.start, end: shift.end }, method: 'code',
    check_in: '2026-11-30T08:55:00+08:00', check_out: '2026-11-30T11:50:00+08:00', client_check_in: null,
    client_check_out: null, minutes: 170, status: 'pending', flags, distance_m: flags.length ? 420 : null,
    certify_by: '2026-12-14', overdue: i % 13 === 0, certified_by: null, certified_at: null, reason: null,
    corrects: null, corrected_by: null, dispute: null,
    history: [{ at: '2026-11-30T08:55:00+08:00', actor: { id: 2000 + i, display_name: `志愿者${i}` }, action: 'check_in',
                before: null, after: null, reason: null }],
  };
}

async function measure(browser, url, n) {
  const { context, page } = await newPhonePage(browser);
  const items = Array.from({ length: n }, (_, i) => record(i));
  await page.route('**/api/v1/**', (route) => {
    const u = new URL(route.request().url());
    const json = (body) => route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(body) });
    if (u.pathname === '/api/v1/me') return json(me);
    if (u.pathname === '/api/v1/projects/101') return json(project);
    if (u.pathname === '/api/v1/projects/101/attendance') return json({ items, roster: [], next_cursor: null, total: n });
    return route.continue();
  });
  await page.goto(url + '/#/projects/101/hours');
  await page.evaluate(() => window.zygc.ready);
  await page.waitForFunction((n) => window.zygc.semantics().some((x) => x.label === `共 ${n} 条`), n, { timeout: 90000 });
  const cdp = await context.newCDPSession(page);
  const samples = [];
  for (let i = 0; i < 12; i++) {
    const { gestures_ended: g } = await debug(page);
    await touchDrag(page, cdp, 200, 650, 200, 250, { steps: 10 });
    await idle(page, { gestures: g + 1, still: false, n: 2 });
    samples.push((await debug(page)).frame_ms);
  }
  await cdp.detach();
  await context.close();
  samples.sort((a, b) => a - b);
  return { median: quantile(samples, 0.5), max: samples[samples.length - 1] };
}

const server = await startServer();
const browser = await launchBrowser();
try {
  console.log('## 时长认定 queue: frame CPU while dragging (390x844, DPR 3, software WebGL, 12 drags)');
  for (const n of [20, 500]) {
    const r = await measure(browser, server.url, n);
    console.log(`${String(n).padStart(4)} records: frame_ms median ${r.median.toFixed(2)} ms, max ${r.max.toFixed(2)} ms`);
  }
} finally {
  await browser.close();
  await server.stop();
}
