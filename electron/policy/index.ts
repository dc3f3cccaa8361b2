export { LINUX_POLICY_FILE, policyFromJsonText, readLinuxPolicy } from './linux';
export { MAC_PREFERENCE_DOMAIN, parsePlistDictionary, readMacPolicy } from './macos';
export { createNodePolicyDeps } from './node-deps';
export { readAdminPolicy } from './read';
export type { PolicyReaderDeps } from './read';
export { parseRegQuery } from './reg-query';
export { readWindowsPolicy, WINDOWS_POLICY_KEY } from './windows';
