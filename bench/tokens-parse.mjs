// The emergency-token paste parser and planner (lib/tokens) on ordinary and hostile pastes:
// 50 numbered tokens, a paste at MAX_PASTE_LENGTH (100,000 characters) of short values, and
// 100,000 characters built to make a naive quote scanner quadratic ('"a ' repeated on one line).
// Prints medians; nothing is asserted.
//
//   node bench/tokens-parse.mjs [runs]     (default 21 runs per row, after one warm-up)
import os from 'node:os';
import { parseTokenPaste } from '../lib/tokens/parse.ts';
import { planTokenAdd } from '../lib/tokens/plan.ts';

const runs = Math.max(1, Number(process.argv[2] ?? 21));
const cases = [
  ['50 numbered tokens', Array.from({ length: 50 }, (_, i) => `${i + 1}. tok-${i}-ab12cd34`).join('\n')],
  ['100,000 chars of short values', 'ab12 '.repeat(20_000)],
  ['100,000 chars, unclosed quotes on one line', '"a '.repeat(33_333)],
  ['100,000 chars, one quoted value per line', '「ab12」\n'.repeat(14_285)],
];

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
console.log(`node ${process.version}, ${os.cpus()[0]?.model ?? 'cpu'}; ${runs} runs`);
for (const [name, text] of cases) {
  planTokenAdd([], parseTokenPaste(text));
  const times = [];
  let count = 0;
  for (let r = 0; r < runs; r++) {
    const t0 = performance.now();
    const parsed = parseTokenPaste(text);
    planTokenAdd([], parsed);
    times.push(performance.now() - t0);
    count = parsed.length;
  }
  console.log(`${name.padEnd(46)} ${median(times).toFixed(2).padStart(8)} ms  (${count} values)`);
}
