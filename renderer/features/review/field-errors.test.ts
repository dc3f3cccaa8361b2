import { zodResolver } from '@hookform/resolvers/zod';
import type { FieldErrors } from 'react-hook-form';
import { describe, expect, it } from 'vitest';
import type { Translate } from '../../i18n';
import { createDeskbookIntl } from '../../i18n/intl';
import { decisionFormSchema } from './decision-form';
import type { DecisionFormValues } from './decision-form';
import { fieldErrorText } from './field-errors';
import { vendorCaseFormSchema } from './vendor-case-form';
import type { VendorCaseFormValues } from './vendor-case-form';

function translator(language: 'en' | 'es'): Translate {
  const intl = createDeskbookIntl({ language, locale: language === 'en' ? 'en-US' : 'es-US' });
  const t = ((key, values) => intl.formatMessage({ id: key }, values)) as Translate;
  t.rich = (key, values) => intl.formatMessage({ id: key }, values as never);
  t.intl = intl;
  return t;
}
const en = translator('en');
const es = translator('es');
const options = { fields: {}, shouldUseNativeValidation: false } as const;

async function decisionErrors(values: Partial<DecisionFormValues>): Promise<FieldErrors<DecisionFormValues>> {
  const all: DecisionFormValues = { kind: 'approve', note: '', comment: '', replicationSteps: '', priority: 'medium', caseText: '', ...values };
  return (await zodResolver(decisionFormSchema)(all, undefined, options)).errors;
}

async function vendorErrors(values: VendorCaseFormValues): Promise<FieldErrors<VendorCaseFormValues>> {
  return (await zodResolver(vendorCaseFormSchema(() => new Date(2026, 2, 2, 9, 30)))(values, undefined, options)).errors;
}

describe('the review forms’ refusals in the interface language', () => {
  it('says in English exactly what the shared schema says, and the same refusal in Spanish', async () => {
    const errors = await decisionErrors({ kind: 'return', comment: 'no' });
    expect(fieldErrorText(en, 'comment', errors.comment)).toMatch(/^Comment: say what the analyst must fix/);
    expect(fieldErrorText(en, 'comment', errors.comment)).toBe(errors.comment?.message);
    expect(fieldErrorText(es, 'comment', errors.comment)).toBe('Comentario: diga qué debe corregir el analista (al menos 5 caracteres)');

    const forward = await decisionErrors({ kind: 'forward', replicationSteps: 'short' });
    expect(fieldErrorText(en, 'replicationSteps', forward.replicationSteps)).toBe(forward.replicationSteps?.message);
    expect(fieldErrorText(es, 'caseText', forward.caseText)).toMatch(/^Texto del caso: obligatorio/);
  });

  it('tells a malformed case number from a time in the future', async () => {
    const wrong = await vendorErrors({ caseNumber: 'CS-12', submittedAt: '2026-03-01T16:00', note: '' });
    expect(fieldErrorText(en, 'caseNumber', wrong.caseNumber)).toMatch(/^Vendor case number: 5 to 12 digits/);
    expect(fieldErrorText(en, 'caseNumber', wrong.caseNumber)).toBe(wrong.caseNumber?.message);
    expect(fieldErrorText(es, 'caseNumber', wrong.caseNumber)).toMatch(/^Número de caso del proveedor: de 5 a 12 dígitos/);

    const future = await vendorErrors({ caseNumber: '1234567', submittedAt: '2026-03-02T09:31', note: '' });
    expect(fieldErrorText(en, 'submittedAt', future.submittedAt)).toBe(future.submittedAt?.message);
    expect(fieldErrorText(es, 'submittedAt', future.submittedAt)).toMatch(/está en el futuro/);

    const none = await vendorErrors({ caseNumber: '1234567', submittedAt: '', note: '' });
    expect(fieldErrorText(en, 'submittedAt', none.submittedAt)).toBe(none.submittedAt?.message);
    expect(fieldErrorText(en, 'caseNumber', none.caseNumber)).toBeUndefined();
  });
});
