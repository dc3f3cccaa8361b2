export { createIncidentIqConnector, URGENT_PRIORITIES } from './iiq-connector';
export type { IncidentIqConnectorOptions } from './iiq-context';
export { incidentIqMessage } from './iiq-api';
export { RESOLVED_CLOSE_REASON } from './iiq-call-log';
export { sealedNoteExternalId, sealedNoteMarker } from './iiq-render';
