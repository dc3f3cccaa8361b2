import { useState } from 'react';
import type { FormEvent } from 'react';
import type { ConnectionReport, ConnectorSettings, SettingsView } from '../../../shared/ipc/settings';
import { useAppStore } from '../../state/store';
import { deskbook } from '../../ipc/client';
import { resumeOutbox } from '../../outbox/runtime';
import { DistrictCalendar } from './DistrictCalendar';
import { ManagedSettings, isLocked, usePolicy } from './ManagedSettings';
import type { PolicyReport } from '../../../shared/policy/report';

/** Settings: who is signed in, where tickets go, and the district's SLA calendar. */
export function SettingsScreen() {
  const settings = useAppStore((s) => s.settings);
  const policy = usePolicy();
  if (!settings) return <p aria-busy="true">Loading settings…</p>;
  return (
    <div className="settings">
      <h1>Settings</h1>
      <ProfileForm settings={settings} roleFromPolicy={policy?.keys.userRole?.source === 'policy-enforced'} />
      <ConnectorForm settings={settings} policy={policy} />
      <DistrictCalendar settings={settings} locked={isLocked(policy, 'districtSla')} />
      <ManagedSettings report={policy} />
    </div>
  );
}

function useSave() {
  const setSettings = useAppStore((s) => s.setSettings);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const save = async (patch: Parameters<ReturnType<typeof deskbook>['settings']['update']>[0], done: string) => {
    const result = await deskbook().settings.update(patch);
    if (result.ok) {
      setSettings(result.value);
      setMessage({ ok: true, text: done });
    } else {
      setMessage({ ok: false, text: result.error.message });
    }
    return result.ok;
  };
  return { save, message, setMessage };
}

function Message({ message }: { message: { ok: boolean; text: string } | null }) {
  if (!message) return null;
  return (
    <p role={message.ok ? 'status' : 'alert'} className={message.ok ? 'ok-text' : 'error-text'}>
      {message.text}
    </p>
  );
}

function ProfileForm({ settings, roleFromPolicy }: { settings: SettingsView; roleFromPolicy: boolean }) {
  const [name, setName] = useState(settings.user.name);
  const [id, setId] = useState(settings.user.id);
  const { save, message } = useSave();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void save({ user: { ...settings.user, name, id } }, 'Saved.');
  };
  return (
    <form className="card" onSubmit={submit} aria-labelledby="profile-heading">
      <h2 id="profile-heading">You</h2>
      <div className="field">
        <label htmlFor="profile-name">Name on tickets</label>
        <input id="profile-name" value={name} onChange={(e) => setName(e.target.value)} autoComplete="name" />
      </div>
      <div className="field">
        <label htmlFor="profile-id">User id</label>
        <input id="profile-id" value={id} onChange={(e) => setId(e.target.value)} autoComplete="username" />
      </div>
      <p className="muted" data-testid="role-source">
        Role: {settings.user.role}
        {settings.user.authorizedContact ? ' · Authorized Contact for vendor support' : ''}.{' '}
        {roleFromPolicy
          ? "Set by your district's policy."
          : "Deskbook's default: only your district's administrator can give you another role (policy UserRole), not a setting on this computer."}
      </p>
      <button type="submit">Save</button>
      <Message message={message} />
    </form>
  );
}

function ConnectorForm({ settings, policy }: { settings: SettingsView; policy: PolicyReport | null }) {
  const locked = isLocked(policy, 'connectorKind') || isLocked(policy, 'connectorUrl') || isLocked(policy, 'connectorQueue');
  const setSettings = useAppStore((s) => s.setSettings);
  const setNet = useAppStore((s) => s.setNet);
  const initial = settings.connector;
  const [kind, setKind] = useState<ConnectorSettings['kind']>(initial.kind);
  const [url, setUrl] = useState(initial.kind === 'none' ? '' : initial.url);
  const [queue, setQueue] = useState(initial.kind === 'request-tracker' ? initial.queue : 'Deskbook Escalations');
  const [token, setToken] = useState('');
  const [report, setReport] = useState<ConnectionReport | null>(null);
  const { save, message, setMessage } = useSave();

  const connector = (): ConnectorSettings =>
    kind === 'none' ? { kind } : kind === 'webhook' ? { kind, url } : { kind, url, queue };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setReport(null);
    if (!(await save({ connector: connector() }, 'Saved.'))) return;
    if (token) {
      const result = await deskbook().settings.setToken({ token });
      if (!result.ok) {
        setMessage({ ok: false, text: `Token: ${result.error.message}` });
        return;
      }
      setToken('');
      setSettings(result.value);
      await resumeOutbox();
    }
    const net = await deskbook().net.check();
    if (net.ok) setNet(net.value);
  };

  const test = async () => {
    setReport(null);
    const result = await deskbook().settings.test();
    setReport(result.ok ? result.value : { ok: false, problem: result.error.code, message: result.error.message, warnings: [] });
  };

  return (
    <form className="card" onSubmit={(e) => void submit(e)} aria-labelledby="connector-heading">
      <h2 id="connector-heading">Ticketing system</h2>
      {locked && <p className="muted">🔒 Your district&apos;s policy sets where tickets go.</p>}
      <div className="field">
        <label htmlFor="connector-kind">Send tickets to</label>
        <select id="connector-kind" disabled={locked} value={kind} onChange={(e) => setKind(e.target.value as ConnectorSettings['kind'])}>
          <option value="none">Nowhere yet (keep them in the outbox)</option>
          <option value="request-tracker">Request Tracker 5</option>
          <option value="webhook">A webhook (signed JSON)</option>
        </select>
      </div>
      {kind !== 'none' && (
        <>
          <div className="field">
            <label htmlFor="connector-url">{kind === 'request-tracker' ? 'Request Tracker address' : 'Webhook URL'}</label>
            <input id="connector-url" type="url" disabled={locked} value={url} onChange={(e) => setUrl(e.target.value)} placeholder="https://rt.district.org" />
          </div>
          {kind === 'request-tracker' && (
            <div className="field">
              <label htmlFor="connector-queue">Queue</label>
              <input id="connector-queue" disabled={locked} value={queue} onChange={(e) => setQueue(e.target.value)} />
            </div>
          )}
          <div className="field">
            <label htmlFor="connector-token">{kind === 'request-tracker' ? 'Auth token' : 'Shared signing secret'}</label>
            <input
              id="connector-token"
              type="password"
              value={token}
              onChange={(e) => setToken(e.target.value)}
              autoComplete="off"
              placeholder={settings.token.stored ? `stored (${settings.token.preview ?? '••••'}); type to replace` : 'not set'}
            />
            <small className="muted">Kept encrypted by the operating system; never shown again and never sent to this window.</small>
          </div>
        </>
      )}
      <div className="row">
        <button type="submit" className="primary">
          Save
        </button>
        <button type="button" onClick={() => void test()} disabled={initial.kind === 'none'}>
          Test connection
        </button>
      </div>
      <Message message={message} />
      {report && (
        <p role={report.ok ? 'status' : 'alert'} className={report.ok ? 'ok-text' : 'error-text'} data-testid="connection-report">
          {report.ok ? '✓ ' : '✗ '}
          {report.message}
          {report.warnings.length > 0 && ` (${report.warnings.length === 1 ? 'one warning' : `${report.warnings.length} warnings`} below)`}
        </p>
      )}
      {report && <ConnectionWarnings warnings={report.warnings} />}
    </form>
  );
}

/**
 * What works but puts sealed notes at risk, under the Test connection result: a titled list (the
 * status line above announces how many), each item saying what to change in the ticketing system.
 */
function ConnectionWarnings({ warnings }: { warnings: readonly string[] }) {
  if (warnings.length === 0) return null;
  return (
    <section className="conflict" aria-labelledby="connection-warnings-heading" data-testid="connection-warnings">
      <h3 id="connection-warnings-heading">⚠ Connected, with {warnings.length === 1 ? 'a warning' : 'warnings'} for your RT administrator</h3>
      <ul>
        {warnings.map((warning, i) => (
          <li key={i} style={{ overflowWrap: 'anywhere' }}>
            {warning}
          </li>
        ))}
      </ul>
    </section>
  );
}
