export { createRtConnector, DEFAULT_RT_PRIORITIES } from './rt-connector';
export type { RtConnectorOptions } from './rt-connector';
export { DEFAULT_RT_FIELD_NAMES } from './rt-fields';
export type { RtFieldNames } from './rt-fields';
export { renderTicketBody } from './render';
export { createRtReview } from './rt-review';
export { escalationFieldValue, parseEscalationField } from './review-item';
export { anchorLine, decisionSubject, parseAnchor, parseMarker, resubmissionSubject } from './review-markers';
