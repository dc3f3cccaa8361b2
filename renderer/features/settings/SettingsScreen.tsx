import { useState } from 'react';
import type { FormEvent } from 'react';
import { uiLanguageSettingSchema } from '../../../shared/i18n/language-setting';
import type { UiLanguageSetting } from '../../../shared/i18n/language-setting';
import { UI_LANGUAGES, UI_LANGUAGE_NAMES } from '../../../shared/i18n/languages';
import type { Role } from '../../../shared/ipc/roles';
import type { ConnectionReport, ConnectorSettings, SettingsView } from '../../../shared/ipc/settings';
import type { PolicyField } from '../../../shared/policy/keys';
import { useT } from '../../i18n';
import type { MessageKey } from '../../i18n';
import { useAppStore } from '../../state/store';
import { deskbook } from '../../ipc/client';
import { resumeOutbox } from '../../outbox/runtime';
import { DistrictCalendar } from './DistrictCalendar';
import { Message, useSave } from './save';
import { ThemeForm } from './ThemeForm';
import { ManagedSettings, isLocked, usePolicy } from './ManagedSettings';
import type { PolicyReport } from '../../../shared/policy/report';

/** Settings: who is signed in, the interface language, where tickets go, and the district's SLA calendar. */
export function SettingsScreen() {
  const t = useT();
  const settings = useAppStore((s) => s.settings);
  const policy = usePolicy();
  if (!settings) return <p aria-busy="true">{t('settings.loading')}</p>;
  return (
    <div className="settings">
      <h1>{t('settings.heading')}</h1>
      <ProfileForm settings={settings} roleFromPolicy={policy?.keys.userRole?.source === 'policy-enforced'} />
      <LanguageForm settings={settings} locked={isLocked(policy, 'uiLanguage')} />
      <ThemeForm settings={settings} locked={isLocked(policy, 'theme')} />
      <ConnectorForm settings={settings} policy={policy} />
      <DistrictCalendar settings={settings} locked={isLocked(policy, 'districtSla')} />
      <ManagedSettings report={policy} />
    </div>
  );
}

const ROLE_WORDS: Record<Role, MessageKey> = {
  analyst: 'settings.role.analyst',
  technician: 'settings.role.technician',
  supervisor: 'settings.role.supervisor',
};

function ProfileForm({ settings, roleFromPolicy }: { settings: SettingsView; roleFromPolicy: boolean }) {
  const t = useT();
  const [name, setName] = useState(settings.user.name);
  const [id, setId] = useState(settings.user.id);
  const { save, message } = useSave();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void save({ user: { ...settings.user, name, id } }, 'settings.saved');
  };
  return (
    <form className="card" onSubmit={submit} aria-labelledby="profile-heading">
      <h2 id="profile-heading">{t('settings.profile.heading')}</h2>
      <div className="field">
        <label htmlFor="profile-name">{t('settings.profile.name')}</label>
        <input id="profile-name" value={name} onChange={(e) => setName(e.target.value)} autoComplete="name" />
      </div>
      <div className="field">
        <label htmlFor="profile-id">{t('settings.profile.id')}</label>
        <input id="profile-id" value={id} onChange={(e) => setId(e.target.value)} autoComplete="username" />
      </div>
      <p className="muted" data-testid="role-source">
        {settings.user.authorizedContact
          ? t('settings.profile.roleWithContact', { role: t(ROLE_WORDS[settings.user.role]) })
          : t('settings.profile.role', { role: t(ROLE_WORDS[settings.user.role]) })}{' '}
        {roleFromPolicy ? t('settings.profile.roleFromPolicy') : t('settings.profile.roleDefault')}
      </p>
      <button type="submit">{t('settings.save')}</button>
      <Message message={message} />
    </form>
  );
}

/**
 * The interface language: the OS's, or English or Spanish, each language named in itself (and
 * marked with `lang`, so a screen reader says "Español" in Spanish). Saved like every setting;
 * the shell's I18nProvider follows the saved value, so the screen changes language on Save.
 * Locked, with the district's 🔒 note, when policy enforces UiLanguage.
 */
function LanguageForm({ settings, locked }: { settings: SettingsView; locked: boolean }) {
  const t = useT();
  const [language, setLanguage] = useState<UiLanguageSetting>(settings.uiLanguage);
  const { save, message } = useSave();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void save({ uiLanguage: language }, 'settings.saved');
  };
  return (
    <form className="card" onSubmit={submit} aria-labelledby="language-heading">
      <h2 id="language-heading">{t('settings.language.heading')}</h2>
      {locked && <p className="muted">{t('settings.language.locked')}</p>}
      <div className="field">
        <label htmlFor="ui-language">{t('settings.language.label')}</label>
        <select
          id="ui-language"
          disabled={locked}
          value={language}
          onChange={(e) => setLanguage(uiLanguageSettingSchema.catch(settings.uiLanguage).parse(e.target.value))}
          aria-describedby="ui-language-hint"
        >
          <option value="system">{t('settings.language.system')}</option>
          {UI_LANGUAGES.map((code) => (
            <option key={code} value={code} lang={code}>
              {UI_LANGUAGE_NAMES[code]}
            </option>
          ))}
        </select>
        <small id="ui-language-hint" className="muted">
          {t('settings.language.hint')}
        </small>
      </div>
      <button type="submit" disabled={locked}>
        {t('settings.save')}
      </button>
      <Message message={message} />
    </form>
  );
}

/** What each ticketing system asks for, in the words its administrators use. */
const SYSTEMS: Readonly<Record<Exclude<ConnectorSettings['kind'], 'none'>, { name: MessageKey; address: MessageKey; placeholder: string; token: MessageKey }>> = {
  'request-tracker': {
    name: 'settings.connector.requestTracker.name',
    address: 'settings.connector.requestTracker.address',
    placeholder: 'https://rt.district.org',
    token: 'settings.connector.requestTracker.token',
  },
  webhook: {
    name: 'settings.connector.webhook.name',
    address: 'settings.connector.webhook.address',
    placeholder: 'https://hooks.district.org/deskbook',
    token: 'settings.connector.webhook.token',
  },
  'incident-iq': {
    name: 'settings.connector.incidentIq.name',
    address: 'settings.connector.incidentIq.address',
    placeholder: 'https://district.incidentiq.com',
    token: 'settings.connector.apiToken',
  },
  zendesk: {
    name: 'settings.connector.zendesk.name',
    address: 'settings.connector.zendesk.address',
    placeholder: 'https://district.zendesk.com',
    token: 'settings.connector.apiToken',
  },
  servicenow: {
    name: 'settings.connector.servicenow.name',
    address: 'settings.connector.servicenow.address',
    placeholder: 'https://district.service-now.com',
    token: 'settings.connector.servicenow.token',
  },
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

const CONNECTOR_POLICY_KEYS: readonly PolicyField[] = ['connectorKind', 'connectorUrl', 'connectorQueue', 'connectorSiteId', 'connectorRequestIdField', 'connectorIssueId', 'connectorAccount', 'connectorAuth'];

function ConnectorForm({ settings, policy }: { settings: SettingsView; policy: PolicyReport | null }) {
  const t = useT();
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
    if (!(await save({ connector: connectorFrom(kind, fields) }, 'settings.saved'))) return;
    if (token) {
      const result = await deskbook().settings.setToken({ token });
      if (!result.ok) {
        setMessage({ ok: false, text: t('settings.connector.token.error', { message: result.error.message }) });
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
  const tokenLabel = kind === 'servicenow' && fields.auth === 'oauth' ? t('settings.connector.oauthToken') : system ? t(system.token) : '';
  const text = (id: string, label: MessageKey, name: keyof ConnectorFields, hint?: MessageKey) => (
    <div className="field">
      <label htmlFor={id}>{t(label)}</label>
      <input id={id} disabled={locked} value={fields[name]} onChange={set(name)} aria-describedby={hint ? `${id}-hint` : undefined} />
      {hint && (
        <small id={`${id}-hint`} className="muted">
          {t(hint)}
        </small>
      )}
    </div>
  );

  return (
    <form className="card" onSubmit={(e) => void submit(e)} aria-labelledby="connector-heading">
      <h2 id="connector-heading">{t('settings.connector.heading')}</h2>
      {locked && <p className="muted">{t('settings.connector.locked')}</p>}
      <div className="field">
        <label htmlFor="connector-kind">{t('settings.connector.sendTo')}</label>
        <select id="connector-kind" disabled={locked} value={kind} onChange={(e) => setKind(e.target.value as ConnectorSettings['kind'])}>
          <option value="none">{t('settings.connector.nowhere')}</option>
          {Object.entries(SYSTEMS).map(([value, s]) => (
            <option key={value} value={value}>
              {t(s.name)}
            </option>
          ))}
        </select>
      </div>
      {system && (
        <>
          <div className="field">
            <label htmlFor="connector-url">{t(system.address)}</label>
            <input id="connector-url" type="url" disabled={locked} value={fields.url} onChange={set('url')} placeholder={system.placeholder} />
          </div>
          {kind === 'request-tracker' && text('connector-queue', 'settings.connector.queue', 'queue')}
          {kind === 'incident-iq' && (
            <>
              {text('connector-site-id', 'settings.connector.siteId', 'siteId', 'settings.connector.siteId.hint')}
              {text('connector-request-id-field', 'settings.connector.requestIdField', 'requestIdField', 'settings.connector.requestIdField.hint')}
              {text('connector-issue-id', 'settings.connector.issueId', 'issueId', 'settings.connector.issueId.hint')}
            </>
          )}
          {kind === 'zendesk' && (
            <>
              {text('connector-email', 'settings.connector.email', 'email', 'settings.connector.email.hint')}
              {text('connector-group', 'settings.connector.zendeskGroup', 'group', 'settings.connector.zendeskGroup.hint')}
            </>
          )}
          {kind === 'servicenow' && (
            <>
              <div className="field">
                <label htmlFor="connector-auth">{t('settings.connector.auth')}</label>
                <select id="connector-auth" disabled={locked} value={fields.auth} onChange={set('auth')}>
                  <option value="basic">{t('settings.connector.auth.basic')}</option>
                  <option value="oauth">{t('settings.connector.auth.oauth')}</option>
                </select>
              </div>
              {fields.auth === 'basic' && text('connector-username', 'settings.connector.username', 'username')}
              {text('connector-group', 'settings.connector.servicenowGroup', 'group', 'settings.connector.servicenowGroup.hint')}
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
              placeholder={
                settings.token.stored
                  ? t('settings.connector.token.stored', { preview: settings.token.preview ?? '••••' })
                  : t('settings.connector.token.notSet')
              }
            />
            <small className="muted">{t('settings.connector.token.hint')}</small>
          </div>
        </>
      )}
      <div className="row">
        <button type="submit" className="primary">
          {t('settings.save')}
        </button>
        <button type="button" onClick={() => void test()} disabled={initial.kind === 'none'}>
          {t('settings.connector.test')}
        </button>
      </div>
      <Message message={message} />
      {report && (
        <p role={report.ok ? 'status' : 'alert'} className={report.ok ? 'ok-text' : 'error-text'} data-testid="connection-report">
          {report.ok ? '✓ ' : '✗ '}
          {report.message}
          {report.warnings.length > 0 && ` ${t('settings.connector.report.warnings', { count: report.warnings.length })}`}
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
  const t = useT();
  if (warnings.length === 0) return null;
  return (
    <section className="conflict" aria-labelledby="connection-warnings-heading" data-testid="connection-warnings">
      <h3 id="connection-warnings-heading">{t('settings.connector.warnings.heading', { count: warnings.length })}</h3>
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
