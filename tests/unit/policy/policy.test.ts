import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { setLang } from '../../../lib/i18n/i18n';
import {
  allowPlainExport, assertPatchAllowed, effectiveSettings, emailCodesPolicy, managedNames, parsePolicy,
  POLICY_RANGES, sameWebDavFolder, syncBackendAllowed, type Policy,
} from '../../../lib/policy/policy';
import { assertPolicyStrength, MAX_KDF_MIB_PASSES, policyKdf } from '../../../lib/policy/vault';
import { DEFAULT_KDF } from '../../../lib/crypto/kdf-params';
import { DEFAULT_SETTINGS, type Settings } from '../../../lib/settings/settings';

const user: Settings = { ...DEFAULT_SETTINGS, autoLockMinutes: 60, clipboardClearSeconds: 0, autoFill: true, lowTokenThreshold: 5 };

describe('parsePolicy', () => {
  it('reads every key of a valid policy', () => {
    const raw = {
      maxAutoLockMinutes: 10, clipboardClearSeconds: 20, allowAutoFill: false, allowedSyncBackends: ['webdav'],
      webdavUrl: ' https://dav.example.com/tessera/ ', allowPlainExport: false, minPassphraseStrength: 'strong',
      minKdfMemoryMiB: 128, minKdfIterations: 4, lowTokenThreshold: 3, allowEmailCodes: true,
      emailCodeMailboxes: ['https://mail.example.co.jp/inbox', 'outlook.office.com'],
    };
    const { policy, problems } = parsePolicy(raw);
    expect(problems).toEqual([]);
    expect(policy).toEqual({ ...raw, webdavUrl: 'https://dav.example.com/tessera/', emailCodeMailboxes: ['example.co.jp', 'office.com'] });
  });

  it('drops wrong types, out-of-range values and unknown keys, and says which', () => {
    const { policy, problems } = parsePolicy({
      maxAutoLockMinutes: 0, clipboardClearSeconds: 601, allowAutoFill: 'no', allowedSyncBackends: ['ftp'],
      webdavUrl: 'http://dav.example.com/', minPassphraseStrength: 'great', minKdfMemoryMiB: 12.5, lowTokenThreshold: -1,
      emailCodeMailboxes: ['chrome://settings'], colour: 'blue',
    });
    expect(policy).toEqual({});
    expect(problems.map((p) => p.key).sort()).toEqual([
      'allowAutoFill', 'allowedSyncBackends', 'clipboardClearSeconds', 'colour', 'emailCodeMailboxes', 'lowTokenThreshold',
      'maxAutoLockMinutes', 'minKdfMemoryMiB', 'minPassphraseStrength', 'webdavUrl',
    ]);
  });

  it('takes nothing from a missing or malformed object', () => {
    for (const raw of [undefined, null, 'x', [1], 3]) expect(parsePolicy(raw)).toEqual({ policy: {}, problems: [] });
  });

  it('accepts http: WebDAV only on a loopback host, never with credentials in the address', () => {
    expect(parsePolicy({ webdavUrl: 'http://127.0.0.1:8080/dav/' }).policy.webdavUrl).toBe('http://127.0.0.1:8080/dav/');
    expect(parsePolicy({ webdavUrl: 'http://localhost/dav/' }).policy.webdavUrl).toBe('http://localhost/dav/');
    expect(parsePolicy({ webdavUrl: 'https://bob:pw@dav.example.com/' }).policy.webdavUrl).toBeUndefined();
  });

  it('has the same keys and ranges as the Chrome schema in public/', () => {
    const schema = JSON.parse(readFileSync(resolve(process.cwd(), 'public/managed-schema.json'), 'utf8'));
    const props = schema.properties as Record<string, { type: string; minimum?: number; maximum?: number }>;
    const { policy, problems } = parsePolicy(Object.fromEntries(Object.keys(props).map((k) => [k, undefined])));
    expect(policy).toEqual({});
    expect(problems).toEqual([]); // every schema key is known to the parser
    for (const [key, [min, max]] of Object.entries(POLICY_RANGES)) {
      expect(props[key], key).toMatchObject({ type: 'integer', minimum: min, maximum: max });
    }
    expect(Object.keys(props).sort()).toEqual([
      'allowAutoFill', 'allowEmailCodes', 'allowPlainExport', 'allowedSyncBackends', 'clipboardClearSeconds', 'emailCodeMailboxes',
      'lowTokenThreshold', 'maxAutoLockMinutes', 'minKdfIterations', 'minKdfMemoryMiB', 'minPassphraseStrength', 'webdavUrl',
    ]);
  });
});

describe('effective settings', () => {
  it('lets managed values win and caps auto-lock', () => {
    const policy: Policy = { maxAutoLockMinutes: 10, clipboardClearSeconds: 20, allowAutoFill: false, lowTokenThreshold: 3 };
    expect(effectiveSettings(user, policy)).toEqual({ ...user, autoLockMinutes: 10, clipboardClearSeconds: 20, autoFill: false, lowTokenThreshold: 3 });
    // A user below the cap keeps their shorter time; allowAutoFill: true leaves the choice to the user.
    expect(effectiveSettings({ ...user, autoLockMinutes: 5 }, { maxAutoLockMinutes: 10, allowAutoFill: true })).toMatchObject({ autoLockMinutes: 5, autoFill: true });
    expect(effectiveSettings(user, {})).toEqual(user);
  });

  it('overlays the email-code setting (issue 15: it exists now, off by default), and adds nothing to settings without it', () => {
    const policy: Policy = { allowEmailCodes: false, emailCodeMailboxes: ['example.com'] };
    const { emailCodes: _e, ...withoutEmail } = user;
    expect(effectiveSettings(withoutEmail as typeof user, policy)).not.toHaveProperty('emailCodes');
    expect(effectiveSettings(user, policy)).toMatchObject({ emailCodes: { enabled: false, mailboxes: ['example.com'] } });
    const withEmail = { ...user, emailCodes: { enabled: true, mailboxes: ['gmail.com'] } };
    expect(effectiveSettings(withEmail, policy)).toMatchObject({ emailCodes: { enabled: false, mailboxes: ['example.com'] } });
  });

  it('names what is managed: settings first, then policy-only features', () => {
    expect(managedNames({})).toEqual([]);
    expect(managedNames({ allowAutoFill: true })).toEqual([]);
    expect(managedNames({
      maxAutoLockMinutes: 5, clipboardClearSeconds: 0, allowAutoFill: false, lowTokenThreshold: 1, emailCodeMailboxes: [],
      allowedSyncBackends: [], webdavUrl: 'https://d.example/', allowPlainExport: true, minPassphraseStrength: 'fair', minKdfMemoryMiB: 64, minKdfIterations: 3,
    })).toEqual([
      'autoLockMinutes', 'clipboardClearSeconds', 'autoFill', 'lowTokenThreshold', 'emailCodes',
      'allowedSyncBackends', 'webdavUrl', 'allowPlainExport', 'minPassphraseStrength', 'minKdfMemoryMiB', 'minKdfIterations',
    ]);
  });
});

describe('assertPatchAllowed', () => {
  const policy: Policy = { maxAutoLockMinutes: 10, clipboardClearSeconds: 20, allowAutoFill: false, lowTokenThreshold: 3, allowEmailCodes: false };
  const refused = (patch: Record<string, unknown>) => {
    try {
      assertPatchAllowed(patch, policy, { ...user, emailCodes: { enabled: false, mailboxes: [] } } as Settings);
      return null;
    } catch (e) {
      return (e as { code: string }).code;
    }
  };
  it('refuses changes to fixed settings with `managed` and allows the imposed values', () => {
    setLang('en');
    expect(refused({ clipboardClearSeconds: 0 })).toBe('managed');
    expect(refused({ autoFill: true })).toBe('managed');
    expect(refused({ lowTokenThreshold: 9 })).toBe('managed');
    expect(refused({ emailCodes: { enabled: true, mailboxes: [] } })).toBe('managed');
    expect(refused({ clipboardClearSeconds: 20, autoFill: false, lowTokenThreshold: 3 })).toBeNull();
  });
  it('lets the user choose an auto-lock time within the cap only', () => {
    expect(refused({ autoLockMinutes: 11 })).toBe('managed');
    expect(refused({ autoLockMinutes: 10 })).toBeNull();
    expect(refused({ autoLockMinutes: 2 })).toBeNull();
  });
  it('lets everything through without a policy', () => {
    expect(() => assertPatchAllowed({ autoFill: true, clipboardClearSeconds: 0 }, {}, user)).not.toThrow();
  });
});

describe('feature accessors', () => {
  it('sync backends: off is always allowed, an empty list forbids the others', () => {
    expect(['off', 'browser', 'webdav'].map((b) => syncBackendAllowed({}, b))).toEqual([true, true, true]);
    expect(['off', 'browser', 'webdav'].map((b) => syncBackendAllowed({ allowedSyncBackends: ['webdav'] }, b))).toEqual([true, false, true]);
    expect(['off', 'browser', 'webdav'].map((b) => syncBackendAllowed({ allowedSyncBackends: [] }, b))).toEqual([true, false, false]);
    expect(syncBackendAllowed({}, 'ftp')).toBe(false);
  });
  it('compares WebDAV folders without trailing slashes or case of the host', () => {
    expect(sameWebDavFolder('https://DAV.example.com/a/', 'https://dav.example.com/a')).toBe(true);
    expect(sameWebDavFolder('https://dav.example.com/a/', 'https://dav.example.com/b/')).toBe(false);
    expect(sameWebDavFolder('https://dav.example.com/a/', 'https://evil.example/a/')).toBe(false);
  });
  it('plain export and email codes', () => {
    expect(allowPlainExport({})).toBe(true);
    expect(allowPlainExport({ allowPlainExport: false })).toBe(false);
    expect(emailCodesPolicy({})).toEqual({ allowed: true, mailboxes: null });
    expect(emailCodesPolicy({ allowEmailCodes: false, emailCodeMailboxes: ['example.com'] })).toEqual({ allowed: false, mailboxes: ['example.com'] });
  });
});

describe('new vaults', () => {
  it('refuses a passphrase below the minimum strength with weak-passphrase', () => {
    setLang('en');
    expect(() => assertPolicyStrength('correct horse', { minPassphraseStrength: 'strong' })).toThrow(expect.objectContaining({ code: 'weak-passphrase', message: expect.stringMatching(/organisation.*strong/) }));
    expect(() => assertPolicyStrength('Correct-Horse-Battery-Staple-42!', { minPassphraseStrength: 'strong' })).not.toThrow();
    expect(() => assertPolicyStrength('abcdefgh', {})).not.toThrow();
  });
  it('raises the KDF cost to the minimum, never lowers it, and stays inside the header bound', () => {
    expect(policyKdf({})).toEqual(DEFAULT_KDF);
    expect(policyKdf({ minKdfMemoryMiB: 19, minKdfIterations: 2 })).toEqual(DEFAULT_KDF);
    expect(policyKdf({ minKdfMemoryMiB: 128, minKdfIterations: 5 })).toMatchObject({ memoryKiB: 128 * 1024, iterations: 5, parallelism: 4 });
    const big = policyKdf({ minKdfMemoryMiB: 256, minKdfIterations: 10 });
    expect(big.memoryKiB).toBe(256 * 1024);
    expect((big.memoryKiB / 1024) * big.iterations).toBeLessThanOrEqual(MAX_KDF_MIB_PASSES);
    expect(big.iterations).toBe(6);
  });
});
