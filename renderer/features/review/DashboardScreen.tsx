import { useLiveQuery } from 'dexie-react-hooks';
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { db } from '../../db/db';
import { useT } from '../../i18n';
import type { Translate } from '../../i18n';
import { dashboardFigures, firstCallResolution } from './dashboard';
import type { Count, SopResolution } from './dashboard';

function Chart({ title, data, testId }: { title: string; data: Count[]; testId: string }) {
  const t = useT();
  return (
    <figure className="card chart" data-testid={testId}>
      <figcaption>
        <h2>{title}</h2>
      </figcaption>
      {data.length === 0 ? (
        <p className="muted">{t('review.dashboard.empty')}</p>
      ) : (
        <div style={{ width: '100%', height: Math.max(160, data.length * 28 + 40) }}>
          <ResponsiveContainer>
            <BarChart data={data} layout="vertical" margin={{ left: 24, right: 16 }}>
              <CartesianGrid strokeDasharray="3 3" horizontal={false} />
              <XAxis type="number" allowDecimals={false} tickFormatter={(value: number) => t.intl.formatNumber(value)} />
              <YAxis type="category" dataKey="label" width={200} />
              <Tooltip />
              <Bar dataKey="count" name={t('review.dashboard.count')} fill="#1f5fbf" isAnimationActive={false} />
            </BarChart>
          </ResponsiveContainer>
        </div>
      )}
      {/* The same figures as text, for screen readers and for copying into a report. */}
      <table className="sr-only">
        <tbody>
          {data.map((d) => (
            <tr key={d.label}>
              <th scope="row">{d.label}</th>
              <td>{t.intl.formatNumber(d.count)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}

const percent = (t: Translate, value: number | null) => (value === null ? '—' : t.intl.formatNumber(value, { style: 'percent', maximumFractionDigits: 0 }));

/** First-call resolution by SOP, from this computer's runs: a table, readable as it is. */
function Resolution({ rows }: { rows: SopResolution[] }) {
  const t = useT();
  const n = (value: number) => t.intl.formatNumber(value);
  return (
    <section className="card" aria-labelledby="fcr-heading" data-testid="fcr-by-sop">
      <h2 id="fcr-heading">{t('review.dashboard.fcr.heading')}</h2>
      {rows.length === 0 ? (
        <p className="muted">{t('review.dashboard.fcr.empty')}</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">{t('review.dashboard.fcr.sop')}</th>
              <th scope="col">{t('review.dashboard.fcr.runs')}</th>
              <th scope="col">{t('review.dashboard.fcr.resolved')}</th>
              <th scope="col">{t('review.dashboard.fcr.referred')}</th>
              <th scope="col">{t('review.dashboard.fcr.escalated')}</th>
              <th scope="col" title={t('review.dashboard.fcr.rate.title')}>
                {t('review.dashboard.fcr.rate')}
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.sopId} data-sop={r.sopId}>
                <th scope="row">{r.title}</th>
                <td>{n(r.runs)}</td>
                <td>{n(r.resolved)}</td>
                <td>{n(r.referred)}</td>
                <td>{n(r.escalated)}</td>
                <td data-testid="fcr">{percent(t, r.fcr)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

/**
 * Where escalations come from and whether they meet their SLA, from the review cache, and where
 * this machine's SOP runs end — counts only, never student data.
 */
export function DashboardScreen() {
  const t = useT();
  const noSop = t('review.dashboard.noSop');
  const noSchool = t('review.dashboard.noSchool');
  const figures = useLiveQuery(async () => {
    const [reviews, runs] = await Promise.all([db().reviews.toArray(), db().runs.toArray()]);
    return {
      ...dashboardFigures(
        reviews,
        runs.filter((r) => r.status === 'finished'),
        { noSop, noSchool },
      ),
      resolution: firstCallResolution(runs),
    };
  }, [noSop, noSchool]);
  if (!figures) return <p aria-busy="true">{t('review.dashboard.loading')}</p>;
  return (
    <div className="dashboard">
      <h1>{t('review.dashboard.heading')}</h1>
      <p className="stat" data-testid="sla-attainment">
        {t.rich('review.dashboard.attainment', {
          value: percent(t, figures.attainment),
          strong: (chunks) => <strong>{chunks}</strong>,
        })}{' '}
        <span className="muted">{t('review.dashboard.attainment.detail', { onTime: figures.decidedOnTime, decided: figures.decided })}</span>
      </p>
      <Chart title={t('review.dashboard.chart.sop')} data={figures.bySop} testId="chart-sop" />
      <Chart title={t('review.dashboard.chart.school')} data={figures.bySchool} testId="chart-school" />
      <Chart title={t('review.dashboard.chart.exits')} data={figures.exits} testId="chart-exits" />
      <Resolution rows={figures.resolution} />
    </div>
  );
}
