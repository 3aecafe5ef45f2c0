import * as z from 'zod/mini';
import { MAX_IMPORT_BYTES } from '../highlights/web-annotation.ts';
import { nextTask } from '../time-slices.ts';
import { t } from '../i18n.ts';
import { MESSAGES } from './protocol.ts';

/*
 * An import file travels from the side panel to the background over a port (runtime.connect),
 * not in one message: a 20 MB file parsed and sent at once would hold the panel for a few hundred
 * milliseconds, and the reader would see nothing move for seconds. Over the port the panel sends
 * the file's text a slice at a time as it reads it, and the background answers with progress
 * (checking, then saving) and finally the import's outcome. All or nothing stays the background's
 * job (lib/db/highlight-import.ts): it parses and stores only once it has the whole file.
 */

export const IMPORT_PORT = 'riksref-import';

/**
 * Bytes of the file decoded and sent at a time, each slice a task of its own: at most as many
 * characters. Chromium serializes a port message at ~10 ms a megabyte on the sender's main
 * thread: a quarter of a megabyte is a few milliseconds, and the panel takes its turn between
 * slices.
 */
export const SLICE_BYTES = 1 << 18;

const answerSchema = MESSAGES.importHighlights.response;
export type ImportAnswer = z.output<typeof answerSchema>;

/** Panel → background: the file's text in slices, then its end. */
export const clientMessageSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('text'), text: z.string() }),
  z.object({ type: z.literal('end') }),
]);

const phases = z.enum(['checking', 'saving']);

/** Background → panel: progress, then the outcome. */
export const serverMessageSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('progress'), phase: phases, done: z.number(), total: z.number() }),
  z.object({ type: z.literal('done'), answer: answerSchema }),
]);

/** How far an import has come, as the panel shows it: reading the file (bytes), checking, saving. */
export interface ImportStep {
  phase: 'reading' | z.output<typeof phases>;
  done: number;
  total: number;
}

/** The part of runtime.Port both ends use. */
export interface PortLike {
  name: string;
  postMessage(message: unknown): void;
  disconnect(): void;
  onMessage: { addListener(listener: (message: unknown) => void): void };
  onDisconnect: { addListener(listener: () => void): void };
}

const tooLarge = (bytes: number) => t('import_tooLarge', Math.round(bytes / 1024 / 1024), MAX_IMPORT_BYTES / 1024 / 1024);

/**
 * The panel's side: reads `file` a slice at a time (UTF-8, strictly), sends it, reports every
 * step, and resolves with the background's answer. Never rejects: a file that cannot be read, or
 * a background that goes away, is an answer saying so, with nothing imported.
 */
export async function importOverPort(
  file: Blob,
  onStep: (step: ImportStep) => void,
  connect: () => PortLike,
  pause: () => Promise<void> = nextTask,
): Promise<ImportAnswer> {
  if (file.size > MAX_IMPORT_BYTES) return { imported: false, error: tooLarge(file.size) };
  const port = connect();
  let settle: (answer: ImportAnswer) => void = () => {};
  const answered = new Promise<ImportAnswer>((resolve) => {
    let settled = false;
    settle = (answer) => {
      if (settled) return;
      settled = true;
      port.disconnect();
      resolve(answer);
    };
  });
  port.onMessage.addListener((raw) => {
    const message = z.safeParse(serverMessageSchema, raw);
    if (!message.success) settle({ imported: false, error: t('import_badAnswer') });
    else if (message.data.type === 'progress') onStep(message.data);
    else settle(message.data.answer);
  });
  port.onDisconnect.addListener(() =>
    settle({ imported: false, error: t('import_disconnected') }),
  );

  try {
    const reader = file.stream().getReader();
    const decoder = new TextDecoder('utf-8', { fatal: true });
    let read = 0;
    onStep({ phase: 'reading', done: 0, total: file.size });
    for (;;) {
      // A file's stream hands over what it has read without leaving the task: without these
      // turns, reading, decoding and sending 70 MB would be one task of seconds.
      const { done, value } = await reader.read();
      if (done) break;
      // Chromium's file stream hands over up to 2 MB at a time. Decoded whole, each such chunk
      // was one task of 20–45 ms in the bench's re-import of 10 000 highlights (the decode, the
      // text joined to what was left and copied flat to be cut: megabytes of strings at once),
      // and the collections that garbage set off ran in it, pushing some over 50 ms
      // (bench/diagnose/import-panel.ts). Bytes are cut instead, a slice a task: the decoder
      // keeps a character cut in two for the next slice, so every text sent is whole
      // characters, surrogate pairs included, and no text is joined or copied here.
      for (let at = 0; at < value.byteLength; at += SLICE_BYTES) {
        const bytes = value.subarray(at, at + SLICE_BYTES);
        const text = decoder.decode(bytes, { stream: true });
        if (text) port.postMessage({ type: 'text', text });
        read += bytes.byteLength;
        onStep({ phase: 'reading', done: read, total: file.size });
        await pause();
      }
    }
    // The end of the bytes: a character cut short there is not UTF-8 (a TypeError, as any other).
    const rest = decoder.decode();
    if (rest) port.postMessage({ type: 'text', text: rest });
    port.postMessage({ type: 'end' });
  } catch (error) {
    settle({ imported: false, error: error instanceof TypeError ? t('import_notUtf8') : t('import_unreadable', String(error)) });
  }
  return answered;
}

/**
 * The background's side, for one connection: gathers the text, then hands it to `importText`
 * (lib/db/highlight-import.ts), passing its progress on. A panel closed half-way leaves nothing
 * behind: before the end the gathered text is dropped; after it the import finishes, whole.
 */
export function serveImport(
  port: PortLike,
  importText: (text: string, onProgress: (p: { phase: 'checking' | 'saving'; done: number; total: number }) => void) => Promise<ImportAnswer>,
): void {
  let parts: string[] = [];
  let size = 0;
  let open = true;
  let refused = false;
  const post = (message: z.input<typeof serverMessageSchema>) => {
    if (open) port.postMessage(message);
  };
  port.onDisconnect.addListener(() => {
    open = false;
    parts = [];
  });
  port.onMessage.addListener((raw) => {
    const message = z.safeParse(clientMessageSchema, raw);
    if (!message.success) return post({ type: 'done', answer: { imported: false, error: 'Importen kom fram i fel form. Ingenting importerades.' } });
    if (refused) return;
    if (message.data.type === 'text') {
      size += message.data.text.length;
      if (size > MAX_IMPORT_BYTES) {
        parts = [];
        refused = true;
        return post({ type: 'done', answer: { imported: false, error: tooLarge(size) } });
      }
      parts.push(message.data.text);
      return;
    }
    const text = parts.join('');
    parts = [];
    void importText(text, (progress) => post({ type: 'progress', ...progress }))
      .catch((error: unknown): ImportAnswer => ({ imported: false, error: `Importen misslyckades: ${String(error)}. Ingenting importerades.` }))
      .then((answer) => post({ type: 'done', answer }));
  });
}
