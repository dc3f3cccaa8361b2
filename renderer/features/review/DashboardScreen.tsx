import { useLiveQuery } from 'dexie-react-hooks';
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { db } from '../../db/db';
import { dashboardFigures, firstCallResolution } from './dashboard';
import type { Count, SopResolution } from './dashboard';

function Chart({ title, data, testId }: { title: string; data: Count[]; testId: string }) {
  return (
    <figure className="card chart" data-testid={testId}>
      <figcaption>
        <h2>{title}</h2>
      </figcaption>
      {data.length === 0 ? (
        <p className="muted">Nothing yet.</p>
      ) : (
        <div style={{ width: '100%', height: Math.max(160, data.length * 28 + 40) }}>
          <ResponsiveContainer>
            <BarChart data={data} layout="vertical" margin={{ left: 24, right: 16 }}>
              <CartesianGrid strokeDasharray="3 3" horizontal={false} />
              <XAxis type="number" allowDecimals={false} />
              <YAxis type="category" dataKey="label" width={200} />
              <Tooltip />
              <Bar dataKey="count" fill="#1f5fbf" isAnimationActive={false} />
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
              <td>{d.count}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}

const percent = (value: number | null) => (value === null ? '—' : `${Math.round(value * 100)}%`);

/** First-call resolution by SOP, from this computer's runs: a table, readable as it is. */
function Resolution({ rows }: { rows: SopResolution[] }) {
  return (
    <section className="card" aria-labelledby="fcr-heading" data-testid="fcr-by-sop">
      <h2 id="fcr-heading">First-call resolution by SOP (this computer)</h2>
      {rows.length === 0 ? (
        <p className="muted">No calls run yet.</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">SOP</th>
              <th scope="col">Calls run</th>
              <th scope="col">Resolved on the call</th>
              <th scope="col">Referred</th>
              <th scope="col">Escalated</th>
              <th scope="col" title="Resolved on the call, of every finished call">
                First-call resolution
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.sopId} data-sop={r.sopId}>
                <th scope="row">{r.title}</th>
                <td>{r.runs}</td>
                <td>{r.resolved}</td>
                <td>{r.referred}</td>
                <td>{r.escalated}</td>
                <td data-testid="fcr">{percent(r.fcr)}</td>
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
  const figures = useLiveQuery(async () => {
    const [reviews, runs] = await Promise.all([db().reviews.toArray(), db().runs.toArray()]);
    return { ...dashboardFigures(reviews, runs.filter((r) => r.status === 'finished')), resolution: firstCallResolution(runs) };
  }, []);
  if (!figures) return <p aria-busy="true">Counting…</p>;
  return (
    <div className="dashboard">
      <h1>Dashboard</h1>
      <p className="stat" data-testid="sla-attainment">
        SLA attainment: <strong>{figures.attainment === null ? '—' : `${Math.round(figures.attainment * 100)}%`}</strong>{' '}
        <span className="muted">
          ({figures.decidedOnTime} of {figures.decided} decided escalations were decided before their district due time)
        </span>
      </p>
      <Chart title="Escalations by SOP" data={figures.bySop} testId="chart-sop" />
      <Chart title="Escalations by school" data={figures.bySchool} testId="chart-school" />
      <Chart title="Where SOP runs end (this computer)" data={figures.exits} testId="chart-exits" />
      <Resolution rows={figures.resolution} />
    </div>
  );
}
