import { z } from 'zod';
import { CONNECTOR_NAMES, connectorKindSchema } from '../../shared/ipc/settings';
import type { ConnectorSettings } from '../../shared/ipc/settings';
import { DeskbookError } from '../../shared/result';
import type { Vault } from '../vault/vault';

export const TOKEN_SECRET = 'connector-token';

/** What a stored token belongs to: one connector kind at one origin (scheme, host and port). */
export interface TokenBinding {
  kind: Exclude<ConnectorSettings['kind'], 'none'>;
  origin: string;
}

const storedTokenSchema = z.object({ v: z.literal(1), kind: connectorKindSchema.exclude(['none']), origin: z.string(), token: z.string().min(1) });

/** The binding a token for these settings must have; null when no ticketing system is set. */
export function bindingFor(settings: ConnectorSettings): TokenBinding | null {
  if (settings.kind === 'none') return null;
  return { kind: settings.kind, origin: new URL(settings.url).origin };
}

/** Whether moving from `before` to `after` takes the connector to another kind or origin. */
export function changesBinding(before: ConnectorSettings, after: ConnectorSettings): boolean {
  const a = bindingFor(before);
  const b = bindingFor(after);
  return a?.kind !== b?.kind || a?.origin !== b?.origin;
}

const KIND_WORDS: Readonly<Record<TokenBinding['kind'], string>> = { ...CONNECTOR_NAMES, webhook: 'the webhook' };

/**
 * A ticketing token (or webhook secret) bound to its server: stored with the connector kind and
 * origin it was entered for, and handed out only for that same kind and origin. A token entered
 * for one address is never sent to another, whatever settings.json says later
 * (docs/architecture.md, The trust boundary).
 */
export function createTokenStore(vault: Vault) {
  // Asked on every request of every delivery: the stored value is parsed once, not each time.
  let last: { raw: string; parsed: z.infer<typeof storedTokenSchema> | null } | null = null;
  const parse = (raw: string) => {
    if (last?.raw === raw) return last.parsed;
    let parsed: z.infer<typeof storedTokenSchema> | null = null;
    try {
      const result = storedTokenSchema.safeParse(JSON.parse(raw));
      parsed = result.success ? result.data : null;
    } catch {
      parsed = null;
    }
    last = { raw, parsed };
    return parsed;
  };
  const read = async (settings: ConnectorSettings) => {
    const raw = await vault.getSecret(TOKEN_SECRET);
    if (raw === null) return null;
    const parsed = parse(raw);
    const wanted = bindingFor(settings);
    // A token stored before binding existed belongs to no server: it is never sent.
    return { stored: parsed, matches: parsed !== null && wanted !== null && parsed.kind === wanted.kind && parsed.origin === wanted.origin };
  };

  return {
    /** Stores `token` for the connector in `settings`; refused when none is configured. */
    async store(settings: ConnectorSettings, token: string): Promise<void> {
      const binding = bindingFor(settings);
      if (!binding) throw new DeskbookError('BAD_INPUT', 'token: choose the ticketing system in Settings before entering its token.', 'token');
      await vault.setSecret(TOKEN_SECRET, JSON.stringify({ v: 1, ...binding, token }));
    },
    /** The token for exactly this kind and origin; AUTH_REQUIRED (sign in again) otherwise. */
    async tokenFor(settings: ConnectorSettings): Promise<string> {
      const found = await read(settings);
      if (found?.matches && found.stored) return found.stored.token;
      const wanted = bindingFor(settings);
      const where = wanted ? `${KIND_WORDS[wanted.kind]} at ${wanted.origin}` : 'the ticketing system';
      if (found?.stored) {
        throw new DeskbookError('AUTH_REQUIRED', `The stored token was entered for ${KIND_WORDS[found.stored.kind]} at ${found.stored.origin}, so Deskbook will not send it to ${where}: enter the token for ${where} in Settings.`);
      }
      throw new DeskbookError('AUTH_REQUIRED', `No token is stored for ${where}: add one in Settings.`);
    },
    /** Whether a token usable for these settings is stored. */
    async has(settings: ConnectorSettings): Promise<boolean> {
      return (await read(settings))?.matches ?? false;
    },
    /** Forgets the token (the connector moved to another kind or origin). */
    wipe: () => vault.deleteSecret(TOKEN_SECRET),
  };
}

export type TokenStore = ReturnType<typeof createTokenStore>;
