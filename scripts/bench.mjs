// `npm run bench`: runs every benchmark in bench/ one after another and prints their medians.
// Results and the machine they ran on are recorded in docs/benchmarks.md.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';

console.log(`Machine: ${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}\n`);
const only = process.argv[2];
let failed = 0;
for (const file of readdirSync('bench').filter((f) => f.endsWith('.mjs')).sort()) {
  if (only && !file.includes(only)) continue;
  console.log(`=== bench/${file}`);
  const status = spawnSync('node', [`bench/${file}`], { stdio: 'inherit' }).status;
  if (status !== 0) failed++;
  console.log();
}
process.exit(failed ? 1 : 0);
