import { describe, expect, test, vi } from 'vitest';
import * as z from 'zod/mini';
import { createMessageHandler, listen, type Handlers } from '@/lib/messages/handle';
import { lookupResultSchema, MAX_IDS_PER_LOOKUP, type Reply } from '@/lib/messages/protocol';
import { MessageError, send } from '@/lib/messages/send';

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
    expect(reply).toEqual({ ok: false, error: expect.stringMatching(/^Malformed message: expected \{ riksref: 1, name: lookupReferences \| getCacheStats \| clearCache \| saveHighlight \| .* \| exportHighlights, payload \}/) });
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
