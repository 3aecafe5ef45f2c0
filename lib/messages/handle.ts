import * as z from 'zod/mini';
import {
  describeIssues,
  envelopeSchema,
  MESSAGE_NAMES,
  MESSAGES,
  type MessageName,
  type Reply,
  type ResponseOf,
} from './protocol.ts';

export type Handlers = {
  [N in MessageName]: (payload: z.output<(typeof MESSAGES)[N]['request']>) => Promise<ResponseOf<N>> | ResponseOf<N>;
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
    const { name, payload } = envelope.data;
    const checked = z.safeParse(MESSAGES[name].request, payload);
    if (!checked.success) return { ok: false, error: `Malformed ${name} message: ${describeIssues(checked.error)}` };
    try {
      const handler = handlers[name] as (payload: unknown) => Promise<unknown> | unknown;
      return { ok: true, data: await handler(checked.data) };
    } catch (error) {
      return { ok: false, error: `${name} failed: ${error instanceof Error ? error.message : String(error)}` };
    }
  };
}

type OnMessage = {
  addListener(
    listener: (message: unknown, sender: unknown, sendResponse: (reply: Reply) => void) => boolean | undefined,
  ): void;
};

/**
 * Wires a handler to runtime.onMessage. Chrome answers through sendResponse (returning true
 * keeps the channel open); a returned Promise is not understood there.
 */
export function listen(onMessage: OnMessage, handle: (message: unknown) => Promise<Reply>): void {
  onMessage.addListener((message, _sender, sendResponse) => {
    void handle(message).then(sendResponse);
    return true;
  });
}
