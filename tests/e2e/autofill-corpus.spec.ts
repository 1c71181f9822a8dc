// Issue 13, end to end: every page of the autofill corpus (tests/site/autofill/index.json) through
// `autofill.fill` on the built extension in headless Chromium, judged from outside by
// bench/autofill-eval.mjs (the same code prints the corpus figures): every positive page filled in
// the right field(s) with the page's own aggregate accepting the code, no other input written,
// every page without a code field untouched, SMS/call pages answering not-app-code (and filled
// when the account is named), e-mail pages answering no-email-code, and a frame of another site
// refused until its site is bound. Holdout pages run only with TESSERA_HOLDOUT=1 (the final
// evaluation, docs/autofill.md "Corpus").
import { test, expect } from '@playwright/test';
import { INDEX, openEval, summarise, type EvalOutcome as Outcome } from '../../bench/autofill-eval.mjs';
import { SITE_PORT } from '../../playwright.config';


const WITH_HOLDOUT = process.env.TESSERA_HOLDOUT === '1';
const fixtures = INDEX.fixtures.filter((f) => WITH_HOLDOUT || !f.holdout);

test.describe.configure({ mode: 'serial' });

test.describe('autofill corpus through the built extension', () => {
  let ev: Awaited<ReturnType<typeof openEval>>;
  const outcomes: Outcome[] = [];

  test.beforeAll(async () => {
    ev = await openEval({ port: SITE_PORT });
  });
  test.afterAll(async () => {
    await ev?.close();
  });

  for (const fixture of fixtures) {
    test(`${fixture.holdout ? 'holdout' : 'tuning'}: ${fixture.file}`, async () => {
      const r = await ev.run(fixture);
      outcomes.push(r);
      expect(r.wrongWrite, `${fixture.file}: wrote into a field that is not the code field`).toBe(false);
      expect(r.ok, `${fixture.file}: ${r.why}`).toBe(true);
    });
  }

  test('the goal figures hold on the pages run', () => {
    test.skip(outcomes.length !== fixtures.length, 'a page failed above');
    const s = summarise(outcomes);
    expect(s.recall).toBeGreaterThanOrEqual(0.97);
    expect(s.precision).toBe(1);
    expect(s.wrongWrites).toBe(0);
  });
});
