// Exactly once, whatever the network does. The real app in headless Chromium performs
// VOLUNTEERS × PAIRS check-in/check-out pairs (default 6 × 50 = 300) through fault_proxy.mjs,
// which at a seeded 30 % combined rate drops requests before the server, drops answers after
// the server committed, duplicates requests, resets connections and adds delay, on every
// /attendance request. Each pair is made offline (context.setOffline) — both events wait in
// the outbox — and every tenth pair the page is reloaded while the outbox drains (a reload
// costs seconds; 30 of them keep the run within its budget).
//
// Minutes come from the clock steps: every shift lies in the last 22 h, so both events are
// "offline" events the server dates by their client_time (the app's clock is set with
// page.clock): check-in 2 min before the start, check-out 5 min before the end of a 20-minute
// shift. The check-out is tapped right after the clock moved on, before the app's next
// periodic Tick: the event must be dated by the clock at the tap (platform/web/main.cpp reads
// it before handling a frame's actions), not at the last Tick.
// The same script first runs with no faults: the same volunteers, the same shifts (times),
// the same clock steps and reloads, straight to a second server, for the first REF_PAIRS
// pairs of each volunteer (default 5 of 50, the first reload included: a fault-free pair
// costs about as much wall time as a faulty one). Every pair has the same shape (check-in
// 2 min before the start, check-out 5 min before the end), so the fault-free records must
// all have one number of minutes.
// After the outboxes drain, the SQLite file must hold every pair exactly once (one record,
// one check-in event, one check-out event, one history entry of each), and every record's
// minutes must be the fault-free run's; the test prints lost / duplicated / wrong counts
// (all 0).
//
// Needs the sqlite3 CLI (scripts/setup installs it).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launchBrowser, newPhonePage, openApp, waitSem, touchDrag } from './harness.mjs';
import { missing, startDevServer, sql, login, hasAttendance, openCheckin, tapButton, drain, rfc } from './attendance_lib.mjs';
import { startFaultProxy } from './fault_proxy.mjs';

const VOLUNTEERS = Number(process.env.ZYGC_FAULT_VOLUNTEERS || 6);
const PAIRS = Number(process.env.ZYGC_FAULT_PAIRS || 50);
const SEED = Number(process.env.ZYGC_FAULT_SEED || 20261130);
// The fault-free run (same volunteers, same script) covers the first REF_PAIRS pairs of each.
const REF_PAIRS = Math.min(PAIRS, Number(process.env.ZYGC_FAULT_REF_PAIRS || 5));
const SHIFT_MIN = 20, GAP_MIN = 25;

const why = missing();
const env = { server: null, ref: null, proxy: null, browser: null };

before(async () => {
  if (why) return;
  env.server = await startDevServer();
  env.ref = await startDevServer();
  env.proxy = await startFaultProxy({
    target: env.server.url, seed: SEED, rate: 0.3,
    faulty: (req) => req.url.startsWith('/api/v1/attendance/'),
  });
  env.browser = await launchBrowser();
});
after(async () => {
  await env.browser?.close();
  await env.proxy?.stop();
  await env.server?.stop();
  await env.ref?.stop();
});

// Volunteer i performs its pairs on `shifts` through `net` ({url, db}: the proxy in front of
// the server and its database, or the fault-free server itself).
async function volunteer(i, shifts, project, net) {
  const phone = '1390000' + String(1000 + i);
  const { context, page, errors } = await newPhonePage(env.browser, { dpr: 1 });
  try {
    await openApp(page, net.url + '/#/');
    const me = await login(page, phone);
    const now = Math.floor(Date.now() / 1000);
    for (const s of shifts) {
      sql(net.db, `INSERT INTO signups (user_id, shift_id, status, created_at)
        VALUES (${me.id}, ${s.id}, 'confirmed', ${now})`);
    }
    await context.grantPermissions(['geolocation']);
    await context.setGeolocation({ latitude: project.site.lat, longitude: project.site.lng });
    for (let k = 0; k < shifts.length; k++) {
      const s = shifts[k];
      await page.clock.setFixedTime((s.start - 120) * 1000);
      await openCheckin(page, s.id);
      await context.setOffline(true);
      await tapButton(page, '定位签到');
      await waitSem(page, (sem) => sem.find((n) => n.label.startsWith('待同步 · 签到')), null, 'queued check-in');
      await page.clock.setFixedTime((s.end - 300) * 1000);
      await tapButton(page, '签退');
      await waitSem(page, (sem) => sem.find((n) => n.label.startsWith('待同步 · 签退')), null, 'queued check-out');
      await context.setOffline(false);
      if (k % 10 === 4) {
        await page.reload();
        await page.evaluate(() => window.zygc.ready);
        await page.clock.setFixedTime((s.end - 300) * 1000);
        await page.evaluate((h) => { window.location.hash = h; }, '#/me/hours');
      }
      const next = k + 1 < shifts.length ? (shifts[k + 1].start - 150) * 1000 : (s.end + 3600) * 1000;
      assert.ok(await drain(page, (s.end - 300) * 1000, next), `volunteer ${i} pair ${k}: the outbox drains`);
    }
    return { user: me.id, errors };
  } catch (e) {
    e.message = `volunteer ${i}: ${e.message}\npage errors: ${JSON.stringify(errors)}`;
    throw e;
  } finally {
    await context.close();
  }
}

// The fault run lost a tap on 定位签到 on a volunteer's first pair, for two reasons, both
// fixed in the app. (1) The site's lines (name, radius rule, 尚未定位) arrived between the
// test reading the button's place and touching it, moved the buttons 74 px down, and the tap
// landed beside 定位签到 (on the first pair only: later pairs have the site already); the
// check-in screen now keeps their room while the site is on its way
// (tests/ui/attendance_test.cpp). (2) The test's node process is busy (the other volunteers'
// sqlite3 calls block its event loop), so Playwright's touchend can come 0.5 s+ after its
// touchstart, and the app took such a resting finger for a long press (a right click) and
// clicked nothing; a press now clicks on release however long it rested. A resident pressing
// slowly is the same touch; here the finger rests a whole second on the button (CDP touch
// events, the finger's own pace), and the check-in must be queued as after a quick tap.
test('a slow tap on 定位签到 (the finger rests 1 s) checks in like a quick one', async () => {
  assert.equal(why, '', 'what the test needs is built');
  const [p] = sql(env.server.db, `SELECT id FROM projects WHERE status = 'open' ORDER BY id LIMIT 1`);
  const project = await (await fetch(`${env.server.url}/api/v1/projects/${p.id}`)).json();
  const now = Math.floor(Date.now() / 1000);
  const [shift] = sql(env.server.db, `INSERT INTO shifts (project_id, start_at, end_at, capacity, signed_up)
    VALUES (${p.id}, ${now + 300}, ${now + 1500}, 1, 1) RETURNING id`);
  const { context, page, errors } = await newPhonePage(env.browser, { dpr: 1 });
  try {
    await openApp(page, env.server.url + '/#/');
    const me = await login(page, '13900009999');
    sql(env.server.db, `INSERT INTO signups (user_id, shift_id, status, created_at)
      VALUES (${me.id}, ${shift.id}, 'confirmed', ${now})`);
    await context.grantPermissions(['geolocation']);
    await context.setGeolocation({ latitude: project.site.lat, longitude: project.site.lng });
    await openCheckin(page, shift.id);
    await waitSem(page, (sem) => sem.find((x) => x.label.startsWith('定位签到需在服务地点')), null, 'the site', 20000);
    await context.setOffline(true);  // the event stays in the outbox, shown as 待同步
    const n = await waitSem(page, (sem) => sem.find((x) => x.role === 'button' && x.label === '定位签到' && !(x.flags & 1)),
                            null, 'button 定位签到');
    const cdp = await context.newCDPSession(page);
    await touchDrag(page, cdp, n.x + n.w / 2, n.y + n.h / 2, 0, 0, { steps: 0, holdMs: 1000 });
    await cdp.detach();
    await waitSem(page, (sem) => sem.find((x) => x.label.startsWith('待同步 · 签到')), null, 'the queued check-in');
    assert.deepEqual(errors, [], 'no page errors');
  } finally {
    await context.close();
  }
});

// What the database holds for each planned pair of one volunteer: [{rows, minutes, lost,
// duplicated}] in plan order (rows: the records of that shift; lost / duplicated: events).
function outcome(db, user, shifts) {
  const rows = sql(db, `SELECT a.shift_id, a.minutes, a.check_out IS NOT NULL AS out,
      a.checkin_event IS NOT NULL AS has_in, a.checkout_event IS NOT NULL AS has_out,
      (SELECT COUNT(*) FROM attendance_history h WHERE h.attendance_id = a.id AND h.action = 'check_in') AS ins,
      (SELECT COUNT(*) FROM attendance_history h WHERE h.attendance_id = a.id AND h.action = 'check_out') AS outs
    FROM attendance a WHERE a.user_id = ${user}`);
  const byShift = new Map();
  for (const r of rows) byShift.set(r.shift_id, [...(byShift.get(r.shift_id) || []), r]);
  return shifts.map((s) => {
    const rs = byShift.get(s.id) || [];
    if (rs.length === 0) return { rows: 0, minutes: null, lost: 2, duplicated: 0 };
    const r = rs[0];
    return {
      rows: rs.length, minutes: r.minutes,
      lost: (r.has_in ? 0 : 1) + (r.has_out && r.out ? 0 : 1),
      duplicated: rs.length - 1 + Math.max(0, r.ins - 1) + Math.max(0, r.outs - 1),
    };
  });
}

// Inserts the planned shifts (same times on every server) into `db`; their ids there.
function insertShifts(db, project, plan) {
  return plan.map((shifts) => shifts.map(({ start, end }) => {
    const [row] = sql(db, `INSERT INTO shifts (project_id, start_at, end_at, capacity, signed_up)
      VALUES (${project.id}, ${start}, ${end}, ${VOLUNTEERS}, 1) RETURNING id`);
    return { id: row.id, start, end };
  }));
}

test(`${VOLUNTEERS * PAIRS} check-in/out pairs through a 30 % faulty network: every event exactly once`, async (t) => {
  assert.equal(why, '', 'what the test needs is built');
  {
    const { page, context } = await newPhonePage(env.browser, { dpr: 1 });
    await openApp(page, env.server.url + '/#/');
    const ok = await hasAttendance(page);
    await context.close();
    assert.ok(ok, 'the server has the /attendance endpoints');
  }
  const [p] = sql(env.server.db, `SELECT id FROM projects WHERE status = 'open' ORDER BY id LIMIT 1`);
  const res = await fetch(`${env.server.url}/api/v1/projects/${p.id}`);
  const project = await res.json();

  // Shifts: per volunteer PAIRS non-overlapping 20-minute shifts in the last 22 hours.
  const base = Math.floor(Date.now() / 1000) - 22 * 3600;
  const times = [];
  for (let v = 0; v < VOLUNTEERS; v++) {
    const shifts = [];
    for (let k = 0; k < PAIRS; k++) {
      const start = base + k * GAP_MIN * 60 + v;  // a second apart per volunteer: distinct rows
      shifts.push({ start, end: start + SHIFT_MIN * 60 });
    }
    times.push(shifts);
  }

  // The fault-free run first: the same volunteers, the first REF_PAIRS pairs of each, the same
  // script and clock steps, straight to a second server (same seed, so the same project).
  const t0 = Date.now();
  const refPlan = insertShifts(env.ref.db, project, times.map((shifts) => shifts.slice(0, REF_PAIRS)));
  const refResults = await Promise.all(refPlan.map((shifts, i) => volunteer(i, shifts, project, env.ref)));
  const reference = refPlan.map((shifts, v) => outcome(env.ref.db, refResults[v].user, shifts));
  for (const [v, pairs] of reference.entries()) {
    pairs.forEach((o, k) => assert.ok(o.rows === 1 && o.lost === 0 && o.duplicated === 0 && o.minutes > 0,
                                      `fault-free run: volunteer ${v} pair ${k} is one whole record (${JSON.stringify(o)})`));
  }
  const minutes = reference[0][0].minutes;
  assert.deepEqual(new Set(reference.flat().map((o) => o.minutes)), new Set([minutes]),
                   'every fault-free pair has the same minutes (the pairs have one shape)');

  // The run through the faulty network.
  const t1 = Date.now();
  const plan = insertShifts(env.server.db, project, times);
  const results = await Promise.all(plan.map((shifts, i) => volunteer(i, shifts, project, { url: env.proxy.url, db: env.server.db })));
  // Wall time of each run (a figure for the budget, not an assertion).
  console.log(`fault-free run (${VOLUNTEERS * REF_PAIRS} pairs): ${((t1 - t0) / 1000).toFixed(0)} s; ` +
              `faulty run (${VOLUNTEERS * PAIRS} pairs): ${((Date.now() - t1) / 1000).toFixed(0)} s`);

  let lost = 0, duplicated = 0, wrong_minutes = 0, compared = 0;
  for (let v = 0; v < VOLUNTEERS; v++) {
    const got = outcome(env.server.db, results[v].user, plan[v]);
    got.forEach((o, k) => {
      lost += o.lost;
      duplicated += o.duplicated;
      if (o.minutes === null) return;
      compared++;
      if (o.minutes !== minutes && ++wrong_minutes <= 3) {
        const s = plan[v][k];
        const [w] = sql(env.server.db, `SELECT minutes, client_check_in, client_check_out, flags FROM attendance
          WHERE user_id = ${results[v].user} AND shift_id = ${s.id}`);
        console.log(`wrong minutes: shift ${s.id} (${rfc(s.start)}–${rfc(s.end)}): ${JSON.stringify(w)}, ` +
                    `fault-free: ${minutes}`);
      }
    });
    assert.deepEqual(refResults[v].errors, [], `volunteer ${v}: no page errors in the fault-free run`);
    assert.deepEqual(results[v].errors, [], `volunteer ${v}: no page errors`);
  }
  console.log(`fault proxy: ${JSON.stringify(env.proxy.stats)}`);
  console.log(`pairs: ${VOLUNTEERS * PAIRS}  lost: ${lost}  duplicated: ${duplicated}  ` +
              `wrong minutes: ${wrong_minutes} of ${compared} records compared with the fault-free run`);
  assert.ok(env.proxy.stats.faulted > 0, 'the proxy injected faults');
  assert.equal(lost, 0, 'no event lost');
  assert.equal(duplicated, 0, 'no event duplicated');
  assert.equal(compared, VOLUNTEERS * PAIRS, 'every pair has its minutes to compare');
  assert.equal(wrong_minutes, 0, 'every record\'s minutes equal the fault-free run\'s');
});
