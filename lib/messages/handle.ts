import * as z from 'zod/mini';
import {
  describeIssues,
  envelopeFor,
  envelopeSchema,
  MESSAGE_NAMES,
  MESSAGES,
  TAB_MESSAGES,
  type MessageName,
  type MessageTable,
  type Reply,
  type ResponseOf,
} from './protocol.ts';
import { errorMessage } from '../error-message.ts';

export type Handlers = {
  [N in MessageName]: (payload: z.output<(typeof MESSAGES)[N]['request']>) => Promise<ResponseOf<N>> | ResponseOf<N>;
};

/** Handlers for a table of messages. */
export type HandlersOf<T extends MessageTable> = {
  [N in keyof T]: (payload: z.output<T[N]['request']>) => Promise<z.output<T[N]['response']>> | z.output<T[N]['response']>;
};

/**
 * The background's side: checks what arrives against the protocol and answers every message
 * with a Reply. A malformed message gets `{ ok: false, error }` saying what was wrong, and its
 * handler never runs; a handler that throws is reported the same way.
 */
export function createMessageHandler(handlers: Handlers): (message: unknown) => Promise<Reply> {
  return async (message) => {
    const envelope = z.safeParse(envelopeSchema, message);
    if (!envelope.success) {
      return {
        ok: false,
        error: `Malformed message: expected { riksref: 1, name: ${MESSAGE_NAMES.join(' | ')}, payload } (${describeIssues(envelope.error)})`,
      };
    }
    return run(MESSAGES, handlers, envelope.data.name, envelope.data.payload);
  };
}

/**
 * The content script's side of TAB_MESSAGES, for the messages it has handlers for. Unlike the
 * background it answers only those and returns undefined for anything else, so another listener
 * in the same content script (another feature, answering other tab messages) can answer those.
 */
export function createTabMessageHandler(
  handlers: Partial<HandlersOf<typeof TAB_MESSAGES>>,
): (message: unknown) => Promise<Reply> | undefined {
  return createTableHandler(TAB_MESSAGES, handlers);
}

/**
 * Answers the messages of another table that have handlers here, and declines (undefined)
 * everything else, so that the next handler can answer it: the background's answers to an
 * extension page's own messages (lib/sync/messages.ts), kept out of MESSAGES so that the
 * content script, which checks every message of MESSAGES it sends, does not carry their schemas.
 */
export function createTableHandler<T extends MessageTable>(
  table: T,
  handlers: Partial<HandlersOf<T>>,
): (message: unknown) => Promise<Reply> | undefined {
  const names = Object.keys(handlers) as (keyof T & string)[];
  const envelope = envelopeFor(names);
  return (message) => {
    const checked = z.safeParse(envelope, message);
    if (!checked.success) return undefined;
    return run(table, handlers as HandlersOf<T>, checked.data.name, checked.data.payload);
  };
}

async function run<T extends MessageTable>(table: T, handlers: HandlersOf<T>, name: keyof T & string, payload: unknown): Promise<Reply> {
  const checked = z.safeParse(table[name]!.request, payload);
  if (!checked.success) return { ok: false, error: `Malformed ${name} message: ${describeIssues(checked.error)}` };
  try {
    const handler = handlers[name] as (payload: unknown) => Promise<unknown> | unknown;
    return { ok: true, data: await handler(checked.data) };
  } catch (error) {
    return { ok: false, error: `${name} failed: ${errorMessage(error)}` };
  }
}

type OnMessage = {
  addListener(
    listener: (message: unknown, sender: unknown, sendResponse: (reply: Reply) => void) => boolean | undefined,
  ): void;
  removeListener?(listener: (message: unknown, sender: unknown, sendResponse: (reply: Reply) => void) => boolean | undefined): void;
};

/**
 * Wires a handler to runtime.onMessage. Chrome answers through sendResponse (returning true
 * keeps the channel open); a returned Promise is not understood there. A handler that returns
 * undefined declines the message: the channel is not held open and another listener may answer.
 * Returns the way to unwire it.
 */
export function listen(onMessage: OnMessage, handle: (message: unknown) => Promise<Reply> | undefined): () => void {
  const listener = (message: unknown, _sender: unknown, sendResponse: (reply: Reply) => void) => {
    const reply = handle(message);
    if (!reply) return undefined;
    void reply.then(sendResponse);
    return true;
  };
  onMessage.addListener(listener);
  return () => onMessage.removeListener?.(listener);
}
