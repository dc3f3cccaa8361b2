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
    // Where a sealed value was pasted back into a draft's text; the renderer highlights it.
    'vault:scan': async ({ handles, texts }) => {
      const sealedValues = await Promise.all(handles.map(async (h) => (await vault.open(h)).plaintext));
      const findings = texts.flatMap((text, i) =>
        findSecrets(text, { sealedValues })
          .filter((f) => f.kind === 'sealed-value')
          .map((f) => ({ text: i, start: f.start, end: f.end })),
      );
      return { findings };
    },
  };
}
