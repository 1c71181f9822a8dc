import { describe, expect, it } from 'vitest';
import { HlcClock, compareHlc, decodeHlc, encodeHlc } from '../../../lib/record/hlc';

describe('hybrid logical clock', () => {
  it('round-trips and orders as strings', () => {
    const s = encodeHlc({ wall: 1700000000000, counter: 10, device: 'dev1' });
    expect(decodeHlc(s)).toEqual({ wall: 1700000000000, counter: 10, device: 'dev1' });
    expect(compareHlc(encodeHlc({ wall: 1, counter: 0, device: 'z' }), encodeHlc({ wall: 2, counter: 0, device: 'a' }))).toBeLessThan(0);
  });

  it('never goes backwards when the wall clock does', () => {
    let wall = 1000;
    const c = new HlcClock('a', () => wall);
    const s1 = c.now();
    wall = 500;
    const s2 = c.now();
    expect(compareHlc(s2, s1)).toBeGreaterThan(0);
  });

  it('moves past a remote stamp from the future', () => {
    const c = new HlcClock('a', () => 1000);
    c.observe(encodeHlc({ wall: 5000, counter: 3, device: 'b' }));
    const s = decodeHlc(c.now());
    expect(s.wall).toBe(5000);
    expect(s.counter).toBe(5);
  });

  it('rejects malformed stamps', () => {
    expect(() => decodeHlc('nope')).toThrow();
  });
});
