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

/** What each ticketing system asks for, in the words its administrators use. */
const SYSTEMS: Readonly<Record<Exclude<ConnectorSettings['kind'], 'none'>, { name: string; address: string; placeholder: string; token: string }>> = {
  'request-tracker': { name: 'Request Tracker 5', address: 'Request Tracker address', placeholder: 'https://rt.district.org', token: 'Auth token' },
  webhook: { name: 'A webhook (signed JSON)', address: 'Webhook URL', placeholder: 'https://hooks.district.org/deskbook', token: 'Shared signing secret' },
  'incident-iq': { name: 'Incident IQ', address: 'Incident IQ address', placeholder: 'https://district.incidentiq.com', token: 'API token' },
  zendesk: { name: 'Zendesk', address: 'Zendesk address', placeholder: 'https://district.zendesk.com', token: 'API token' },
  servicenow: { name: 'ServiceNow', address: 'ServiceNow instance address', placeholder: 'https://district.service-now.com', token: 'Password' },
};

/** The form's text fields, one per setting any system has; each kind reads the ones it needs. */
interface ConnectorFields {
  url: string;
  queue: string;
  siteId: string;
  requestIdField: string;
  issueId: string;
  email: string;
  group: string;
  auth: 'basic' | 'oauth';
  username: string;
}

function fieldsFrom(c: ConnectorSettings): ConnectorFields {
  return {
    url: c.kind === 'none' ? '' : c.url,
    queue: c.kind === 'request-tracker' ? c.queue : 'Deskbook Escalations',
    siteId: c.kind === 'incident-iq' ? c.siteId : '',
    requestIdField: c.kind === 'incident-iq' ? c.requestIdField : '',
    issueId: c.kind === 'incident-iq' ? c.issueId : '',
    email: c.kind === 'zendesk' ? c.email : '',
    group: c.kind === 'zendesk' || c.kind === 'servicenow' ? c.group : '',
    auth: c.kind === 'servicenow' ? c.auth : 'basic',
    username: c.kind === 'servicenow' ? c.username : '',
  };
}

/** The settings the form describes; main checks them (names the field when one is wrong). */
function connectorFrom(kind: ConnectorSettings['kind'], f: ConnectorFields): ConnectorSettings {
  switch (kind) {
    case 'none':
      return { kind };
    case 'webhook':
      return { kind, url: f.url };
    case 'request-tracker':
      return { kind, url: f.url, queue: f.queue };
    case 'incident-iq':
      return { kind, url: f.url, siteId: f.siteId, requestIdField: f.requestIdField, issueId: f.issueId };
    case 'zendesk':
      return { kind, url: f.url, email: f.email, group: f.group };
    case 'servicenow':
      return { kind, url: f.url, auth: f.auth, username: f.auth === 'basic' ? f.username : '', group: f.group };
  }
}

const CONNECTOR_POLICY_KEYS = ['connectorKind', 'connectorUrl', 'connectorQueue', 'connectorSiteId', 'connectorRequestIdField', 'connectorIssueId', 'connectorAccount', 'connectorAuth'];

function ConnectorForm({ settings, policy }: { settings: SettingsView; policy: PolicyReport | null }) {
  const locked = CONNECTOR_POLICY_KEYS.some((key) => isLocked(policy, key));
  const setSettings = useAppStore((s) => s.setSettings);
  const setNet = useAppStore((s) => s.setNet);
  const initial = settings.connector;
  const [kind, setKind] = useState<ConnectorSettings['kind']>(initial.kind);
  const [fields, setFields] = useState<ConnectorFields>(() => fieldsFrom(initial));
  const [token, setToken] = useState('');
  const [report, setReport] = useState<ConnectionReport | null>(null);
  const { save, message, setMessage } = useSave();
  const set = (name: keyof ConnectorFields) => (e: { target: { value: string } }) => setFields((f) => ({ ...f, [name]: e.target.value }));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setReport(null);
    if (!(await save({ connector: connectorFrom(kind, fields) }, 'Saved.'))) return;
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

  const system = kind === 'none' ? null : SYSTEMS[kind];
  const tokenLabel = kind === 'servicenow' && fields.auth === 'oauth' ? 'OAuth access token' : (system?.token ?? '');
  const text = (id: string, label: string, name: keyof ConnectorFields, hint?: string, placeholder?: string) => (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input id={id} disabled={locked} value={fields[name]} onChange={set(name)} placeholder={placeholder} aria-describedby={hint ? `${id}-hint` : undefined} />
      {hint && (
        <small id={`${id}-hint`} className="muted">
          {hint}
        </small>
      )}
    </div>
  );

  return (
    <form className="card" onSubmit={(e) => void submit(e)} aria-labelledby="connector-heading">
      <h2 id="connector-heading">Ticketing system</h2>
      {locked && <p className="muted">🔒 Your district&apos;s policy sets where tickets go.</p>}
      <div className="field">
        <label htmlFor="connector-kind">Send tickets to</label>
        <select id="connector-kind" disabled={locked} value={kind} onChange={(e) => setKind(e.target.value as ConnectorSettings['kind'])}>
          <option value="none">Nowhere yet (keep them in the outbox)</option>
          {Object.entries(SYSTEMS).map(([value, s]) => (
            <option key={value} value={value}>
              {s.name}
            </option>
          ))}
        </select>
      </div>
      {system && (
        <>
          <div className="field">
            <label htmlFor="connector-url">{system.address}</label>
            <input id="connector-url" type="url" disabled={locked} value={fields.url} onChange={set('url')} placeholder={system.placeholder} />
          </div>
          {kind === 'request-tracker' && text('connector-queue', 'Queue', 'queue')}
          {kind === 'incident-iq' && (
            <>
              {text('connector-site-id', 'Site ID', 'siteId', 'Administration > Developer Tools in Incident IQ.')}
              {text('connector-request-id-field', 'Request ID custom field', 'requestIdField', "The id of the ticket custom field your administrator created for Deskbook's request id.")}
              {text('connector-issue-id', 'Issue id', 'issueId', 'The Issue Deskbook tickets are filed under (its GUID); ask your Incident IQ administrator.')}
            </>
          )}
          {kind === 'zendesk' && (
            <>
              {text('connector-email', 'Agent email', 'email', 'The Zendesk agent the API token belongs to.')}
              {text('connector-group', 'Group id (optional)', 'group', 'New tickets are assigned to this group; leave empty for your Zendesk routing.')}
            </>
          )}
          {kind === 'servicenow' && (
            <>
              <div className="field">
                <label htmlFor="connector-auth">Sign in with</label>
                <select id="connector-auth" disabled={locked} value={fields.auth} onChange={set('auth')}>
                  <option value="basic">User name and password</option>
                  <option value="oauth">An OAuth access token</option>
                </select>
              </div>
              {fields.auth === 'basic' && text('connector-username', 'User name', 'username')}
              {text('connector-group', 'Assignment group (optional)', 'group', 'Name or sys_id; leave empty for your ServiceNow assignment rules.')}
            </>
          )}
          <div className="field">
            <label htmlFor="connector-token">{tokenLabel}</label>
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
      <h3 id="connection-warnings-heading">⚠ Connected, with {warnings.length === 1 ? 'a warning' : 'warnings'} for your ticketing administrator</h3>
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
