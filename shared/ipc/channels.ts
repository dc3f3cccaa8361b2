/**
 * The names of every IPC channel and push event, without their schemas, so the preload (one
 * small CommonJS file) can build `window.deskbook` without bundling zod. `contract.ts` checks at
 * compile time that each name here has schemas and vice versa.
 */
export const CHANNEL_NAMES = [
  'app:info',
  'net:status',
  'net:check',
  'settings:get',
  'settings:update',
  'settings:setToken',
  'settings:test',
  'vault:status',
  'vault:seal',
  'vault:discard',
  'vault:check',
  'sync:deliver',
  'sync:resubmit',
  'sync:logCall',
  'review:list',
  'review:get',
  'review:decide',
  'review:status',
  'audit:list',
  'audit:export',
  'audit:verify',
  'updates:status',
  'updates:check',
  'updates:download',
  'updates:install',
  'policy:get',
  'packs:district',
  'packs:refresh',
] as const;

export type ChannelName = (typeof CHANNEL_NAMES)[number];

/** Pushes from main to the renderer, named `domain:noun`. */
export const EVENT_NAMES = ['net:status', 'updates:status', 'packs:status'] as const;

export type EventName = (typeof EVENT_NAMES)[number];

/** The one Electron IPC channel that carries pushes; the event name travels in the payload. */
export const PUSH_CHANNEL = 'deskbook:push';
