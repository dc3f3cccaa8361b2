/**
 * District SOP packs delivered as signed files: the file format (`signed-pack`), the service that
 * fetches, verifies and keeps the last good copy (`distribution`), and its on-disk store.
 */
export { createPackDistribution, DEFAULT_PACK_INTERVAL_MS, DEFAULT_PACK_RETRY_MS } from './distribution';
export type { PackDistribution, PackDistributionConfig, PackDistributionOptions, PackSnapshot, PackStatus } from './distribution';
export { DEFAULT_MAX_PACK_BYTES, packUrlProblem } from './download';
export type { PackFetch, PackResponse } from './download';
export { createFilePackStore, PACK_STORE_FILE } from './file-store';
export type { PackStore } from './file-store';
export { parsePackText } from './parse-pack';
export { parsePublicKey, SIGNED_PACK_FORMAT, signPack, verifySignedPack } from './signed-pack';
export type { VerifyResult } from './signed-pack';
