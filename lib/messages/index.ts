export { createMessageHandler, createTabMessageHandler, listen, type Handlers, type HandlersOf } from './handle.ts';
export {
  MESSAGES,
  PROTOCOL_VERSION,
  TAB_MESSAGES,
  type LookupResult,
  type TrailAnswer,
  type MessageName,
  type PageEvent,
  type PageReference,
  type Reply,
  type RequestOf,
  type ResponseOf,
  type TabMessageName,
} from './protocol.ts';
export { MessageError, send, sendToTab, sendVia, type Transport } from './send.ts';
export { KEYBOARD_COMMAND, parseTabCommand, SAVE_SELECTION_COMMAND, tabCommandSchema, type TabCommand } from './tab-commands.ts';
