// Types of bench/autofill-eval.mjs for the E2E spec that reuses it (tests/e2e/autofill-corpus.spec.ts).
export interface EvalOutcome {
  file: string;
  set: 'tuning' | 'holdout';
  kind: 'positive' | 'negative' | 'sms' | 'email';
  ok: boolean;
  why: string;
  wrongWrite: boolean;
  answer: unknown;
}
export interface EvalSummary {
  pages: number;
  recall: number;
  positives: string;
  precision: number;
  wrongWrites: number;
  untouched: string;
  smsCallRefused: string;
  emailRefused: string;
}
export const FIXTURES_DIR: string;
export const INDEX: { fixtures: Array<{ file: string; holdout?: boolean; expect: { field: unknown } }> };
export function openEval(options: { port: number; extensionDir?: string }): Promise<{
  run(fixture: unknown): Promise<EvalOutcome>;
  close(): Promise<void>;
}>;
export function summarise(results: EvalOutcome[]): EvalSummary;
