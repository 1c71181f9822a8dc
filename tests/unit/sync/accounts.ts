// Simulated accounts for sync tests and bench/sync-merge.mjs, shaped like AccountData
// (lib/otp/account.ts) as lib/api/accounts.ts stores it: issuer up to 16 characters, label up to
// 24, a 20-byte secret in Base32, default parameters (TOTP, SHA1, 6 digits, 30 s, window 1).
//   typical: issuers from real service names, labels that look like user names or addresses;
//   worst:   issuer of exactly 16 and label of exactly 24 random letters and digits.
import { encodeHlc } from '../../../lib/record/hlc';
import { randomId } from '../../../lib/crypto/random';
import type { PlainRecord } from '../../../lib/sync/pack';

const ISSUERS = [
  'Google', 'GitHub', 'Microsoft', 'Amazon Web Servi', 'Dropbox', 'Slack', 'Atlassian', 'GitLab', 'Okta', 'Salesforce',
  'Cloudflare', 'DigitalOcean', 'Heroku', 'Facebook', 'Twitter', 'LinkedIn', 'Discord', 'Twitch', 'Reddit', 'PayPal',
  'Stripe', 'Coinbase', 'Binance', 'Kraken', 'npm', 'PyPI', 'Docker Hub', 'Bitbucket', 'Zoom', 'Box', 'Adobe', 'Apple',
  'Nintendo', 'Epic Games', 'Steam', 'Ubisoft', 'Rakuten', 'Yahoo! JAPAN', 'LINE', 'mercari', 'freee', 'Money Forward',
  'Sansan', 'Cybozu', 'kintone', 'Backlog', 'SmartHR', 'HENNGE', 'Notion', 'Figma', 'Miro', 'Asana', 'Trello', 'Jira',
  'Confluence', 'Sentry', 'Datadog', 'New Relic', 'PagerDuty', 'Vercel', 'Netlify', 'Fastly', 'Akamai', 'Proton',
];
const DOMAINS = ['gmail.com', 'example.com', 'corp.example.jp', 'outlook.com', 'icloud.com', 'yahoo.co.jp', 'hennge.com'];
const LOWER = 'abcdefghijklmnopqrstuvwxyz';
const ALNUM = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
const B32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

const rnd = (n: number) => crypto.getRandomValues(new Uint32Array(1))[0]! % n;
const pick = <T>(xs: readonly T[]): T => xs[rnd(xs.length)]!;
const chars = (alphabet: string, n: number) => Array.from({ length: n }, () => alphabet[rnd(alphabet.length)]).join('');

function base32(bytes: Uint8Array): string {
  let out = '';
  let bits = 0;
  let value = 0;
  for (const b of bytes) {
    value = ((value << 8) | b) & 0xffff;
    bits += 8;
    while (bits >= 5) {
      out += B32[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  return bits ? out + B32[(value << (5 - bits)) & 31] : out;
}

/** AccountData of a typical (or worst-case) account. */
export function accountData(worst = false, createdAt = 1_700_000_000_000 + rnd(2 * 365 * 86_400) * 1000) {
  const issuer = worst ? chars(ALNUM, 16) : pick(ISSUERS);
  const label = worst
    ? chars(ALNUM, 24)
    : (rnd(3) === 0 ? chars(LOWER, 4 + rnd(8)) + String(rnd(100)) : `${chars(LOWER, 3 + rnd(8))}@${pick(DOMAINS)}`).slice(0, 24);
  return {
    type: 'totp', secret: base32(crypto.getRandomValues(new Uint8Array(20))), issuer, label,
    algorithm: 'SHA1', digits: 6, period: 30, counter: 0, extra: [] as Array<[string, string]>,
    window: 1, sites: [] as string[], createdAt,
  };
}

/** An account record as a pack holds it: id from randomId(), stamped when created (or edited later). */
export function typicalAccount(device: string, worst = false): PlainRecord {
  const data = accountData(worst);
  const edited = rnd(4) === 0 ? rnd(30 * 86_400) * 1000 : 0;
  return { id: randomId(), kind: 'account', hlc: encodeHlc({ wall: data.createdAt + edited, counter: 0, device }), deleted: false, data };
}
