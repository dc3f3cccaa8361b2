import { useEffect, useMemo, useRef, useState } from 'react';
import { Controller, useForm, useWatch } from 'react-hook-form';
import type { FieldErrors } from 'react-hook-form';
import { callerRoleSchema } from '../../../shared/escalation/schema';
import type { CallerRole, EscalationDraft, EscalationDraftInput, IdentityMethod } from '../../../shared/escalation/schema';
import { languageName } from '../../../shared/i18n/languages';
import { vendorPolicyFor } from '../../../shared/sla';
import { DEFAULT_DISTRICT_POLICY } from '../../../shared/sla/district';
import { useT } from '../../i18n';
import type { MessageKey, Translate } from '../../i18n';
import { useAppStore } from '../../state/store';
import { deskbook } from '../../ipc/client';
import type { DraftRow } from '../../db/db';
import { editedRequestId } from '../../db/draft-mode';
import type { DraftMode } from '../../db/draft-mode';
import { errorText } from '../../ui/error-text';
import { useDraft } from './draft-queries';
import { discardDraft, saveDraftValues } from './drafts';
import { FIELD_NAMES, draftResolver, errorMessage } from './form-errors';
import { PriorityPicker } from './PriorityPicker';
import { queueDraft } from './queue-draft';
import { SealedNotes } from './SealedNotes';
import { SecretsPanel } from './SecretsPanel';
import { scanDraft } from './secrets';
import type { SecretHit } from './secrets';

/** The escalation form, opened from an `escalate` outcome or blank from the outbox screen. */
export function DraftScreen({ draftId }: { draftId: string }) {
  const draft = useDraft(draftId);
  const navigate = useAppStore((s) => s.navigate);
  const t = useT();
  if (draft === undefined) return <p aria-busy="true">{t('escalation.draft.loading')}</p>;
  if (draft === null) {
    return (
      <div role="status">
        <p>{t('escalation.draft.gone')}</p>
        <button type="button" onClick={() => navigate({ name: 'queue' })}>
          {t('escalation.draft.goToOutbox')}
        </button>
      </div>
    );
  }
  return <DraftForm key={draft.id} draft={draft} />;
}

/** The form's heading and submit button in each mode. */
const MODE_TEXT: Record<DraftMode['kind'], { heading: MessageKey; submit: MessageKey }> = {
  new: { heading: 'escalation.draft.heading.new', submit: 'escalation.draft.submit.new' },
  requeue: { heading: 'escalation.draft.heading.requeue', submit: 'escalation.draft.submit.requeue' },
  fix: { heading: 'escalation.draft.heading.fix', submit: 'escalation.draft.submit.fix' },
};

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

/** Each field in error with its words (a field whose error has none is named as invalid). */
function errorList(errors: FieldErrors<EscalationDraftInput>, t: Translate): { name: string; message: string }[] {
  return Object.entries(errors).map(([name, e]) => {
    const field = Object.hasOwn(FIELD_NAMES, name) ? t(FIELD_NAMES[name as keyof EscalationDraftInput]) : name;
    return { name, message: errorMessage(e) ?? t('escalation.error.invalid', { field }) };
  });
}

function DraftForm({ draft }: { draft: DraftRow }) {
  const t = useT();
  const navigate = useAppStore((s) => s.navigate);
  const settings = useAppStore((s) => s.settings);
  const setFlash = useAppStore((s) => s.setFlash);
  const [hits, setHits] = useState<SecretHit[]>([]);
  const [submitError, setSubmitError] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const summaryRef = useRef<HTMLDivElement>(null);
  const resolver = useMemo(() => draftResolver(t), [t]);
  const form = useForm<EscalationDraftInput, unknown, EscalationDraft>({
    resolver,
    defaultValues: draft.values,
    mode: 'onTouched',
  });
  const { register, control, handleSubmit, formState, setValue, getValues } = form;
  const kind = useWatch({ control, name: 'kind' });
  const sealedNotes = useWatch({ control, name: 'sealedNotes' });
  const hostedOutage = useWatch({ control, name: 'hostedOutage' }) ?? false;
  const policy = kind === 'vendor-case' ? vendorPolicyFor({ hostedOutage }) : (settings?.districtSla ?? DEFAULT_DISTRICT_POLICY);
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), 60_000);
    return () => clearInterval(timer);
  }, []);

  // Autosave: every change is written to Dexie shortly after it is typed.
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | null = null;
    const flush = () => void saveDraftValues(draft.id, getValues(), Date.now());
    const sub = form.watch(() => {
      if (timer) clearTimeout(timer);
      timer = setTimeout(flush, 250);
    });
    window.addEventListener('pagehide', flush);
    return () => {
      sub.unsubscribe();
      window.removeEventListener('pagehide', flush);
      if (timer) {
        clearTimeout(timer);
        flush();
      }
    };
  }, [form, draft.id, getValues]);

  const onValid = async (values: EscalationDraft) => {
    setSubmitError(null);
    setSubmitting(true);
    try {
      const found = await scanDraft(values);
      setHits(found);
      if (found.length > 0) {
        summaryRef.current?.focus();
        return;
      }
      if (!settings) throw new Error(t('escalation.draft.settingsNotLoaded'));
      await queueDraft(draft, values, { analyst: settings.user, policy, now: new Date() });
      setFlash(t('escalation.draft.queued', { subject: values.subject }));
      navigate({ name: 'queue' });
    } catch (cause) {
      setSubmitError(errorText(cause));
    } finally {
      setSubmitting(false);
    }
  };
  const onInvalid = () => {
    setHits([]);
    requestAnimationFrame(() => summaryRef.current?.focus());
  };

  const errors = errorList(formState.errors, t);
  const fieldError = (name: keyof EscalationDraftInput) => errorMessage(formState.errors[name]) ?? undefined;
  const aria = (name: keyof EscalationDraftInput) => ({
    id: `draft-${name}`,
    'aria-invalid': fieldError(name) ? true : undefined,
    'aria-describedby': fieldError(name) ? `draft-${name}-error` : undefined,
  });
  const ErrorText = ({ name }: { name: keyof EscalationDraftInput }) =>
    fieldError(name) ? (
      <small id={`draft-${name}-error`} className="error-text">
        {fieldError(name)}
      </small>
    ) : null;

  const sealPrompt = useMemo(
    () => (draft.values.sop ? t('escalation.draft.sealPrompt') : null),
    [draft.values.sop, t],
  );
  const identity = draft.values.identity;
  const callerLanguage = draft.values.callerLanguage;

  return (
    // autoComplete="off" also keeps Chromium from saving the fields' text in its session-history
    // state on disk, where a password typed by mistake would otherwise outlive the draft.
    <form
      className="draft"
      onSubmit={(e) => void handleSubmit(onValid, onInvalid)(e)}
      noValidate
      autoComplete="off"
      aria-labelledby="draft-heading"
    >
      <h1 id="draft-heading">
        {t(MODE_TEXT[draft.mode.kind].heading)}
      </h1>
      <div ref={summaryRef} tabIndex={-1} aria-live="assertive">
        {errors.length > 0 && (
          <div className="error-summary" role="alert">
            <h2>{t('escalation.draft.errors.heading', { count: errors.length })}</h2>
            <ul>
              {errors.map((e) => (
                <li key={e.name}>
                  <a href={`#draft-${e.name}`}>{e.message}</a>
                </li>
              ))}
            </ul>
          </div>
        )}
        {hits.length > 0 && (
          <SecretsPanel
            hits={hits}
            getValues={getValues}
            setValue={(name, text) =>
              name === 'stepsTried'
                ? setValue('stepsTried', text.split('\n'), { shouldDirty: true })
                : setValue(name, text, { shouldDirty: true })
            }
            onSealed={(note) => setValue('sealedNotes', [...getValues('sealedNotes'), note], { shouldDirty: true })}
            onDone={() => setHits([])}
          />
        )}
      </div>
      <fieldset>
        <legend>{t('escalation.draft.kind.legend')}</legend>
        <label>
          <input type="radio" value="district-tier2" {...register('kind')} /> {t('escalation.draft.kind.district')}
        </label>{' '}
        <label>
          <input type="radio" value="vendor-case" {...register('kind')} /> {t('escalation.draft.kind.vendor')}
        </label>
        {kind === 'vendor-case' && !settings?.user.authorizedContact && <p className="warning">{t('escalation.draft.kind.notAuthorized')}</p>}
      </fieldset>
      <Controller
        control={control}
        name="priority"
        render={({ field }) => <PriorityPicker value={field.value} onChange={field.onChange} policy={policy} now={now} error={fieldError('priority')} />}
      />
      <div className="field">
        <label htmlFor="draft-subject">{t('escalation.field.subject')}</label>
        <input {...aria('subject')} {...register('subject')} autoComplete="off" />
        <ErrorText name="subject" />
      </div>
      <div className="field">
        <label htmlFor="draft-description">{t('escalation.field.description')}</label>
        <textarea {...aria('description')} rows={5} {...register('description')} />
        <ErrorText name="description" />
      </div>
      <Controller
        control={control}
        name="stepsTried"
        render={({ field }) => (
          <div className="field">
            <label htmlFor="draft-stepsTried">{t('escalation.draft.stepsTried.label')}</label>
            <textarea
              {...aria('stepsTried')}
              rows={Math.min(10, Math.max(3, field.value.length + 1))}
              value={field.value.join('\n')}
              onChange={(e) => field.onChange(e.target.value.split('\n'))}
              onBlur={field.onBlur}
            />
            <ErrorText name="stepsTried" />
          </div>
        )}
      />
      <div className="field">
        <label htmlFor="draft-replicationSteps">
          {kind === 'vendor-case'
            ? t('escalation.field.replicationSteps')
            : t('escalation.draft.optional', { label: t('escalation.field.replicationSteps') })}
        </label>
        <textarea {...aria('replicationSteps')} rows={3} {...register('replicationSteps')} aria-required={kind === 'vendor-case'} />
        <ErrorText name="replicationSteps" />
      </div>
      <div className="field">
        <label htmlFor="draft-usersAffected">{t('escalation.draft.usersAffected.label')}</label>
        <input {...aria('usersAffected')} autoComplete="off" {...register('usersAffected')} />
        <ErrorText name="usersAffected" />
      </div>
      {kind === 'vendor-case' && (
        <label className="field">
          <input type="checkbox" {...register('hostedOutage')} /> {t('escalation.draft.hostedOutage')}
        </label>
      )}
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
        <div className="field">
          <label htmlFor="draft-callerRole">{t('escalation.draft.callerRole.label')}</label>
          <select {...aria('callerRole')} {...register('callerRole')}>
            <option value="">{t('escalation.draft.callerRole.choose')}</option>
            {callerRoleSchema.options.map((role) => (
              <option key={role} value={role}>
                {t(CALLER_ROLE_LABELS[role])}
              </option>
            ))}
          </select>
          <ErrorText name="callerRole" />
        </div>
        {TEXT_FIELDS.map(([name, type]) => (
          <div className="field" key={name}>
            <label htmlFor={`draft-${name}`}>
              {name === 'callbackPhone' ? t(FIELD_NAMES[name]) : t('escalation.draft.optional', { label: t(FIELD_NAMES[name]) })}
            </label>
            <input {...aria(name)} type={type} autoComplete="off" {...register(name)} />
            <ErrorText name={name} />
          </div>
        ))}
      </fieldset>
      <SealedNotes
        notes={sealedNotes}
        prompt={sealPrompt}
        onAdd={(note) => setValue('sealedNotes', [...getValues('sealedNotes'), note], { shouldDirty: true })}
        onRemove={(handle) => {
          setValue('sealedNotes', getValues('sealedNotes').filter((n) => n.handle !== handle), { shouldDirty: true });
          // A removed note is deleted from the vault too, not left encrypted on disk — unless the
          // queued escalation this draft edits still uses it (it goes when that is replaced).
          if (editedRequestId(draft.mode) === null) void deskbook().vault.discard({ handle });
        }}
      />
      {submitError && (
        <p role="alert" className="error-text">
          {submitError}
        </p>
      )}
      <div className="row">
        <button type="submit" className="primary" disabled={submitting}>
          {t(MODE_TEXT[draft.mode.kind].submit)}
        </button>
        <button
          type="button"
          onClick={() => {
            if (window.confirm(t('escalation.draft.discard.confirm'))) {
              void discardDraft(draft.id).then(() => navigate({ name: 'queue' }));
            }
          }}
        >
          {t('escalation.draft.discard.button')}
        </button>
        <span className="muted">{t('escalation.draft.autosaved')}</span>
      </div>
    </form>
  );
}
