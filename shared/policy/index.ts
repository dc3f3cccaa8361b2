export { POLICY_FIELDS, POLICY_NAMES, POLICY_VALUE_SCHEMAS } from './keys';
export type { PolicyField, PolicyName, PolicyValues } from './keys';
export { EMPTY_ADMIN_POLICY, layerFrom, mergePolicyLayers } from './layers';
export type { AdminPolicy, PolicyLayer, PolicySourceWarning, RawPolicyValue } from './layers';
export { resolvePolicy } from './resolve';
export type { KeyResolution, PolicyProblem, PolicySource, ResolvedPolicy, ResolveInput } from './resolve';
export { applyPolicyToSettings, builtInPolicyValues, lockedSettingsPaths, userPolicyValues } from './settings-bridge';
export { changedSettingsPaths, refusedSettingsChange, sameValue } from './changes';
export type { RefusedChange } from './changes';
export {
  defaultUpdateMode,
  INSTALL_KINDS,
  installKindSchema,
  UPDATE_MODES,
  updateModeSchema,
  updateStatusSchema,
} from './update';
export type { InstallKind, UpdateMode, UpdateStatus } from './update';
export { policyReport, policyReportSchema } from './report';
export type { PolicyReport } from './report';
