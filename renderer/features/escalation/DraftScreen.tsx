import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect, useMemo, useRef, useState } from 'react';
import { Controller, useForm, useWatch } from 'react-hook-form';
import type { FieldErrors } from 'react-hook-form';
import { IDENTITY_METHOD_TEXT, callerRoleSchema, escalationDraftSchema } from '../../../shared/escalation/schema';
import type { CallerRole, EscalationDraft, EscalationDraftInput } from '../../../shared/escalation/schema';
import { vendorPolicyFor } from '../../../shared/sla';
import { DEFAULT_DISTRICT_POLICY } from '../../../shared/sla/district';
import { useAppStore } from '../../state/store';
import { deskbook } from '../../ipc/client';
import type { DraftRow } from '../../db/db';
import { editedRequestId } from '../../db/draft-mode';
import type { DraftMode } from '../../db/draft-mode';
import { errorText } from '../../ui/error-text';
import { useDraft } from './draft-queries';
import { discardDraft, saveDraftValues } from './drafts';
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
  if (draft === undefined) return <p aria-busy="true">Loading the draft…</p>;
  if (draft === null) {
    return (
      <div role="status">
        <p>This draft was queued or discarded.</p>
        <button type="button" onClick={() => navigate({ name: 'queue' })}>
          Go to the outbox
        </button>
      </div>
    );
  }
  return <DraftForm key={draft.id} draft={draft} />;
}

/** The form's heading and submit button in each mode. */
const MODE_TEXT: Record<DraftMode['kind'], { heading: string; submit: string }> = {
  new: { heading: 'Escalation ticket', submit: 'Queue ticket' },
  requeue: { heading: 'Edit and re-queue escalation', submit: 'Re-queue ticket' },
  fix: { heading: 'Fix a returned escalation', submit: 'Send the fix' },
};

/** How each caller role reads in the form; the roles themselves come from callerRoleSchema. */
const CALLER_ROLE_LABELS: Record<CallerRole, string> = {
  parent: 'Parent',
  guardian: 'Guardian',
  student: 'Student',
  staff: 'Staff',
  other: 'Other',
};

const TEXT_FIELDS = [
  ['callerName', 'Caller name', 'text'],
  ['callbackPhone', 'Callback phone', 'tel'],
  ['studentName', 'Student name', 'text'],
  ['studentNumber', 'Student number', 'text'],
  ['school', 'School', 'text'],
] as const;

function errorList(errors: FieldErrors<EscalationDraftInput>): { name: string; message: string }[] {
  return Object.entries(errors)
    .map(([name, e]) => ({ name, message: (e as { message?: string } | undefined)?.message ?? `${name}: invalid` }))
    .filter((e) => e.message);
}

function DraftForm({ draft }: { draft: DraftRow }) {
  const navigate = useAppStore((s) => s.navigate);
  const settings = useAppStore((s) => s.settings);
  const setFlash = useAppStore((s) => s.setFlash);
  const [hits, setHits] = useState<SecretHit[]>([]);
  const [submitError, setSubmitError] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const summaryRef = useRef<HTMLDivElement>(null);
  const form = useForm<EscalationDraftInput, unknown, EscalationDraft>({
    resolver: zodResolver(escalationDraftSchema),
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
      if (!settings) throw new Error('Settings are not loaded yet; try again in a moment.');
      await queueDraft(draft, values, { analyst: settings.user, policy, now: new Date() });
      setFlash(`Queued “${values.subject}”. It will be delivered when the ticketing system is reachable.`);
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

  const errors = errorList(formState.errors);
  const fieldError = (name: keyof EscalationDraftInput) => (formState.errors[name] as { message?: string } | undefined)?.message;
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
    () => (draft.values.sop ? 'Never ask for a password. If the caller said one anyway, seal it here: it never goes in the ticket text.' : null),
    [draft.values.sop],
  );
  const identity = draft.values.identity;

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
        {MODE_TEXT[draft.mode.kind].heading}
      </h1>
      <div ref={summaryRef} tabIndex={-1} aria-live="assertive">
        {errors.length > 0 && (
          <div className="error-summary" role="alert">
            <h2>Not queued: {errors.length === 1 ? 'one field needs' : `${errors.length} fields need`} attention</h2>
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
        <legend>Where it goes</legend>
        <label>
          <input type="radio" value="district-tier2" {...register('kind')} /> District tier 2
        </label>{' '}
        <label>
          <input type="radio" value="vendor-case" {...register('kind')} /> Vendor case (Infinite Campus)
        </label>
        {kind === 'vendor-case' && !settings?.user.authorizedContact && (
          <p className="warning">
            Only the district&apos;s Authorized Contacts may open vendor cases. Queue it: it goes to your supervisor, who forwards it.
          </p>
        )}
      </fieldset>
      <Controller
        control={control}
        name="priority"
        render={({ field }) => <PriorityPicker value={field.value} onChange={field.onChange} policy={policy} now={now} error={fieldError('priority')} />}
      />
      <div className="field">
        <label htmlFor="draft-subject">Subject</label>
        <input {...aria('subject')} {...register('subject')} autoComplete="off" />
        <ErrorText name="subject" />
      </div>
      <div className="field">
        <label htmlFor="draft-description">Description</label>
        <textarea {...aria('description')} rows={5} {...register('description')} />
        <ErrorText name="description" />
      </div>
      <Controller
        control={control}
        name="stepsTried"
        render={({ field }) => (
          <div className="field">
            <label htmlFor="draft-stepsTried">Steps already tried (one per line)</label>
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
        <label htmlFor="draft-replicationSteps">Replication steps{kind === 'vendor-case' ? '' : ' (optional)'}</label>
        <textarea {...aria('replicationSteps')} rows={3} {...register('replicationSteps')} aria-required={kind === 'vendor-case'} />
        <ErrorText name="replicationSteps" />
      </div>
      <div className="field">
        <label htmlFor="draft-usersAffected">Who is affected (optional: one user, a school, everyone)</label>
        <input {...aria('usersAffected')} autoComplete="off" {...register('usersAffected')} />
        <ErrorText name="usersAffected" />
      </div>
      {kind === 'vendor-case' && (
        <label className="field">
          <input type="checkbox" {...register('hostedOutage')} /> Outage of a Campus Hosted site (the vendor&apos;s Hosting Support works 24/7)
        </label>
      )}
      <fieldset className="grid">
        <legend>Caller and student</legend>
        <p className={identity && identity !== 'not-verified' ? 'muted' : 'warning'} data-testid="draft-identity">
          {identity ? IDENTITY_METHOD_TEXT[identity] : 'Identity: not checked in Deskbook (this ticket did not come from a verify step)'}
        </p>
        <div className="field">
          <label htmlFor="draft-callerRole">Caller is</label>
          <select {...aria('callerRole')} {...register('callerRole')}>
            <option value="">Choose who called…</option>
            {callerRoleSchema.options.map((role) => (
              <option key={role} value={role}>
                {CALLER_ROLE_LABELS[role]}
              </option>
            ))}
          </select>
          <ErrorText name="callerRole" />
        </div>
        {TEXT_FIELDS.map(([name, label, type]) => (
          <div className="field" key={name}>
            <label htmlFor={`draft-${name}`}>
              {label}
              {name === 'callbackPhone' ? '' : ' (optional)'}
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
          {MODE_TEXT[draft.mode.kind].submit}
        </button>
        <button
          type="button"
          onClick={() => {
            if (window.confirm('Discard this draft? What you typed is deleted; nothing is sent.')) {
              void discardDraft(draft.id).then(() => navigate({ name: 'queue' }));
            }
          }}
        >
          Discard draft
        </button>
        <span className="muted">Saved on this computer as you type.</span>
      </div>
    </form>
  );
}
