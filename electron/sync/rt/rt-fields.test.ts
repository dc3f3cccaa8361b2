import { describe, expect, it } from 'vitest';
import { DEFAULT_RT_FIELD_NAMES, missingFieldsMessage, resolveFieldIds } from './rt-fields';

const queue = (names: string[]) => ({
  id: '3',
  Name: 'Deskbook Escalations',
  TicketCustomFields: names.map((name, i) => ({ id: String(i + 2), name })),
  _hyperlinks: [],
});

describe('Deskbook custom fields', () => {
  it('all five fields are required, the two review fields included', () => {
    const resolved = resolveFieldIds(queue(['Deskbook Request ID', 'Deskbook SOP Path', 'Deskbook SLA Due']), DEFAULT_RT_FIELD_NAMES);
    expect(resolved).toEqual({ ok: false, missing: ['Deskbook Escalation', 'Deskbook Review'] });
  });

  it('resolves names to ids case-insensitively', () => {
    const all = Object.values(DEFAULT_RT_FIELD_NAMES).map((n) => n.toUpperCase());
    expect(resolveFieldIds(queue(all), DEFAULT_RT_FIELD_NAMES)).toEqual({
      ok: true,
      ids: { requestId: '2', sopPath: '3', slaDueAt: '4', escalation: '5', review: '6', vendorCase: '7' },
    });
  });

  it('the vendor case field is optional: a queue without it resolves, without its id', () => {
    const required = Object.values(DEFAULT_RT_FIELD_NAMES).filter((n) => n !== DEFAULT_RT_FIELD_NAMES.vendorCase);
    expect(resolveFieldIds(queue(required), DEFAULT_RT_FIELD_NAMES)).toEqual({
      ok: true,
      ids: { requestId: '2', sopPath: '3', slaDueAt: '4', escalation: '5', review: '6' },
    });
    expect(missingFieldsMessage(['Deskbook Vendor Case'], 'Q')).toContain('"Enter one value" (Freeform)');
  });

  it('the message for missing review fields says which field types to create', () => {
    const message = missingFieldsMessage(['Deskbook Escalation', 'Deskbook Review'], 'Deskbook Escalations');
    expect(message).toContain("custom fields 'Deskbook Escalation', 'Deskbook Review' are not applied to RT queue 'Deskbook Escalations'");
    expect(message).toContain('(Text)');
    expect(message).toContain('awaiting-review, returned, approved, forwarded');
    expect(missingFieldsMessage(['Deskbook SOP Path'], 'Q')).not.toContain('(Text)');
  });
});
