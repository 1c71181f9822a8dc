// Times the KDF candidates where they will really run (an extension page or the service
// worker), for docs/benchmarks.md; bench/kdf.mjs does the same in Node. Medians, never asserted.
import { argon2idRaw, type KdfEngine } from './kdf';
import { DEFAULT_KDF, OWASP_MINIMUM, type KdfParams } from './kdf-params';
import { randomBytes } from './random';

export type KdfCost = Pick<KdfParams, 'memoryKiB' | 'iterations' | 'parallelism'>;

export interface KdfBenchRow extends KdfCost {
  engine: KdfEngine;
  medianMs: number;
}

export interface KdfBenchOptions {
  settings?: KdfCost[];
  engines?: KdfEngine[];
  /** Timed runs per row, after one warm-up run (default 5). */
  runs?: number;
}

export const BENCH_SETTINGS: KdfCost[] = [
  OWASP_MINIMUM,
  { memoryKiB: 46 * 1024, iterations: 1, parallelism: 1 },
  { memoryKiB: 64 * 1024, iterations: 3, parallelism: 1 },
  DEFAULT_KDF,
];

export async function benchKdf(options: KdfBenchOptions = {}): Promise<KdfBenchRow[]> {
  const { settings = BENCH_SETTINGS, engines = ['hash-wasm', 'noble'], runs = 5 } = options;
  const password = randomBytes(24);
  const salt = randomBytes(16);
  const rows: KdfBenchRow[] = [];
  for (const s of settings) {
    for (const engine of engines) {
      const run = () => argon2idRaw(engine, password, salt, s);
      await run();
      const times: number[] = [];
      for (let i = 0; i < runs; i++) {
        const start = performance.now();
        await run();
        times.push(performance.now() - start);
      }
      rows.push({ engine, memoryKiB: s.memoryKiB, iterations: s.iterations, parallelism: s.parallelism, medianMs: median(times) });
    }
  }
  return rows;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}
