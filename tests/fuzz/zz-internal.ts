import { emptyStats, runCalls, sampleCalls, startFuzzRig } from './ipc-fuzz';
const rig = await startFuzzRig(1);
const stats = emptyStats();
await runCalls(rig, sampleCalls(rig, 4000, 1), stats);
for (const m of Object.values(rig.mains)) for (const e of m.logs) if (e.level === 'error') console.log(JSON.stringify(e).slice(0, 400));
console.log(stats.byCode);
await rig.dispose();
