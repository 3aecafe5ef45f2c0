import { describe, expect, test, vi } from 'vitest';
import * as z from 'zod/mini';
import { createMessageHandler, createTabMessageHandler, listen, type Handlers } from '@/lib/messages/handle';
import { lookupResultSchema, MAX_IDS_PER_LOOKUP, pageEventSchema, type Reply } from '@/lib/messages/protocol';
import { MessageError, send, sendToTab } from '@/lib/messages/send';

const META = {
  id: 'sou:2018:65',
  dokId: 'H6B365',
  kind: 'sou',
  label: 'SOU 2018:65',
  title: 'Informationsutbyte vid samverkan mot terrorism',
  url: 'https://www.riksdagen.se/sv/dokument-och-lagar/dokument/statens-offentliga-utredningar/_H6B365',
  fetchedAt: 1,
} as const;

function handlers(overrides: Partial<Handlers> = {}): Handlers {
  return {
    lookupReferences: vi.fn(async ({ ids }) => ({
      results: Object.fromEntries(ids.map((id: string) => [id, id === META.id ? { status: 'found' as const, meta: { ...META } } : { status: 'not-found' as const }])),
    })),
    getCacheStats: vi.fn(async () => ({ count: 3, approxBytes: 1200, service: {} })),
    clearCache: vi.fn(async () => ({ removed: 3 })),
    // The highlight messages have their own tests (messages-highlights.test.ts).
    saveHighlight: vi.fn(),
    updateHighlight: vi.fn(),
    deleteHighlight: vi.fn(),
    restoreHighlight: vi.fn(),
    listHighlights: vi.fn(),
    listAllHighlights: vi.fn(),
    reportAnchoring: vi.fn(),
    importHighlights: vi.fn(),
    exportHighlights: vi.fn(),
    // Citations have their own tests (messages-citations.test.ts).
    formatCitations: vi.fn(),
    // The trail and reading history messages have theirs (messages-trail.test.ts).
    getTrail: vi.fn(),
    recordReading: vi.fn(),
    ...overrides,
  };
}

describe('send ⇄ handle', () => {
  test('a lookup goes through and comes back typed', async () => {
    const h = handlers();
    const handle = createMessageHandler(h);
    const answer = await send('lookupReferences', { ids: ['sou:2018:65', 'eu:reg:2016/679'] }, handle);
    expect(answer.results['sou:2018:65']).toEqual({ status: 'found', meta: META });
    expect(answer.results['eu:reg:2016/679']).toEqual({ status: 'not-found' });
    expect(h.lookupReferences).toHaveBeenCalledWith({ ids: ['sou:2018:65', 'eu:reg:2016/679'] });
  });

  test('the options page messages', async () => {
    const handle = createMessageHandler(handlers());
    expect(await send('getCacheStats', {}, handle)).toEqual({ count: 3, approxBytes: 1200, service: {} });
    expect(await send('clearCache', {}, handle)).toEqual({ removed: 3 });
  });

  test('send refuses a malformed payload before it leaves', async () => {
    const transport = vi.fn();
    await expect(send('lookupReferences', { ids: ['SOU 2018:65'] }, transport)).rejects.toThrow(
      /Malformed lookupReferences message: ids\.0: not a canonical reference id/,
    );
    await expect(send('lookupReferences', { ids: 'sou:2018:65' } as never, transport)).rejects.toThrow(MessageError);
    expect(transport).not.toHaveBeenCalled();
  });

  test('send rejects a reply of the wrong shape', async () => {
    await expect(send('getCacheStats', {}, async () => ({ ok: true, data: { count: 'många' } }))).rejects.toThrow(
      /getCacheStats: unexpected reply/,
    );
    await expect(send('getCacheStats', {}, async () => undefined)).rejects.toThrow(/no valid reply/);
  });

  test('an error in the handler reaches the sender as a readable error', async () => {
    const handle = createMessageHandler(handlers({ clearCache: async () => Promise.reject(new Error('databasen är låst')) }));
    await expect(send('clearCache', {}, handle)).rejects.toThrow('clearCache failed: databasen är låst');
  });
});

describe('the background rejects malformed messages with a clear error', () => {
  test.each([
    ['not an object', 'hej'],
    ['no protocol marker', { name: 'lookupReferences', payload: { ids: [] } }],
    ['an unknown message', { riksref: 1, name: 'deleteEverything', payload: {} }],
    ['a future protocol', { riksref: 2, name: 'clearCache', payload: {} }],
  ])('%s', async (_what, message) => {
    const h = handlers();
    const reply = await createMessageHandler(h)(message);
    expect(reply).toEqual({ ok: false, error: expect.stringMatching(/^Malformed message: expected \{ riksref: 1, name: lookupReferences \| getCacheStats \| clearCache \| saveHighlight \| .* \| exportHighlights \| formatCitations, payload \}/) });
    expect(h.clearCache).not.toHaveBeenCalled();
  });

  test.each([
    [{ ids: ['sou:2018:65', 'prop:2017/19:1'] }, /ids\.1: not a canonical reference id/],
    [{ ids: [42] }, /ids\.0:/],
    [{}, /ids:/],
    [{ ids: Array.from({ length: MAX_IDS_PER_LOOKUP + 1 }, () => 'sou:2018:65') }, /ids:/],
  ])('lookupReferences with %j', async (payload, error) => {
    const h = handlers();
    const reply = await createMessageHandler(h)({ riksref: 1, name: 'lookupReferences', payload });
    expect(reply.ok).toBe(false);
    expect(!reply.ok && reply.error).toMatch(/^Malformed lookupReferences message: /);
    expect(!reply.ok && reply.error).toMatch(error);
    expect(h.lookupReferences).not.toHaveBeenCalled();
  });
});

describe('lookup result schema', () => {
  test('accepts the three outcomes', () => {
    expect(z.safeParse(lookupResultSchema, { status: 'found', meta: META, stale: true }).success).toBe(true);
    expect(z.safeParse(lookupResultSchema, { status: 'not-found' }).success).toBe(true);
    expect(z.safeParse(lookupResultSchema, { status: 'unavailable', reason: 'rate-limited', retryAfter: 5 }).success).toBe(true);
  });

  test('rejects unknown statuses and reasons, and non-web URLs in metadata', () => {
    expect(z.safeParse(lookupResultSchema, { status: 'maybe' }).success).toBe(false);
    expect(z.safeParse(lookupResultSchema, { status: 'unavailable', reason: 'bored' }).success).toBe(false);
    expect(z.safeParse(lookupResultSchema, { status: 'found', meta: { ...META, url: 'javascript:alert(1)' } }).success).toBe(false);
    expect(z.safeParse(lookupResultSchema, { status: 'found', meta: { ...META, kind: 'tweet' } }).success).toBe(false);
    expect(z.safeParse(lookupResultSchema, { status: 'found' }).success).toBe(false);
  });
});

describe('listen', () => {
  test('answers through sendResponse and keeps the channel open', async () => {
    let listener: ((m: unknown, s: unknown, r: (reply: Reply) => void) => boolean | undefined) | undefined;
    listen({ addListener: (l) => void (listener = l) }, createMessageHandler(handlers()));
    const reply = await new Promise<Reply>((resolve) => {
      expect(listener!({ riksref: 1, name: 'clearCache', payload: {} }, {}, resolve)).toBe(true);
    });
    expect(reply).toEqual({ ok: true, data: { removed: 3 } });
  });
});

describe('side panel ⇄ content script (tab messages)', () => {
  const tabHandlers = () => ({
    getPageReferences: vi.fn(() => ({
      url: 'https://www.riksdagen.se/sv/x',
      references: [{ id: 'sou:2018:65', kind: 'sou' as const, label: 'SOU 2018:65', title: 'Titel', state: 'found' as const, count: 2 }],
    })),
    revealReference: vi.fn(({ occurrence }: { id: string; occurrence: number }) => ({ occurrence: occurrence % 2, count: 2 })),
  });

  test('the page’s references and a reveal go through typed', async () => {
    const h = tabHandlers();
    const handle = createTabMessageHandler(h);
    const transport = async (m: unknown) => handle(m);
    expect((await sendToTab(7, 'getPageReferences', {}, transport)).references[0]).toMatchObject({ id: 'sou:2018:65', count: 2 });
    expect(await sendToTab(7, 'revealReference', { id: 'sou:2018:65', occurrence: 3 }, transport)).toEqual({ occurrence: 1, count: 2 });
    expect(h.revealReference).toHaveBeenCalledWith({ id: 'sou:2018:65', occurrence: 3 });
  });

  test('a reveal with a bad id or a negative occurrence is refused before it leaves', async () => {
    const transport = vi.fn();
    await expect(sendToTab(7, 'revealReference', { id: 'SOU 2018:65', occurrence: 0 }, transport)).rejects.toThrow(MessageError);
    await expect(sendToTab(7, 'revealReference', { id: 'sou:2018:65', occurrence: -1 }, transport)).rejects.toThrow(MessageError);
    expect(transport).not.toHaveBeenCalled();
  });

  test('showHighlight goes through typed, and each feature answers only the messages it has handlers for', async () => {
    const references = createTabMessageHandler(tabHandlers());
    const show = vi.fn(({ id }: { id: string; dokId: string }) => ({ dokId: 'H612523', shown: id === 'a' }));
    const highlights = createTabMessageHandler({ showHighlight: show });
    const message = { riksref: 1, name: 'showHighlight', payload: { id: 'a', dokId: 'H612523' } };
    expect(references(message)).toBeUndefined();
    expect(highlights({ riksref: 1, name: 'getPageReferences', payload: {} })).toBeUndefined();
    expect(await sendToTab(7, 'showHighlight', { id: 'a', dokId: 'H612523' }, async (m) => highlights(m))).toEqual({ dokId: 'H612523', shown: true });
    expect(show).toHaveBeenCalledWith({ id: 'a', dokId: 'H612523' });
    await expect(sendToTab(7, 'showHighlight', { id: '', dokId: 'H612523' }, async (m) => highlights(m))).rejects.toThrow(MessageError);
  });

  test('the content script declines messages that are not its own, so another listener can answer', () => {
    const handle = createTabMessageHandler(tabHandlers());
    expect(handle({ riksref: 1, name: 'lookupReferences', payload: { ids: [] } })).toBeUndefined();
    expect(handle({ riksrefEvent: 1, name: 'pageReferencesChanged' })).toBeUndefined();
    expect(handle('hej')).toBeUndefined();
    let listener: ((m: unknown, s: unknown, r: (reply: Reply) => void) => boolean | undefined) | undefined;
    const unlisten = listen({ addListener: (l) => void (listener = l), removeListener: () => (listener = undefined) }, handle);
    expect(listener!({ riksref: 1, name: 'clearCache', payload: {} }, {}, () => {})).toBeUndefined();
    expect(listener!({ riksref: 1, name: 'getPageReferences', payload: {} }, {}, () => {})).toBe(true);
    unlisten();
    expect(listener).toBeUndefined();
  });

  test('the change event is not a request: the background’s handler would not run anything for it', async () => {
    const event = { riksrefEvent: 1, name: 'pageReferencesChanged' };
    expect(z.safeParse(pageEventSchema, event).success).toBe(true);
    const h = handlers();
    expect((await createMessageHandler(h)(event)).ok).toBe(false);
    expect(h.clearCache).not.toHaveBeenCalled();
  });
});
