// How an emergency token is shown without being revealed (issue 5, "List"; automation-api.md,
// "Tokens:"): at most the last 4 characters, and none of a value of 8 characters or fewer.
// The hidden part is always 8 bullets, so the mask does not tell the value's length either.
// Characters are Unicode code points, as in MAX_TOKEN_LENGTH (lib/tokens/parse.ts).
import { t } from '../i18n/i18n';

export const MASK_BULLET = '•';
/** Bullets standing for the hidden part, whatever its length. */
export const MASK_WIDTH = 8;
/** Characters shown at the end of a value longer than MASK_WIDTH. */
export const SHOWN_TAIL = 4;

const HIDDEN = MASK_BULLET.repeat(MASK_WIDTH);

/** The shown tail of a value: its last 4 characters, or nothing for 8 characters or fewer. */
function tail(value: string): string[] {
  const chars = Array.from(value);
  return chars.length > MASK_WIDTH ? chars.slice(-SHOWN_TAIL) : [];
}

/** "••••••••" for a value of 8 characters or fewer, else "••••••••" + its last 4 characters. */
export function maskToken(value: string): string {
  return HIDDEN + tail(value).join('');
}

/**
 * A sentence for screen readers: "Token ending in 7 K 2 Q" (characters spaced so they are
 * spelled out), or "Hidden token". Never the full value. Works on a value or on its mask alike
 * (maskedLabel(maskToken(v)) === maskedLabel(v)), so pages, which only receive masks, use it too.
 */
export function maskedLabel(value: string): string {
  const shown = tail(value);
  if (shown.length === 0) return t('tokens.label.hidden');
  return t('tokens.label.endingIn', shown.map((c) => (c.trim() === '' ? t('tokens.label.space') : c)).join(' '));
}
