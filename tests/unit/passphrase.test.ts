import { describe, expect, it } from 'vitest';
import { estimateBits, strengthOf } from '../../lib/passphrase/strength';

describe('passphrase strength hint', () => {
  it('grades by length first', () => {
    expect(strengthOf('short')).toBe('too-short');
    expect(strengthOf('        a')).toBe('too-short');
    expect(strengthOf('password')).toBe('weak');
    expect(strengthOf('correct horse battery')).toBe('fair');
    expect(strengthOf('correct horse battery staple 42!')).toBe('strong');
  });

  it('counts repeats for little', () => {
    expect(estimateBits('aaaaaaaaaaaaaaaa')).toBeLessThan(estimateBits('abcdefghijklmnop') / 2);
  });
});
