import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { RiksrefDatabase } from '@/lib/db/database';
import { createHighlightImporter } from '@/lib/db/highlight-import';
import { HighlightRepository } from '@/lib/db/highlights';
import { exportJson, MAX_IMPORT_BYTES } from '@/lib/highlights/web-annotation';
import { IMPORT_PORT, importOverPort, serveImport, SLICE_BYTES, type ImportStep, type PortLike } from '@/lib/messages/import-port';
import { manyHighlights } from '../fixtures/highlights/many-highlights.ts';
import { makeHighlight } from './highlight-fixtures.ts';

/*
 * The side panel's import (issue 12): the file read a slice at a time and sent over a port, the
 * background checking and storing it all or nothing, progress all the way. Both ends of the port
 * here are real; the port between them is an in-memory pair that behaves as runtime.Port does
 * (messages arrive later and as copies; disconnect is heard by the other end only).
 */

type Listener = (message: unknown) => void;

function portPair(): { panel: PortLike & { sent: unknown[] }; background: PortLike } {
  const listeners = { panel: new Set<Listener>(), background: new Set<Listener>() };
  const gone = { panel: new Set<() => void>(), background: new Set<() => void>() };
  let open = true;
  const end = (self: 'panel' | 'background', other: 'panel' | 'background') => ({
    name: IMPORT_PORT,
    sent: [] as unknown[],
    postMessage(message: unknown) {
      if (!open) throw new Error('Attempting to use a disconnected port object');
      this.sent.push(message);
      const copy = structuredClone(message);
      setTimeout(() => open && listeners[other].forEach((l) => l(copy)), 0);
    },
    disconnect() {
      if (!open) return;
      open = false;
      setTimeout(() => gone[other].forEach((l) => l()), 0);
    },
    onMessage: { addListener: (l: Listener) => void listeners[self].add(l) },
    onDisconnect: { addListener: (l: () => void) => void gone[self].add(l) },
  });
  return { panel: end('panel', 'background'), background: end('background', 'panel') };
}

let db: RiksrefDatabase;
let n = 0;
beforeEach(() => {
  db = new RiksrefDatabase(`riksref-import-${++n}`);
});
afterEach(async () => {
  vi.restoreAllMocks();
  db.close();
  await db.delete();
});

/** The panel imports `file` through a background serving the real importer over `db`. */
async function importThroughPort(file: Blob, importText = createHighlightImporter(db).importText) {
  const ports = portPair();
  const steps: ImportStep[] = [];
  const serve = vi.fn(importText);
  serveImport(ports.background, serve);
  const answer = await importOverPort(file, (step) => steps.push(step), () => ports.panel);
  return { answer, steps, serve, sent: ports.panel.sent };
}

/** 40 highlights whose notes are 4 999 emoji each (~20 kB of UTF-8), the first note led by `lead`. */
function manyEmoji(lead: string) {
  const highlights = Array.from({ length: 40 }, (_, i) =>
    makeHighlight({ id: `0b7f3c52-9a3e-4c1e-9d6f-2f5d8a1b7c${String(i).padStart(2, '0')}`, note: (i === 0 ? lead : '') + '😀'.repeat(4999) }),
  );
  return { highlights, bytes: new TextEncoder().encode(exportJson(highlights)) };
}

const phases = (steps: ImportStep[]) => [...new Set(steps.map((s) => s.phase))];

describe('import over a port', () => {
  test('a file of 3 000 highlights: read, checked and saved, each step shown; all stored', async () => {
    await new HighlightRepository(db).save(makeHighlight({ id: 'before' }));
    const all = manyHighlights({ count: 3000, documents: 30, seed: 8 });
    const text = exportJson(all);
    expect(text.length).toBeGreaterThan(SLICE_BYTES); // more than one slice on the way
    const { answer, steps, sent } = await importThroughPort(new Blob([text]));

    expect(answer).toEqual({ imported: true, added: 3000, replaced: 0 });
    expect(phases(steps)).toEqual(['reading', 'checking', 'saving']);
    const reading = steps.filter((s) => s.phase === 'reading');
    expect(reading[0]).toEqual({ phase: 'reading', done: 0, total: new Blob([text]).size });
    expect(reading[reading.length - 1]!.done).toBe(new Blob([text]).size);
    expect(steps.filter((s) => s.phase === 'checking').map((s) => s.done)).toEqual([1000, 2000]);
    expect(steps.filter((s) => s.phase === 'saving').map((s) => s.done)).toEqual([2000, 3000]);
    // The text went in slices, whole.
    const texts = sent.filter((m): m is { type: 'text'; text: string } => (m as { type: string }).type === 'text');
    expect(texts.length).toBeGreaterThan(1);
    expect(texts.map((m) => m.text).join('')).toBe(text);
    expect(sent[sent.length - 1]).toEqual({ type: 'end' });
    expect(await db.highlights.count()).toBe(3001);
  });

  test('UTF-8 split between the reads is decoded whole', async () => {
    const h = makeHighlight({ note: 'Ångra, åäö och ”citat” – ' + 'ö'.repeat(10_000) });
    const bytes = new TextEncoder().encode(exportJson([h]));
    // A stream whose chunks cut a two-byte character in half: the second starts with a continuation byte.
    let cut = 1000;
    while ((bytes[cut]! & 0xc0) !== 0x80) cut++;
    const halves = [bytes.slice(0, cut), bytes.slice(cut)];
    const file = { size: bytes.length, stream: () => new ReadableStream({ start: (c) => (halves.forEach((x) => c.enqueue(x)), c.close()) }) } as unknown as Blob;
    const { answer } = await importThroughPort(file);
    expect(answer).toEqual({ imported: true, added: 1, replaced: 0 });
    expect(await db.highlights.get(h.id)).toEqual(h);
  });

  test('a read larger than a slice goes in slices of whole characters, a pair cut at a slice’s edge included', async () => {
    // One read of ~3 slices (Chromium's file stream hands over up to 2 MB at a time), of notes of
    // four-byte characters (each a surrogate pair in the text), one of them across the first
    // slice's edge: the first note's few ASCII letters in front move them until one is.
    const file = (lead: string) => manyEmoji(lead);
    const cut = (bytes: Uint8Array) => (bytes[SLICE_BYTES]! & 0xc0) === 0x80;
    const lead = ['', 'a', 'aa', 'aaa'].find((l) => cut(file(l).bytes))!;
    const { highlights, bytes } = file(lead);
    expect(bytes.length).toBeGreaterThan(2 * SLICE_BYTES);
    const stream = { size: bytes.length, stream: () => new ReadableStream({ start: (c) => (c.enqueue(bytes), c.close()) }) } as unknown as Blob;
    const { answer, sent } = await importThroughPort(stream);

    expect(answer).toEqual({ imported: true, added: highlights.length, replaced: 0 });
    expect(await db.highlights.get(highlights[7]!.id)).toEqual(highlights[7]);
    const texts = sent.flatMap((m) => ((m as { type: string }).type === 'text' ? [(m as { text: string }).text] : []));
    expect(texts.length).toBeGreaterThanOrEqual(3);
    for (const text of texts) {
      expect(text.length).toBeLessThanOrEqual(SLICE_BYTES);
      expect(text.isWellFormed()).toBe(true); // no half of a pair at either end
    }
    // The character across the edge went whole with the next slice.
    expect(new TextEncoder().encode(texts[0]).length).toBeLessThan(SLICE_BYTES);
  });

  test('one bad entry: nothing stored, the entry named, nothing saved', async () => {
    const entries = JSON.parse(exportJson(manyHighlights({ count: 2500, documents: 5 })));
    entries[2400].target.selector = [];
    const { answer, steps } = await importThroughPort(new Blob([JSON.stringify(entries)]));
    expect(answer).toEqual({ imported: false, error: expect.stringMatching(/^Post 2401 \(index 2400\) är ogiltig: target\.selector: saknar TextQuoteSelector\. Ingenting importerades\.$/) });
    expect(phases(steps)).toEqual(['reading', 'checking']);
    expect(await db.highlights.count()).toBe(0);
  });

  test('not JSON, not UTF-8, too large: refused with the reason, nothing stored', async () => {
    expect((await importThroughPort(new Blob(['[{"id": ']))).answer).toEqual({ imported: false, error: expect.stringMatching(/^Filen är inte giltig JSON \(.*\)\. Ingenting importerades\.$/) });

    const latin1 = await importThroughPort(new Blob([new Uint8Array([0x5b, 0x22, 0xe5, 0x22, 0x5d])])); // ["å"] in Latin-1
    expect(latin1.answer).toEqual({ imported: false, error: 'Filen är inte text i UTF-8. Ingenting importerades.' });
    const cutShort = await importThroughPort(new Blob([new Uint8Array([0x5b, 0x22, 0xc3])])); // ["Ã… : the file ends inside a character
    expect(cutShort.answer).toEqual({ imported: false, error: 'Filen är inte text i UTF-8. Ingenting importerades.' });

    const connect = vi.fn();
    const huge = { size: MAX_IMPORT_BYTES + 1, stream: () => new ReadableStream() } as unknown as Blob;
    expect(await importOverPort(huge, () => {}, connect)).toEqual({ imported: false, error: 'Filen är 128 MB; högst 128 MB kan importeras. Ingenting importerades.' });
    expect(connect).not.toHaveBeenCalled();
    expect(await db.highlights.count()).toBe(0);
  });

  test('the background going away answers the panel; a panel going away leaves nothing behind', async () => {
    // The background stops answering half-way (the service worker restarted).
    const ports = portPair();
    ports.background.onMessage.addListener((m) => (m as { type: string }).type === 'end' && ports.background.disconnect());
    const answer = await importOverPort(new Blob([exportJson([makeHighlight()])]), () => {}, () => ports.panel);
    expect(answer).toEqual({ imported: false, error: 'Kontakten med tillägget bröts under importen. Ingenting importerades; försök igen.' });

    // The panel is closed before the file has all come: the background imports nothing.
    const closing = portPair();
    const importText = vi.fn(async () => ({ imported: true as const, added: 0, replaced: 0 }));
    serveImport(closing.background, importText);
    closing.panel.postMessage({ type: 'text', text: '[' });
    closing.panel.disconnect();
    await new Promise((r) => setTimeout(r, 10));
    expect(importText).not.toHaveBeenCalled();
  });

  test('a malformed message either way: refused, nothing imported', async () => {
    const ports = portPair();
    const importText = vi.fn();
    serveImport(ports.background, importText);
    const answers: unknown[] = [];
    ports.background.postMessage = (m: unknown) => void answers.push(m);
    ports.panel.postMessage({ type: 'text', text: 42 });
    await new Promise((r) => setTimeout(r, 10));
    expect(answers).toEqual([{ type: 'done', answer: { imported: false, error: 'Importen kom fram i fel form. Ingenting importerades.' } }]);
    expect(importText).not.toHaveBeenCalled();

    const other = portPair();
    other.background.onMessage.addListener(() => other.background.postMessage({ type: 'done', answer: { imported: 'ja' } }));
    expect(await importOverPort(new Blob(['[]']), () => {}, () => other.panel)).toEqual({ imported: false, error: 'Tillägget svarade inte som väntat. Ingenting importerades.' });
  });
});

describe('storing an import: one transaction, in slices', () => {
  test('progress after each slice; a failure in a later slice stores nothing at all', async () => {
    const repo = new HighlightRepository(db);
    await repo.save(makeHighlight({ id: 'kept', note: 'före' }));
    const all = manyHighlights({ count: 5000, documents: 50 });
    const progress: number[] = [];
    expect(await repo.importAll([...all, makeHighlight({ id: 'kept', note: 'efter' })], (done) => progress.push(done))).toEqual({ added: 5000, replaced: 1 });
    expect(progress).toEqual([2000, 4000, 5001]);
    expect(await db.highlights.count()).toBe(5001);

    await db.highlights.clear();
    await repo.save(makeHighlight({ id: 'kept', note: 'före' }));
    const bulkPut = db.highlights.bulkPut.bind(db.highlights);
    let calls = 0;
    vi.spyOn(db.highlights, 'bulkPut').mockImplementation(((items: never) => {
      if (++calls === 2) return Promise.reject(Object.assign(new Error('aborted'), { name: 'AbortError', inner: new DOMException('full', 'QuotaExceededError') }));
      return bulkPut(items);
    }) as typeof db.highlights.bulkPut);
    await expect(repo.importAll(all)).rejects.toThrow(/^Importen misslyckades och ingenting ändrades: webbläsaren har inte mer lagringsutrymme/);
    expect(calls).toBe(2);
    expect(await db.highlights.toArray()).toEqual([makeHighlight({ id: 'kept', note: 'före' })]);
  });
});
