// Scoring from plain facts (no DOM): what pushes a field over the threshold and what keeps it out.
import { describe, expect, it } from 'vitest';
import { normalise } from '../../../lib/autofill/keywords';
import { expectedLength, patternDigits, scoreField, scoreGroup, textScore, THRESHOLD, type FieldFacts } from '../../../lib/autofill/score';

const facts = (over: Partial<FieldFacts> = {}): FieldFacts => ({
  ids: '', cls: '', desc: '', ctx: '', type: 'text', autocomplete: '', inputmode: '', maxLength: null, pattern: '',
  tabIndex: null, card: false, search: false, ...over,
});
const passes = (over: Partial<FieldFacts>) => scoreField(facts(over)).score >= THRESHOLD;
// Facts hold normalised text (facts.ts: lower case, "-" and "_" as spaces), as written below.

describe('normalise', () => {
  it('splits camelCase and snake_case identifiers into words', () => {
    expect(normalise('totpPin')).toBe('totp pin');
    expect(normalise('app_otp')).toBe('app otp');
    expect(normalise('idTxtBx_SAOTCC_OTC')).toBe('id txt bx saotcc otc');
    expect(normalise('credentials.passcode')).toBe('credentials passcode');
    expect(normalise('pin[0]')).toBe('pin 0 ');
  });
});

describe('positive signals', () => {
  it('autocomplete="one-time-code" alone is enough', () => {
    expect(passes({ autocomplete: 'one-time-code' })).toBe(true);
  });

  it('a strong name alone is enough: otp, totp, mfa, 2fa, passcode, otc', () => {
    for (const ids of ['otp', 'app totp', 'totp pin', 'mfa code', '2fa code', 'credentials passcode', 'otc id txt bx saotcc otc', 'one time code', 'verification code']) {
      expect(passes({ ids }), ids).toBe(true);
    }
  });

  it('Japanese, German, French, Spanish, Chinese and Korean labels', () => {
    for (const desc of ['認証コード', 'ワンタイムパスワード', '確認コード', 'ワンタイムコード', '2段階認証', 'bestätigungscode', 'code de vérification', 'código de verificación', '短信验证码', '인증번호']) {
      expect(passes({ desc }), desc).toBe(true);
    }
  });

  it('"code" is weak: it needs numeric hints to pass', () => {
    expect(passes({ desc: 'code' })).toBe(false);
    expect(passes({ desc: 'code', inputmode: 'numeric', maxLength: 6 })).toBe(true);
  });

  it('length hints: 6–8 digits help, 1–3 hurt', () => {
    const base = { desc: 'code', inputmode: 'numeric' };
    expect(scoreField(facts({ ...base, maxLength: 6 })).score).toBeGreaterThan(scoreField(facts(base)).score);
    expect(scoreField(facts({ ...base, maxLength: 3 })).score).toBeLessThan(scoreField(facts(base)).score);
    expect(scoreField(facts({ ...base, pattern: '\\d{6}' })).score).toBeGreaterThan(scoreField(facts(base)).score);
  });

  it('words around the field count, less than its own', () => {
    expect(passes({ ctx: 'enter your verification code', desc: 'enter code' })).toBe(true);
    expect(textScore('verification code', 0.75, false, false)).toBeLessThan(textScore('verification code', 1, false, true));
  });
});

describe('negative signals', () => {
  it('autocomplete tokens of other data win over code words', () => {
    for (const autocomplete of ['tel', 'tel-national', 'postal-code', 'cc-number', 'cc-csc', 'username', 'email', 'current-password', 'new-password', 'transaction-amount']) {
      expect(passes({ autocomplete, ids: 'code', inputmode: 'numeric', maxLength: 6 }), autocomplete).toBe(false);
    }
  });

  it('phone, postal code, amount, quantity, date, search and user names', () => {
    const hint = { inputmode: 'numeric', maxLength: 6 };
    for (const desc of ['mobile phone number', '電話番号', 'téléphone', '郵便番号', 'zip code', 'code postal', 'amount', '振込金額', 'qty', '数量', 'search', 'キーワード検索', 'username', 'email address', 'password', 'パスワード']) {
      expect(passes({ desc, ...hint }), desc).toBe(false);
    }
  });

  it('strong code words outweigh ordinary negatives in the same text', () => {
    expect(passes({ desc: 'phone verification code' })).toBe(true);
    expect(passes({ desc: 'ワンタイムパスワード' })).toBe(true); // contains パスワード
    expect(passes({ ids: 'user otp' })).toBe(true);
  });

  it('dominant negatives outweigh strong code words: recovery, captcha, coupons, card codes', () => {
    for (const desc of ['two factor recovery code', 'backup code', 'captcha verification', '图形验证码', 'gift card pin', 'promo code', 'card verification code', 'cvc', 'バックアップコード']) {
      expect(passes({ desc, autocomplete: '', inputmode: 'numeric', maxLength: 6 }), desc).toBe(false);
    }
  });

  it('except where the page marks the field autocomplete="one-time-code" and names a code too', () => {
    const combined = { desc: '6 digit authentication code 8 digit backup code', maxLength: 10 };
    expect(passes(combined)).toBe(false);
    expect(passes({ ...combined, autocomplete: 'one-time-code' })).toBe(true);
    expect(passes({ desc: 'recovery code', autocomplete: 'one-time-code' })).toBe(false);
  });

  it('but not in the prose around a field, where "recovery code" is a link to another page', () => {
    expect(passes({ desc: 'authentication code', ctx: 'having problems? use a recovery code' })).toBe(true);
  });

  it('"security code" is the CVC on a card form and a login code elsewhere', () => {
    const f = { desc: 'security code', inputmode: 'numeric', maxLength: 6 };
    expect(passes(f)).toBe(true);
    expect(passes({ ...f, card: true })).toBe(false);
    expect(passes({ ...f, desc: 'セキュリティコード', card: true })).toBe(false);
    expect(passes({ ...f, desc: 'セキュリティコード' })).toBe(true);
  });

  it('a password field is not a code field unless its own words say one-time', () => {
    expect(passes({ type: 'password', desc: 'password' })).toBe(false);
    expect(passes({ type: 'password', desc: 'pin', inputmode: 'numeric', maxLength: 6 })).toBe(false);
    expect(passes({ type: 'password', ids: 'otp pass', maxLength: 6 })).toBe(true);
    expect(passes({ type: 'password', autocomplete: 'one-time-code' })).toBe(true);
    // "verify password" (a sign-up form's second password) is no code.
    expect(passes({ type: 'password', desc: 'verify password', maxLength: 8 })).toBe(false);
  });

  it('honeypot and search hints: out of the tab order, in a search form', () => {
    const f = { ids: 'otp', maxLength: 6, inputmode: 'numeric' };
    expect(scoreField(facts({ ...f, tabIndex: -1 })).score).toBeLessThan(scoreField(facts(f)).score);
    expect(passes({ ...f, search: true })).toBe(false);
  });
});

describe('SMS and app flags', () => {
  it('come from the field’s own words first', () => {
    expect(scoreField(facts({ ids: 'sms otp', ctx: 'or use your authenticator app' }))).toMatchObject({ sms: true, app: false });
    expect(scoreField(facts({ ids: 'app otp' }))).toMatchObject({ sms: false, app: true });
    expect(scoreField(facts({ ids: 'code', ctx: 'we sent a text message with a code' }))).toMatchObject({ sms: true, app: false });
    expect(scoreField(facts({ ids: 'totp pin' }))).toMatchObject({ app: true });
    expect(scoreField(facts({ desc: 'ショートメッセージで届いた確認コード' }))).toMatchObject({ sms: true });
  });
});

describe('groups of boxes', () => {
  it('six boxes pass on their own; four to eight with a code word', () => {
    expect(scoreGroup(facts(), 6).score).toBeGreaterThanOrEqual(THRESHOLD);
    expect(scoreGroup(facts({ desc: 'verification code' }), 4).score).toBeGreaterThanOrEqual(THRESHOLD);
    expect(scoreGroup(facts({ desc: 'one time password' }), 8).score).toBeGreaterThanOrEqual(THRESHOLD);
    expect(scoreGroup(facts({ desc: 'verification code' }), 3).score).toBeLessThan(THRESHOLD);
    expect(scoreGroup(facts({ desc: 'verification code' }), 9).score).toBeLessThan(THRESHOLD);
  });

  it('a group labelled as something else stays out', () => {
    expect(scoreGroup(facts({ desc: 'gift card pin' }), 6).score).toBeLessThan(THRESHOLD);
    expect(scoreGroup(facts({ desc: 'phone number' }), 6).score).toBeLessThan(THRESHOLD);
  });
});

describe('length', () => {
  it('reads digits from pattern and maxlength', () => {
    expect(patternDigits('\\d{6}')).toBe(6);
    expect(patternDigits('^[0-9]{8}$')).toBe(8);
    expect(patternDigits('[0-9]*')).toBe(0);
    expect(patternDigits('([0-9]{6})|([0-9a-fA-F]{5}-?[0-9a-fA-F]{5})')).toBeNull();
    expect(expectedLength(facts({ maxLength: 6 }))).toBe(6);
    expect(expectedLength(facts({ maxLength: 20, pattern: '\\d{8}' }))).toBe(8);
    expect(expectedLength(facts({ maxLength: 255 }))).toBeNull();
    expect(expectedLength(facts({ maxLength: 10 }))).toBeNull(); // 6-digit code or 8-digit backup code
  });
});
