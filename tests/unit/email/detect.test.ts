// Scoring a code in a message and reading webmail times (lib/email/detect.ts, docs/email-codes.md).
import { describe, expect, it } from 'vitest';
import { codeInText, parseMailTime, pickMailCode } from '../../../lib/email/detect';

const NOW = new Date(2026, 11, 5, 9, 30, 20).getTime();
const min = (m: number) => NOW - m * 60_000;

describe('codeInText', () => {
  it.each([
    ['Your verification code is 482913. It expires in 10 minutes.', '482913'],
    ['Security code: 730418', '730418'],
    ['Your one-time password is\n123 456\nDo not share it.', '123456'],
    ['ワンタイムパスワード：538201 有効期限は30秒です。', '538201'],
    ['認証コード 0042 を入力してください。', '0042'],
    ['Use this code to sign in: 77-1190', null], // a split that is not 3+3/4+4: no candidate of the right shape
    ['G-204816 is your Google verification code.', '204816'],
  ])('%s → %s', (text, code) => {
    expect(codeInText(text)?.code ?? null).toBe(code);
  });

  it.each([
    'Order number 773311 is on its way.',
    'ご注文番号：482100　お支払い金額：3,280円',
    'Use coupon code 884422 at checkout. 30% off, sale ends Sunday. Unsubscribe',
    'クーポンコード 556677 で 1,000円引き。配信停止はこちら',
    'Your statement for 2026 is ready: balance $1,250.00, account 4412.',
    'Meeting at 10:30 in room 4021.',
    '認証コード：118822 ※ 先ほどお送りした認証コード 337744 は無効になりました。',
    'Call 0120-123-456 for help.',
  ])('no code in: %s', (text) => {
    expect(codeInText(text)).toBeNull();
  });
});

describe('parseMailTime', () => {
  it('reads relative, bare and full times', () => {
    expect(parseMailTime('2 minutes ago', NOW)).toBe(NOW - 120_000);
    expect(parseMailTime('3分前', NOW)).toBe(NOW - 180_000);
    expect(parseMailTime('たった今', NOW)).toBe(NOW);
    expect(parseMailTime('9:28 AM', NOW)).toBe(new Date(2026, 11, 5, 9, 28).getTime());
    expect(parseMailTime('9:28', NOW)).toBe(new Date(2026, 11, 5, 9, 28).getTime());
    expect(parseMailTime('午前9:28', NOW)).toBe(new Date(2026, 11, 5, 9, 28).getTime());
    expect(parseMailTime('11:50 PM', NOW)).toBe(new Date(2026, 11, 4, 23, 50).getTime()); // yesterday
    expect(parseMailTime('2026/12/05 9:29', NOW)).toBe(new Date(2026, 11, 5, 9, 29).getTime());
    expect(parseMailTime('2026年12月5日(土) 午後1:05', NOW)).toBe(new Date(2026, 11, 5, 13, 5).getTime());
    expect(parseMailTime('Sat, Dec 5, 2026, 9:28 AM', NOW)).toBe(new Date(2026, 11, 5, 9, 28).getTime());
    expect(parseMailTime('Sat, Dec 5, 2026, 9:28\u202fAM', NOW)).toBe(new Date(2026, 11, 5, 9, 28).getTime());
    expect(parseMailTime(new Date(min(2)).toISOString(), NOW)).toBe(min(2));
    expect(parseMailTime('Inbox', NOW)).toBeNull();
    expect(parseMailTime('25:99', NOW)).toBeNull();
  });
});

describe('pickMailCode', () => {
  const mail = (text: string, ago: number) => ({ text, times: [new Date(min(ago)).toISOString()] });
  it('takes the newest recent message with a code', () => {
    const items = [mail('Your verification code is 111111', 6), mail('Your verification code is 222222', 2), mail('Newsletter: 50% off, coupon 333333', 1)];
    expect(pickMailCode(items, NOW)).toMatchObject({ code: '222222', receivedAt: min(2) });
  });
  it('never uses a message older than 10 minutes, or one without a time', () => {
    expect(pickMailCode([mail('Your verification code is 111111', 12)], NOW)).toBeNull();
    expect(pickMailCode([{ text: 'Your verification code is 111111', times: [] }], NOW)).toBeNull();
    expect(pickMailCode([{ text: 'Your verification code is 111111', times: ['yesterday'] }], NOW)).toBeNull();
  });
  it('nothing at all: null', () => {
    expect(pickMailCode([], NOW)).toBeNull();
  });
});
