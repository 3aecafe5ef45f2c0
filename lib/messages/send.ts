import { browser } from 'wxt/browser';
import * as z from 'zod/mini';
import {
  describeIssues,
  MESSAGES,
  PROTOCOL_VERSION,
  replySchema,
  TAB_MESSAGES,
  type MessageName,
  type MessageTable,
  type RequestOf,
  type ResponseOf,
  type TabMessageName,
} from './protocol.ts';

export class MessageError extends Error {
  override name = 'MessageError';
}

/** How a message reaches its receiver; injectable for tests. */
export type Transport = (message: unknown) => Promise<unknown>;

const runtimeTransport: Transport = (message) => browser.runtime.sendMessage(message);

/**
 * Sends a message to the background and returns its checked answer. A malformed payload is
 * refused here, before it leaves; an error reply or a reply of the wrong shape throws MessageError.
 */
export async function send<N extends MessageName>(
  name: N,
  payload: RequestOf<N>,
  transport: Transport = runtimeTransport,
): Promise<ResponseOf<N>> {
  return sendVia(MESSAGES, name, payload, transport);
}

/**
 * Sends a message to the content script of one tab (the side panel asking about the page). It
 * throws, as browser.tabs.sendMessage does, when no content script answers in that tab.
 */
export async function sendToTab<N extends TabMessageName>(
  tabId: number,
  name: N,
  payload: z.input<(typeof TAB_MESSAGES)[N]['request']>,
  transport: Transport = (message) => browser.tabs.sendMessage(tabId, message),
): Promise<z.output<(typeof TAB_MESSAGES)[N]['response']>> {
  return sendVia(TAB_MESSAGES, name, payload, transport);
}

/**
 * `send` for a table of messages of its own (sync, history, the highlights panel): tables kept
 * apart so the content script does not carry their schemas.
 */
export function senderFor<T extends MessageTable>(table: T) {
  return <N extends keyof T & string>(
    name: N,
    payload: z.input<T[N]['request']>,
    transport: Transport = runtimeTransport,
  ): Promise<z.output<T[N]['response']>> => sendVia(table, name, payload, transport);
}

/** The checks of `send`, for any table of messages. */
export async function sendVia<T extends MessageTable, N extends keyof T & string>(
  table: T,
  name: N,
  payload: z.input<T[N]['request']>,
  transport: Transport,
): Promise<z.output<T[N]['response']>> {
  const { request, response } = table[name]!;
  const checked = z.safeParse(request, payload);
  if (!checked.success) throw new MessageError(`Malformed ${name} message: ${describeIssues(checked.error)}`);

  const reply = z.safeParse(replySchema, await transport({ riksref: PROTOCOL_VERSION, name, payload: checked.data }));
  if (!reply.success) throw new MessageError(`${name}: the background gave no valid reply`);
  if (!reply.data.ok) throw new MessageError(reply.data.error);

  const data = z.safeParse(response, reply.data.data);
  if (!data.success) throw new MessageError(`${name}: unexpected reply (${describeIssues(data.error)})`);
  return data.data as z.output<T[N]['response']>;
}
