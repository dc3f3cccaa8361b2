export { createServiceNowConnector } from './sn-connector';
export type { ServiceNowConnectorOptions } from './sn-context';
export { incidentUrl, instanceBase, isSysId, serviceNowMessage } from './sn-api';
export { CORRELATION_DISPLAY, DEFAULT_SN_PRIORITIES, SHORT_DESCRIPTION_MAX, sealedNoteMarker, shortDescription } from './sn-render';
export type { ImpactUrgency } from './sn-render';
