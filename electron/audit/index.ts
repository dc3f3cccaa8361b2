export { createAuditTrail, CSV_COLUMNS, auditInputSchema, storedAuditEntrySchema } from './audit-trail';
export type { AuditHead, AuditInput, AuditTrail, AuditVerification, StoredAuditEntry } from './audit-trail';
export { canonicalJson, entryHash, GENESIS_HASH } from './chain';
export { csvField, toCsvText } from './csv';
