/**
 * npm run bench — prints figures; asserts nothing. Each section measures one
 * stage on this machine; compare runs on the same machine only.
 */
import { cpus } from 'node:os';
import { benchIngest } from '../bench/ingest.ts';

const fixed = (value: number, digits = 1): string => value.toFixed(digits);

console.log(`Plan Atlas benchmark — node ${process.version}, ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}`);

const ingest = benchIngest('content/sources');
console.log('\n## Ingest (one core, bundled plans repeated)');
console.log(`one-time loads   genre tables ${fixed(ingest.genreLoadMs)} ms, GB/T 2260 divisions ${fixed(ingest.divisionLoadMs)} ms`);
console.log(`corpus           ${ingest.plans} plans, ${fixed(ingest.megabytes, 2)} MB`);
console.log(`time             ${fixed(ingest.seconds, 3)} s`);
console.log(`throughput       ${fixed(ingest.plansPerSecond)} plans/s, ${fixed(ingest.megabytesPerSecond, 2)} MB/s (aim: ≥ 100 plans/s)`);
