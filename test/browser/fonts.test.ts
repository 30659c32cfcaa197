/**
 * Chinese text as a reader sees it: Han characters and the full-width quotation
 * marks drawn by a CJK face, never by a Latin one (narrow “ ”) nor by a fallback
 * that draws boxes. Chromium reports the faces it used for a node's text (the
 * DevTools protocol's CSS.getPlatformFontsForNode): what was drawn, not what the
 * stylesheet asked for.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { itemsOf } from '../../src/model/plan.ts';
import { useSite } from './site.ts';

const visit = useSite('root');
const cjkFace = /CJK|Source Han|PingFang|Hiragino|YaHei|Noto Sans SC|Noto Serif SC|WenQuanYi|Droid Sans Fallback/iu;

/** The faces Chromium used to draw the text of the first element matching `selector`, with how many glyphs each. */
async function facesOf(page: Page, selector: string): Promise<Array<{ familyName: string; glyphCount: number }>> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('DOM.enable');
  await cdp.send('CSS.enable');
  const { root } = await cdp.send('DOM.getDocument', { depth: -1 });
  const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector });
  expect(nodeId, selector).toBeGreaterThan(0);
  const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId });
  await cdp.detach();
  return fonts.map((font) => ({ familyName: font.familyName, glyphCount: font.glyphCount }));
}

describe('Chinese text', () => {
  it('is drawn in a CJK face, quotation marks included, on a plan item with “…”', async () => {
    const item = visit.plans.flatMap((plan) => [...itemsOf(plan.sections)]).find((candidate) => /“\p{Script=Han}+”/u.test(candidate.text))!;
    expect(item, 'a bundled item quoting a term').toBeDefined();
    const page = await visit.open(item.url);
    await page.evaluate(() => {
      // The quoted term alone in an element of its own: its faces are those of the marks and the Han characters only.
      const paragraph = document.querySelector('.item-text p')!;
      const match = /“\p{Script=Han}+”/u.exec(paragraph.textContent ?? '')!;
      const probe = document.createElement('span');
      probe.id = 'quote-probe';
      probe.textContent = match[0];
      paragraph.append(probe);
    });
    // Chromium reports no faces for text it has not laid out yet: on a busy machine the probe
    // can be asked about before the next frame draws it.
    await expect.poll(async () => (await facesOf(page, '#quote-probe')).length).toBeGreaterThan(0);
    const faces = await facesOf(page, '#quote-probe');
    for (const face of faces) expect(face.familyName, JSON.stringify(faces)).toMatch(cjkFace);
  });

  it('is drawn in a CJK face on the plan page and its title', async () => {
    const plan = visit.plans[0]!;
    const page = await visit.open(plan.url);
    for (const selector of ['#plan-title', '.plan-body p']) {
      const faces = await facesOf(page, selector);
      const drawnByOthers = faces.filter((face) => !cjkFace.test(face.familyName));
      // Digits and Latin letters may come from any face; every Han character must come from a CJK one.
      const han = await page.$eval(selector, (element) => [...(element.textContent ?? '')].filter((char) => /\p{Script=Han}/u.test(char)).length);
      const cjkGlyphs = faces.filter((face) => cjkFace.test(face.familyName)).reduce((sum, face) => sum + face.glyphCount, 0);
      expect(cjkGlyphs, `${selector}: ${JSON.stringify(faces)}`).toBeGreaterThanOrEqual(han);
      expect(drawnByOthers.every((face) => face.glyphCount < han), `${selector}: ${JSON.stringify(faces)}`).toBe(true);
    }
  });
});
