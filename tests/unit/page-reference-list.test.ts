import { beforeEach, describe, expect, test } from 'vitest';
import { listReferences, occurrencesOf } from '@/entrypoints/content/features/page-reference-list';
import { Annotator } from '@/lib/page';

beforeEach(() => {
  document.body.innerHTML = '';
});

/** Links a region the way the content script does: from the middle first, so the store's order is not the page's. */
async function linkFromMiddle(html: string) {
  document.body.innerHTML = `<main id="region">${html}</main>`;
  const annotator = new Annotator(document.getElementById('region')!);
  await annotator.annotateInChunks({ first: { ms: 0, chars: 0 }, startAt: document.getElementById('middle')!, yieldToMain: async () => {} });
  return annotator.references;
}

const PAGE =
  '<p>Först prop. 2017/18:1.</p><p>Sedan SOU 2018:65 och dir. 2017:75.</p>' +
  '<p id="middle">Åter SOU 2018:65 och <i>SOU</i> 2018:65 i två delar.</p><p>Sist prop. 2017/18:1.</p>';

describe('the page’s reference list', () => {
  test('one entry per document in page order, counting occurrences, with the metadata’s progress', async () => {
    const linked = await linkFromMiddle(PAGE);
    expect([...linked.values()][0]!.id).toBe('sou:2018:65'); // the store starts where the reader was
    const list = listReferences(linked.values(), (id) =>
      id === 'sou:2018:65'
        ? {
            status: 'found',
            meta: { id, dokId: 'H6B365', kind: 'sou', label: 'SOU 2018:65', title: 'Informationsutbyte', url: 'https://x.se/', fetchedAt: 1 },
          }
        : id === 'dir:2017:75'
          ? { status: 'unavailable', reason: 'network' }
          : undefined,
    );
    expect(list).toEqual([
      { id: 'prop:2017/18:1', kind: 'prop', label: 'prop. 2017/18:1', state: 'loading', count: 2 },
      { id: 'sou:2018:65', kind: 'sou', label: 'SOU 2018:65', title: 'Informationsutbyte', state: 'found', count: 3 },
      { id: 'dir:2017:75', kind: 'dir', label: 'dir. 2017:75', state: 'unavailable', count: 1 },
    ]);
  });

  test('occurrences in page order; a reference in two pieces is one occurrence with both anchors', async () => {
    const linked = await linkFromMiddle(PAGE);
    const sou = occurrencesOf(linked.values(), 'sou:2018:65');
    expect(sou.map((r) => r.anchors.map((a) => a.textContent))).toEqual([['SOU 2018:65'], ['SOU 2018:65'], ['SOU', '2018:65']]);
    expect(sou.map((r) => r.anchors[0]!.closest('p')!.textContent!.slice(0, 5))).toEqual(['Sedan', 'Åter ', 'Åter ']);
    expect(occurrencesOf(linked.values(), 'sfs:1998:204')).toEqual([]);
  });

  test('anchors the page has removed are not counted', async () => {
    const linked = await linkFromMiddle(PAGE);
    document.getElementById('middle')!.remove();
    expect(occurrencesOf(linked.values(), 'sou:2018:65')).toHaveLength(1);
    expect(listReferences(linked.values(), () => undefined).find((r) => r.id === 'sou:2018:65')!.count).toBe(1);
  });
});
