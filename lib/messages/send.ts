import { browser } from 'wxt/browser';
import * as z from 'zod/mini';
import {
  describeIssues,
  MESSAGES,
  PROTOCOL_VERSION,
  replySchema,
  type MessageName,
  type RequestOf,
  type ResponseOf,
} from './protocol.ts';

export class MessageError extends Error {
  override name = 'MessageError';
}

/** How a message reaches the background; injectable for tests. */
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
  const { request, response } = MESSAGES[name];
  const checked = z.safeParse(request, payload);
  if (!checked.success) throw new MessageError(`Malformed ${name} message: ${describeIssues(checked.error)}`);

  const reply = z.safeParse(replySchema, await transport({ riksref: PROTOCOL_VERSION, name, payload: checked.data }));
  if (!reply.success) throw new MessageError(`${name}: the background gave no valid reply`);
  if (!reply.data.ok) throw new MessageError(reply.data.error);

  const data = z.safeParse(response, reply.data.data);
  if (!data.success) throw new MessageError(`${name}: unexpected reply (${describeIssues(data.error)})`);
  return data.data as ResponseOf<N>;
}
