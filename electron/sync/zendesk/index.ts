export { createZendeskConnector } from './zendesk-connector';
export type { ZendeskConnectorOptions } from './zendesk-context';
export { zendeskOrigin } from './zendesk-context';
export { zendeskMessage } from './zendesk-api';
export { sealedNoteMarker, ZENDESK_PRIORITY } from './zendesk-render';
