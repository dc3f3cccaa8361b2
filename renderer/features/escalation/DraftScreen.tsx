import { useEffect, useMemo, useRef, useState } from 'react';
import { Controller, useForm, useWatch } from 'react-hook-form';
import type { FieldErrors } from 'react-hook-form';
import type { EscalationDraft, EscalationDraftInput, SealedNoteRef } from '../../../shared/escalation/schema';
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
import { CallerFields } from './CallerFields';
import { FIELD_NAMES, draftResolver, errorMessage } from './form-errors';
import { PriorityPicker } from './PriorityPicker';
import { queueDraft } from './queue-draft';
import { ReviewField, ReviewIntro } from './ReviewField';
import { stillMissing, useReview } from './review';
import type { ReviewedField } from './review';
import { SealedNotes } from './SealedNotes';
import { SecretsPanel } from './SecretsPanel';
import { findDraftSecrets, scanDraft } from './secrets';
import type { GuardedField, SecretHit } from './secrets';

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
  const review = useReview(draft);
  // The credential guard as the analyst types (the shared detector only; main's check against
  // the sealed notes runs on submit): a password pasted into a field shows at once.
  const everything = useWatch({ control });
  const liveHits = useMemo(() => (everything ? findDraftSecrets(getValues()) : []), [everything, getValues]);
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
  /** Whether a prefilled field still reads as a fact: a field in error is always an input. */
  const fact = (name: ReviewedField) => review.isFact(name) && !fieldError(name);
  /** What a reviewed input adds: out of the tab order while a fact (its Edit button is in it). */
  const reviewed = (name: ReviewedField) => ({ tabIndex: fact(name) ? -1 : undefined, onFocus: () => review.edit(name) });

  const sealPrompt = useMemo(
    () => (draft.values.sop ? t('escalation.draft.sealPrompt') : null),
    [draft.values.sop, t],
  );

  // One way to write a field the guard flagged and to add the note it was sealed into, for the
  // live panel and the submit panel alike.
  const writeGuardedField = (name: GuardedField, text: string) =>
    name === 'stepsTried' ? setValue('stepsTried', text.split('\n'), { shouldDirty: true }) : setValue(name, text, { shouldDirty: true });
  const addSealedNote = (note: SealedNoteRef) => setValue('sealedNotes', [...getValues('sealedNotes'), note], { shouldDirty: true });

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
      {review.count > 0 && <ReviewIntro missing={stillMissing(getValues())} />}
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
        {hits.length === 0 && liveHits.length > 0 && (
          <SecretsPanel
            key={liveHits.map((h) => `${h.field}:${h.start}:${h.end}`).join('|')}
            live
            hits={liveHits}
            getValues={getValues}
            setValue={writeGuardedField}
            onSealed={addSealedNote}
            onDone={() => undefined}
          />
        )}
        {hits.length > 0 && (
          <SecretsPanel
            hits={hits}
            getValues={getValues}
            setValue={writeGuardedField}
            onSealed={addSealedNote}
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
      <ReviewField id="draft-subject" label={t('escalation.field.subject')} fact={fact('subject')} error={fieldError('subject')}>
        <input {...aria('subject')} {...register('subject')} {...reviewed('subject')} autoComplete="off" />
      </ReviewField>
      <ReviewField id="draft-description" label={t('escalation.field.description')} fact={fact('description')} error={fieldError('description')}>
        <textarea {...aria('description')} rows={5} {...register('description')} {...reviewed('description')} />
      </ReviewField>
      <Controller
        control={control}
        name="stepsTried"
        render={({ field }) => (
          <ReviewField id="draft-stepsTried" label={t('escalation.draft.stepsTried.label')} fact={fact('stepsTried')} error={fieldError('stepsTried')}>
            <textarea
              {...aria('stepsTried')}
              {...reviewed('stepsTried')}
              rows={Math.min(10, Math.max(3, field.value.length + 1))}
              value={field.value.join('\n')}
              onChange={(e) => field.onChange(e.target.value.split('\n'))}
              onBlur={field.onBlur}
            />
          </ReviewField>
        )}
      />
      <ReviewField
        id="draft-replicationSteps"
        label={
          kind === 'vendor-case'
            ? t('escalation.field.replicationSteps')
            : t('escalation.draft.optional', { label: t('escalation.field.replicationSteps') })
        }
        fact={fact('replicationSteps')}
        error={fieldError('replicationSteps')}
      >
        <textarea {...aria('replicationSteps')} rows={3} {...register('replicationSteps')} {...reviewed('replicationSteps')} aria-required={kind === 'vendor-case'} />
      </ReviewField>
      <ReviewField id="draft-usersAffected" label={t('escalation.draft.usersAffected.label')} fact={fact('usersAffected')} error={fieldError('usersAffected')}>
        <input {...aria('usersAffected')} autoComplete="off" {...register('usersAffected')} {...reviewed('usersAffected')} />
      </ReviewField>
      {kind === 'vendor-case' && (
        <label className="field">
          <input type="checkbox" {...register('hostedOutage')} /> {t('escalation.draft.hostedOutage')}
        </label>
      )}
      <CallerFields
        values={draft.values}
        register={register}
        aria={aria}
        fieldError={fieldError}
        fact={fact}
        reviewed={reviewed}
      />
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
        {draft.runId && draft.mode.kind === 'new' && (
          <button type="button" onClick={() => navigate({ name: 'run', runId: draft.runId! })}>
            {t('escalation.review.backToCall')}
          </button>
        )}
        <span className="muted">{t('escalation.draft.autosaved')}</span>
      </div>
    </form>
  );
}
