import { launch } from '../../tests/e2e/support/browser.ts';
import { URLS } from '../../tests/e2e/support/sites.ts';
import { loadLinked } from '../page-work.ts';
import { warmedPage } from './pages.ts';
const url = process.argv.includes('dense') ? URLS.long : URLS.longTypical;
const session = await launch();
for (let i = 0; i < 10; i++) {
  const page = await warmedPage(session, url);
  const lines: string[] = [];
  page.on('console', (m) => { if (m.text().startsWith('riksref-pace')) lines.push(m.text().slice(13)); });
  await loadLinked(page, url);
  console.log(lines.slice(-9).join(" | "));
  await page.close();
}
await session.close();
