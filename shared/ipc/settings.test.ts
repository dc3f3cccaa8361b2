import { describe, expect, it } from 'vitest';
import { connectorSettingsSchema } from './settings';

/**
 * Settings is the one door connector settings come through, so what it accepts must be what the
 * connectors can be built from. The IPC fuzz found three values Settings took and the connectors
 * refused (and, through the reachability probe, took Node down with).
 */
const messageOf = (value: unknown) => connectorSettingsSchema.safeParse(value).error?.issues[0]?.message;

describe('connector settings', () => {
  it('refuse an address that matches the https pattern but is no URL, naming the field', () => {
    expect(messageOf({ kind: 'servicenow', url: 'https://2:QFzb"_uss', auth: 'oauth', username: '', group: '' })).toMatch(/^URL: is not a web address/);
  });

  it('refuse a Zendesk agent e-mail with a colon or a slash, which would break the email/token:<token> sign-in', () => {
    expect(messageOf({ kind: 'zendesk', url: 'https://district.zendesk.com', email: 'W0L/moQ@NAp.4:W', group: '' })).toMatch(/^Agent email:/);
  });

  it('refuse a Zendesk address with a user, query or fragment, and a group id longer than the connector sends', () => {
    expect(messageOf({ kind: 'zendesk', url: 'https://district.zendesk.com/?x=1', email: 'agent@district.org', group: '' })).toMatch(/^URL: must be only the address/);
    expect(messageOf({ kind: 'zendesk', url: 'https://district.zendesk.com', email: 'agent@district.org', group: '1234567890123456' })).toMatch(/^Group:/);
  });

  it('accept the settings districts really have', () => {
    expect(connectorSettingsSchema.safeParse({ kind: 'zendesk', url: 'https://district.zendesk.com/api/v2', email: 'agent@district.org', group: '360001234567' }).success).toBe(true);
    expect(connectorSettingsSchema.safeParse({ kind: 'servicenow', url: 'https://district.service-now.com', auth: 'basic', username: 'deskbook', group: 'Tier 2' }).success).toBe(true);
    expect(connectorSettingsSchema.safeParse({ kind: 'request-tracker', url: 'http://127.0.0.1:8080', queue: 'General' }).success).toBe(true);
  });
});
