export { createAuditTrail, CSV_COLUMNS, auditInputSchema, storedAuditEntrySchema } from './audit-trail';
export type { AuditHead, AuditInput, AuditTrail, AuditVerification, PreparedEntry, PreparedState, StoredAuditEntry } from './audit-trail';
export { anchorOf, sameAnchor, trailIdOf } from './anchor';
export type { AuditAnchor, RecordedAnchor } from './anchor';
export { compareWithAnchors } from './anchor-check';
export type { AnchorCheckInput } from './anchor-check';
export { canonicalJson, entryHash, GENESIS_HASH } from './chain';
export { csvField, toCsvText } from './csv';
