import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readContent } from '../../../lib/backup/content';
import { TesseraError } from '../../../lib/messages/errors';

const account = {
  id: 'acc1', hlc: '1764000000000-0000-dev',
  data: { type: 'totp', secret: 'JBSWY3DPEHPK3PXP', issuer: 'Example', label: 'alice', algorithm: 'SHA1', digits: 6, period: 30, counter: 0, extra: [['image', 'x']], window: 1, sites: ['https://www.Example.com/login'], createdAt: 1 },
};

describe('backup content reader (lib/backup/content.ts)', () => {
  it('reads a good account, normalising its sites and keeping its extras', () => {
    const r = readContent({ app: 'tessera', createdAt: 5, accounts: [account], tokens: [{ id: 't1', accountId: 'acc1', value: 'abc-123', addedAt: 2, usedAt: 3 }] });
    expect(r.errors).toEqual([]);
    expect(r.accounts[0]).toMatchObject({ line: 1, id: 'acc1', data: { sites: ['example.com'], extra: [['image', 'x']] } });
    expect(r.tokens).toEqual([{ id: 't1', accountId: 'acc1', value: 'abc-123', addedAt: 2, usedAt: 3 }]);
  });

  it('leaves out a repeated id, and tokens of accounts it does not have', () => {
    const r = readContent({ app: 'tessera', accounts: [account, account], tokens: [{ id: 't9', accountId: 'nobody', value: 'v', addedAt: 1, usedAt: null }] });
    expect(r.accounts).toHaveLength(1);
    expect(r.errors).toMatchObject([{ line: 2, code: 'bad-input' }]);
    expect(r.tokens).toEqual([]);
  });

  it('never throws anything but a typed bad-file, whatever the decrypted JSON holds', () => {
    const mutatedAccount = fc.record({
      id: fc.oneof(fc.constant('acc1'), fc.string()),
      hlc: fc.oneof(fc.constant(account.hlc), fc.anything()),
      data: fc.oneof(
        fc.anything(),
        fc.record({ ...Object.fromEntries(Object.entries(account.data).map(([k, v]) => [k, fc.oneof(fc.constant(v), fc.anything())])) }),
      ),
    });
    fc.assert(
      fc.property(fc.oneof(fc.anything(), fc.record({ app: fc.constant('tessera'), accounts: fc.array(fc.oneof(mutatedAccount, fc.anything()), { maxLength: 4 }), tokens: fc.array(fc.anything(), { maxLength: 4 }) })), (content) => {
        try {
          const r = readContent(content);
          for (const e of r.errors) expect(typeof e.message).toBe('string');
        } catch (e) {
          expect(e).toBeInstanceOf(TesseraError);
          expect((e as TesseraError).code).toBe('bad-file');
        }
      }),
      { numRuns: 500 },
    );
  });
});
