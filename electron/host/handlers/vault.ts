import { findSecrets } from '../../../shared/guard';
import type { Vault } from '../../vault/vault';
import type { DomainHandlers } from './types';

/** `vault:*`: sealed notes in; handles, never plaintext, out. */
export function vaultHandlers(vault: Vault): DomainHandlers<'vault'> {
  return {
    'vault:status': async () => {
      const s = await vault.status();
      return { available: s.available, backend: s.backend, reason: s.available ? null : s.reason };
    },
    'vault:seal': ({ label, plaintext }) => vault.seal(label, plaintext),
    'vault:discard': async ({ handle }) => ({ discarded: await vault.discard(handle) }),
    // Whether a draft's fields carry the text of its own sealed notes, per field, yes or no.
    // Only for notes sealed in this run: their plaintext passed through the renderer in this
    // run, so the answer tells it nothing it was not given. Any other note is left to main's
    // guard at delivery (deliverOnce), so this is no oracle for an older note's value
    // (SECURITY.md, "The credential guard in main").
    'vault:check': async ({ handles, fields }) => {
      const mine = handles.filter((h) => vault.sealedThisRun(h));
      const sealedValues = await Promise.all(mine.map(async (h) => (await vault.open(h)).plaintext));
      return {
        fields: fields.map(({ path, text }) => ({ path, sealedValue: findSecrets(text, { sealedValues }).some((f) => f.kind === 'sealed-value') })),
        unchecked: handles.filter((h) => !mine.includes(h)),
      };
    },
  };
}
