import type { UseFormRegister } from 'react-hook-form';
import { callerRoleSchema } from '../../../shared/escalation/schema';
import type { CallerRole, EscalationDraftInput, IdentityMethod } from '../../../shared/escalation/schema';
import { languageName } from '../../../shared/i18n/languages';
import { useT } from '../../i18n';
import type { MessageKey } from '../../i18n';
import { FIELD_NAMES } from './form-errors';
import { ReviewField } from './ReviewField';
import type { ReviewedField } from './review';

/** How each caller role reads in the form; the roles themselves come from callerRoleSchema. */
const CALLER_ROLE_LABELS: Record<CallerRole, MessageKey> = {
  parent: 'escalation.role.parent',
  guardian: 'escalation.role.guardian',
  student: 'escalation.role.student',
  staff: 'escalation.role.staff',
  other: 'escalation.role.other',
};

/**
 * How the identity check reads in the form. The ticket says it in English
 * (IDENTITY_METHOD_TEXT in shared/escalation/schema.ts), in the same words as the English here.
 */
const IDENTITY_TEXT: Record<IdentityMethod, MessageKey> = {
  'callback-on-file': 'escalation.identity.callbackOnFile',
  'district-facts': 'escalation.identity.districtFacts',
  'photo-id-in-person': 'escalation.identity.photoIdInPerson',
  'not-verified': 'escalation.identity.notVerified',
};

const TEXT_FIELDS = [
  ['callerName', 'text'],
  ['callbackPhone', 'tel'],
  ['studentName', 'text'],
  ['studentNumber', 'text'],
  ['school', 'text'],
] as const;

type Name = keyof EscalationDraftInput;

/**
 * The caller and student part of the draft: how identity was checked and the call's language
 * (facts of the run, never edited here), who called, and the caller's and student's details —
 * each a fact with an Edit action when the run filled it, else a field to fill.
 */
export function CallerFields({
  values,
  register,
  aria,
  fieldError,
  fact,
  reviewed,
}: {
  values: EscalationDraftInput;
  register: UseFormRegister<EscalationDraftInput>;
  aria: (name: Name) => { id: string; 'aria-invalid': boolean | undefined; 'aria-describedby': string | undefined };
  fieldError: (name: Name) => string | undefined;
  fact: (name: ReviewedField) => boolean;
  reviewed: (name: ReviewedField) => { tabIndex: number | undefined; onFocus: () => void };
}) {
  const t = useT();
  const { identity, callerLanguage } = values;
  return (
    <fieldset className="grid">
      <legend>{t('escalation.draft.caller.legend')}</legend>
      <p className={identity && identity !== 'not-verified' ? 'muted' : 'warning'} data-testid="draft-identity">
        {identity ? t(IDENTITY_TEXT[identity]) : t('escalation.draft.identity.unchecked')}
      </p>
      {callerLanguage && (
        <p className="muted" data-testid="draft-call-language">
          {t('escalation.draft.callLanguage', { language: languageName(callerLanguage, t.intl.locale) })}
        </p>
      )}
      <ReviewField id="draft-callerRole" label={t('escalation.draft.callerRole.label')} fact={fact('callerRole')} error={fieldError('callerRole')}>
        <select {...aria('callerRole')} {...register('callerRole')} {...reviewed('callerRole')}>
          <option value="">{t('escalation.draft.callerRole.choose')}</option>
          {callerRoleSchema.options.map((role) => (
            <option key={role} value={role}>
              {t(CALLER_ROLE_LABELS[role])}
            </option>
          ))}
        </select>
      </ReviewField>
      {TEXT_FIELDS.map(([name, type]) => (
        <ReviewField
          key={name}
          id={`draft-${name}`}
          label={name === 'callbackPhone' ? t(FIELD_NAMES[name]) : t('escalation.draft.optional', { label: t(FIELD_NAMES[name]) })}
          fact={fact(name)}
          error={fieldError(name)}
        >
          <input {...aria(name)} type={type} autoComplete="off" {...register(name)} {...reviewed(name)} />
        </ReviewField>
      ))}
    </fieldset>
  );
}
