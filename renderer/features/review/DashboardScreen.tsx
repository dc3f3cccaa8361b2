import { useLiveQuery } from 'dexie-react-hooks';
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { db } from '../../db/db';
import { dashboardFigures } from './dashboard';
import type { Count } from './dashboard';

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

/**
 * Where escalations come from and whether they meet their SLA, from the review cache, and where
 * this machine's SOP runs end — counts only, never student data.
 */
export function DashboardScreen() {
  const figures = useLiveQuery(async () => dashboardFigures(await db().reviews.toArray(), await db().runs.where('status').equals('finished').toArray()), []);
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
    </div>
  );
}
