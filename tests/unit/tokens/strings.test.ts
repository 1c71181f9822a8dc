// The tokens dictionary (lib/i18n/strings/tokens.ts): English and Japanese have the same keys,
// all under `tokens.`, with the same placeholders; every reason of tokens.add has a sentence.
import { describe, expect, it } from 'vitest';
import tokens from '../../../lib/i18n/strings/tokens';

const placeholders = (s: string) => [...s.matchAll(/\{\d+\}/g)].map((m) => m[0]).sort();

describe('tokens strings', () => {
  it('has the same keys in English and Japanese, all prefixed tokens.', () => {
    expect(Object.keys(tokens.ja).sort()).toEqual(Object.keys(tokens.en).sort());
    for (const k of Object.keys(tokens.en)) expect(k.startsWith('tokens.')).toBe(true);
  });

  it('uses the same placeholders in both languages', () => {
    for (const [k, en] of Object.entries(tokens.en)) expect(placeholders(tokens.ja[k]!), k).toEqual(placeholders(en));
  });

  it('has a sentence for every refusal reason', () => {
    for (const r of ['duplicate', 'limit', 'empty', 'too-long', 'bad-character']) expect(tokens.en[`tokens.reason.${r}`]).toBeTruthy();
  });
});
