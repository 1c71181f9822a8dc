// TesseraError is recognised by brand (lib/messages/errors.ts): Chrome's worker runs the deferred
// parts (lib/deferred/parts.ts) from a script of their own, with their own copy of this module, and
// an error thrown by that copy must still be answered with its code, never as `internal`.
import { describe, expect, it, vi } from 'vitest';
import { TesseraError, toErrorInfo } from '../../../lib/messages/errors';

describe('TesseraError across module copies', () => {
  it('an error from a second copy of the module is a TesseraError here, with its code and message', async () => {
    vi.resetModules();
    const copy = await import('../../../lib/messages/errors');
    expect(copy.TesseraError).not.toBe(TesseraError);
    const fromCopy = new copy.TesseraError('needs-password', 'this file is encrypted');
    expect(fromCopy instanceof TesseraError).toBe(true);
    expect(toErrorInfo(fromCopy)).toEqual({ code: 'needs-password', message: 'this file is encrypted' });
    // And the other way round.
    expect(copy.toErrorInfo(new TesseraError('unreachable', 'no answer'))).toEqual({ code: 'unreachable', message: 'no answer' });
  });

  it('other errors are not TesseraErrors, even with a code, and answer `internal` without their text', () => {
    const plain = Object.assign(new Error('secret JSON.parse text'), { code: 'bad-file' });
    expect(plain instanceof TesseraError).toBe(false);
    expect(toErrorInfo(plain)).toMatchObject({ code: 'internal' });
    expect(toErrorInfo(plain).message).not.toContain('secret');
    for (const v of [null, undefined, 'bad-file', 42, { code: 'bad-file' }]) expect(v instanceof TesseraError).toBe(false);
  });
});
