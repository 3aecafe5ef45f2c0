export { createMessageHandler, listen, type Handlers } from './handle.ts';
export {
  MESSAGES,
  PROTOCOL_VERSION,
  type LookupResult,
  type MessageName,
  type Reply,
  type RequestOf,
  type ResponseOf,
} from './protocol.ts';
export { MessageError, send, type Transport } from './send.ts';
export { parseTabCommand, SAVE_SELECTION_COMMAND, tabCommandSchema, type TabCommand } from './tab-commands.ts';
