// Small text helpers shared by the token components: English plural pairs and the sentence
// for each refusal reason of tokens.add (shared/automation-api.md).
import { t } from '../../lib/i18n/i18n';
import { MAX_TOKEN_LENGTH } from '../../lib/tokens/parse';
import { MAX_TOKENS_PER_ENTRY } from '../../lib/tokens/plan';

/** `<base>.one` for 1, else `<base>.other`, with the count as {0}. */
export function plural(base: string, n: number): string {
  return t(`${base}.${n === 1 ? 'one' : 'other'}`, n);
}

/** "Value 3: duplicate: …" for one refused position. */
export function rejectionText(position: number, reason: string): string {
  const arg = reason === 'limit' ? MAX_TOKENS_PER_ENTRY : reason === 'too-long' ? MAX_TOKEN_LENGTH : '';
  const key = `tokens.reason.${reason}`;
  const sentence = t(key, arg);
  return t('tokens.reason.item', position, sentence === key ? reason : sentence);
}

/** A time of use in the UI language (date and time, local zone). */
export function usedTime(epochMs: number, lang: string): string {
  return new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(epochMs));
}
