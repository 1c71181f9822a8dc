// The contract (lib/api/contract.ts) against the background: the handler table holds every
// stable message and nothing unclassified, real answers fit the contract's shapes, and the
// docs' stable table names the same messages. Fails when one side changes without the other.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CONTRACT, ERROR_CODES, MESSAGE_TYPES, PAGE_MESSAGES, validate, validateAnswer, type AnswerFields, type ContractErrorCode, type MessageType } from '../../../lib/api/contract';
import { coreHandlers } from '../../../lib/api/handlers';
import type { TabsPort } from '../../../lib/api/autofill';
import type { ErrorCode } from '../../../lib/messages/errors';
import type { Code } from '../../../lib/otp/codes';
import { makeApi } from './context';

// Compile-time checks (tsc --noEmit runs over tests/): every code the contract names is one the
// extension's TesseraError knows, and codes.get's answer type is the one lib/otp/codes.ts computes.
type Assert<T extends true> = T;
export type CodesKnown = Assert<ContractErrorCode extends ErrorCode ? true : false>;
export type CodeAnswerMatches = Assert<Code extends AnswerFields<'codes.get'> ? (AnswerFields<'codes.get'> extends Code ? true : false) : false>;

/**
 * Stable messages whose handlers other issues are adding while this table was written
 * (12b: importFile, export, backup.export; the clock work: clock.status). The test below fails
 * as soon as one of them has a handler, so the list shrinks to empty as they are merged.
 */
const NOT_YET_HANDLED: readonly string[] = [];

describe('the handler table and the contract', () => {
  const handled = Object.keys(coreHandlers);

  it('has a handler for every stable message (except those still being built elsewhere)', () => {
    const missing = MESSAGE_TYPES.filter((t) => !handled.includes(t));
    expect(missing.filter((t) => !NOT_YET_HANDLED.includes(t))).toEqual([]);
    // The waiting list names only stable messages: a typo there would hide a gap.
    expect(NOT_YET_HANDLED.filter((t) => !(MESSAGE_TYPES as string[]).includes(t))).toEqual([]);
    // …and only messages still without a handler: once one lands, take it off the list (and check
    // its answers below), so the list can only shrink.
    expect(NOT_YET_HANDLED.filter((t) => handled.includes(t)), 'these have handlers now: remove them from NOT_YET_HANDLED').toEqual([]);
  });

  it('classifies every handler: a stable message (typed in the contract) or a page-only one', () => {
    const known = new Set<string>([...MESSAGE_TYPES, ...PAGE_MESSAGES]);
    expect(handled.filter((t) => !known.has(t))).toEqual([]);
    expect(PAGE_MESSAGES.filter((t) => (MESSAGE_TYPES as string[]).includes(t))).toEqual([]);
  });

  it('lists only codes the contract knows, each message its own', () => {
    for (const t of MESSAGE_TYPES) for (const code of CONTRACT[t].errors) expect(ERROR_CODES).toContain(code);
    expect(new Set(ERROR_CODES).size).toBe(ERROR_CODES.length);
  });
});

describe('the docs name the same stable messages', () => {
  it('docs/automation-api.md: every row of the stable table is in the contract', () => {
    const doc = readFileSync('docs/automation-api.md', 'utf8');
    const stable = doc.slice(doc.indexOf('## Messages'), doc.indexOf('## Stable hooks'));
    const rows = [...stable.matchAll(/^\| `([a-zA-Z.]+)` \|/gm)].map((m) => m[1]);
    expect(rows.length).toBeGreaterThan(15);
    expect(rows.filter((t) => !(MESSAGE_TYPES as string[]).includes(t!))).toEqual([]);
  });
});

describe('validate', () => {
  it('reports what departs from a shape, and allows fields it does not know', () => {
    const list = CONTRACT['accounts.list'].answer;
    expect(validate(list, { accounts: [] })).toEqual([]);
    const good = { id: 'a', type: 'totp', issuer: 'I', label: 'L', algorithm: 'SHA1', digits: 6, period: 30, counter: null, sites: [], tokensRemaining: 0, extra: 1 };
    expect(validate(list, { accounts: [good] })).toEqual([]);
    expect(validate(list, { accounts: [{ ...good, period: '30', type: 'sms' }] })).toEqual([
      '$.accounts[0].type: expected "totp" | "hotp" | "tokens", got "sms"',
      '$.accounts[0].period: expected number, got "30"',
    ]);
    expect(validate(list, { accounts: [{ ...good, sites: undefined }] })).toEqual(['$.accounts[0].sites: missing']);
    expect(validateAnswer('codes.get', { ok: false, error: { code: 'none-left', message: 'x' } })).toEqual(['$.error.code: none-left is not listed for codes.get']);
    expect(validateAnswer('codes.get', { ok: false, error: { code: 'locked', message: 'x' } })).toEqual([]);
    expect(validateAnswer('codes.get', { code: '1' })).toEqual(['$.ok: expected boolean']);
  });
});

describe('real answers fit the contract', () => {
  it('vault, accounts, codes, tokens and autofill answers, ok and not', async () => {
    const { call, ctx } = await makeApi({ unlocked: false });
    const seen = new Set<MessageType>();
    const check = async (message: { type: MessageType } & Record<string, unknown>, ok = true) => {
      const answer = await call(message);
      expect(validateAnswer(message.type, answer), `${message.type}: ${JSON.stringify(answer)}`).toEqual([]);
      expect(answer.ok, `${message.type}: ${JSON.stringify(answer)}`).toBe(ok);
      seen.add(message.type);
      return answer;
    };
    await check({ type: 'vault.status' });
    await check({ type: 'accounts.list' }, false); // no-vault
    await check({ type: 'vault.setup', passphrase: 'short' }, false);
    await check({ type: 'vault.setup', passphrase: 'correct horse battery staple' });
    await check({ type: 'vault.lock' });
    await check({ type: 'vault.unlock', passphrase: 'wrong wrong wrong' }, false);
    await check({ type: 'vault.unlock', passphrase: 'correct horse battery staple' });
    const secret = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';
    const totp = (await check({ type: 'accounts.import', text: `otpauth://totp/A:a?secret=${secret}&issuer=A\nnot a uri`, site: 'https://example.com/login' })).added[0].id;
    const hotp = (await check({ type: 'accounts.import', text: `otpauth://hotp/H:h?secret=${secret}&counter=3` })).added[0].id;
    await check({ type: 'accounts.list' });
    await check({ type: 'accounts.update', id: totp, label: 'b', sites: ['example.com'] });
    await check({ type: 'accounts.update', id: 'missing' }, false);
    await check({ type: 'codes.get', id: totp });
    await check({ type: 'codes.get', id: totp, at: 59_000 });
    await check({ type: 'codes.get', id: hotp, at: 59_000 });
    await check({ type: 'codes.get', id: 'missing' }, false);
    await check({ type: 'clock.status' });
    ctx.services = { ...ctx.services, clock: { estimate: async () => ({ offsetMs: -47_000, samples: 3, checkedAt: 1 }) } };
    expect(await check({ type: 'clock.status' })).toMatchObject({ offsetMs: -47_000, correcting: true });
    await check({ type: 'settings.set', settings: { clockCorrection: false, emailCodes: { enabled: true, mailboxes: ['mail.google.com'] } } });
    const t = await check({ type: 'tokens.add', service: 'VPN', text: '1. aaaa1111\n2. aaaa1111\n3. bbbb2222' });
    await check({ type: 'tokens.list', accountId: t.accountId });
    await check({ type: 'tokens.copy', accountId: t.accountId });
    await check({ type: 'codes.get', id: t.accountId }, false); // wrong-type
    await check({ type: 'tokens.copy', accountId: t.accountId });
    await check({ type: 'tokens.copy', accountId: t.accountId }, false); // none-left
    const port: TabsPort = {
      tabUrl: async (tabId) => (tabId === 1 ? 'https://example.com/2fa' : null),
      frames: async () => [{ frameId: 0, url: 'https://example.com/2fa' }],
      send: async <T,>(_tab: number, _frame: number, m: Record<string, unknown>) =>
        (m.type === 'autofill.detect' ? { found: true, kind: 'single', length: 6, score: 10, frameUrl: 'https://example.com/2fa', top: true } : { filled: true, fields: 1 }) as T,
    };
    ctx.services = { tabs: port };
    await check({ type: 'autofill.fill', tabId: 1 });
    await check({ type: 'autofill.fill', tabId: 2 }, false); // not-found
    await check({ type: 'accounts.import', text: `otpauth://totp/A:c?secret=${secret}&issuer=A`, site: 'example.com' });
    const ambiguous = await check({ type: 'autofill.fill', tabId: 1 }, false);
    expect(ambiguous.error.code).toBe('ambiguous');
    await check({ type: 'accounts.remove', id: hotp });
    await check({ type: 'accounts.remove', id: hotp }, false);
    expect([...seen].sort()).toEqual(['accounts.import', 'accounts.list', 'accounts.remove', 'accounts.update', 'autofill.fill', 'clock.status', 'codes.get', 'settings.set', 'tokens.add', 'tokens.copy', 'tokens.list', 'vault.lock', 'vault.setup', 'vault.status', 'vault.unlock']);
  });
});
