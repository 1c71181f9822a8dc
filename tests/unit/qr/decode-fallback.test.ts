// When WebAssembly cannot load (a CSP without 'wasm-unsafe-eval', a missing wasm file),
// decodeImageData falls back to jsQR instead of failing.
import { describe, expect, it, vi } from 'vitest';
import * as S from '../../fixtures/qr/synth';

vi.mock('../../../lib/qr/zxing-reader', () => ({
  zxingReady: () => Promise.reject(new Error('CompileError: WebAssembly.compile(): Refused by CSP')),
  readWithZxing: () => Promise.reject(new Error('unreachable')),
}));

const { decodeImageData } = await import('../../../lib/qr/decode');

describe('decodeImageData without WebAssembly', () => {
  it('reads with jsQR', async () => {
    expect(await decodeImageData(S.codeImage(S.TOTP_URI, 4))).toEqual([S.TOTP_URI]);
  });

  it('fails clearly when no engine is allowed to load', async () => {
    await expect(decodeImageData(S.codeImage(S.TOTP_URI, 4), { engines: ['zxing'] })).rejects.toThrow(/No QR decoder/);
  });
});
