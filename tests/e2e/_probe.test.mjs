import { test } from 'node:test';
import { useServerAndBrowser, newPhonePage, openApp, settle, contextApi } from './harness.mjs';
const env = useServerAndBrowser({ dev: true, demoHours: true });
const { login } = contextApi(env);
test('probe', async () => {
  const { context, page } = await newPhonePage(env.browser, { dpr: 3, width: 320, height: 568 });
  await page.addInitScript(() => localStorage.setItem('zygc.settings', JSON.stringify({ care_mode: true, lang: 'zh', zoom: 1 })));
  await login(context, '13800000002');
  await openApp(page, env.server.url + '/#/rewards');
  await page.evaluate(() => window.zygc.lineBreaks());
  await page.waitForFunction(() => window.zygc.debug().fetch_in_flight === 0);
  const sem = await settle(page, 4);
  const br = await page.evaluate(() => window.zygc.lineBreaks());
  console.log(br.map((b) => b.before + '/' + b.after).join(' '));
  console.log(sem.filter((n) => n.label.includes('·')).map((n) => `${n.role} ${n.label} ${n.w}x${n.h}`).join('\n'));
  await page.screenshot({ path: '/tmp/lt/rewards.png' });
  await context.close();
});
