// Managed policy (issue 16): what an administrator fixes when deploying Tessera. Chrome hands
// the values to `storage.managed` from its enterprise policy (per-extension "3rdparty" policy,
// validated against public/managed-schema.json, the manifest's `storage.managed_schema`);
// Firefox from policies.json's `3rdparty.Extensions["<gecko id>"]` (docs/policy.md).
// This module is pure: it reads a raw managed object into a typed Policy (a value of the wrong
// type or out of range is dropped and reported, as Chrome does for schema errors; Firefox does
// not validate 3rdparty values at all), and says what the policy means for the user's settings:
// managed values win, a fixed setting cannot be changed (`managed`, shared/automation-api.md).
import { TesseraError } from '../messages/errors';
import { t } from '../i18n/i18n';
import type { Settings } from '../settings/settings';
import { siteOf } from '../sites/site';

export type SyncBackendName = 'browser' | 'webdav';
export type PolicyStrength = 'weak' | 'fair' | 'strong';

/** The keys of the managed schema; absent means "the user decides". */
export interface Policy {
  /** Auto-lock after at most this many idle minutes (1–1440); the user may choose fewer. */
  maxAutoLockMinutes?: number;
  /** Seconds after which a copied code is cleared from the clipboard (0–600, 0: never); fixed. */
  clipboardClearSeconds?: number;
  /** false: automatic fill is off and cannot be turned on. true: the user decides. */
  allowAutoFill?: boolean;
  /** The sync backends the user may turn on ("off" is always allowed); [] forbids sync. */
  allowedSyncBackends?: SyncBackendName[];
  /** The only WebDAV folder sync may use (https:, or http: on a loopback host). */
  webdavUrl?: string;
  /** false: `accounts.export` with format "otpauth" (plain URIs) is refused (issue 12). */
  allowPlainExport?: boolean;
  /** The least passphrase strength (lib/passphrase/strength.ts) for a new vault or passphrase. */
  minPassphraseStrength?: PolicyStrength;
  /** The least argon2id memory (MiB, 19–256) for new vault headers. */
  minKdfMemoryMiB?: number;
  /** The least argon2id passes (2–10) for new vault headers. */
  minKdfIterations?: number;
  /** Warn when this many emergency tokens or fewer remain (0–50); fixed. */
  lowTokenThreshold?: number;
  /** false: codes are never read from mail tabs. true: the user decides. */
  allowEmailCodes?: boolean;
  /** The only mailboxes (sites) email codes are read from; fixed. */
  emailCodeMailboxes?: string[];
}

export type PolicyKey = keyof Policy;

export interface ParsedPolicy {
  policy: Policy;
  /** Keys present but unusable (wrong type, out of range, unknown), each with why: shown to admins. */
  problems: Array<{ key: string; reason: string }>;
}

/** Ranges, shared with the schema (tests check that public/managed-schema.json says the same). */
export const POLICY_RANGES = {
  maxAutoLockMinutes: [1, 1440],
  clipboardClearSeconds: [0, 600],
  minKdfMemoryMiB: [19, 256],
  minKdfIterations: [2, 10],
  lowTokenThreshold: [0, 50],
} as const satisfies Partial<Record<PolicyKey, readonly [number, number]>>;

const STRENGTHS: readonly PolicyStrength[] = ['weak', 'fair', 'strong'];
const BACKENDS: readonly SyncBackendName[] = ['browser', 'webdav'];
const MAX_MAILBOXES = 50;

/** A WebDAV folder address sync may use: https:, or http: on a loopback host (as sync.configure). */
export function isAcceptableWebDavUrl(url: string): boolean {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return false;
  }
  if (u.username || u.password) return false;
  if (u.protocol === 'https:') return true;
  return u.protocol === 'http:' && /^(localhost|127(\.\d{1,3}){3}|\[::1\])$/i.test(u.hostname);
}

/** The same folder whatever the trailing slash or the case of scheme and host. */
export function sameWebDavFolder(a: string, b: string): boolean {
  const norm = (s: string) => {
    try {
      const u = new URL(s.trim());
      return `${u.protocol}//${u.host}${u.pathname.replace(/\/+$/, '')}${u.search}`;
    } catch {
      return s.trim();
    }
  };
  return norm(a) === norm(b);
}

/** Reads the raw `storage.managed` object. Never throws: bad keys are dropped and reported. */
export function parsePolicy(raw: unknown): ParsedPolicy {
  const policy: Policy = {};
  const problems: ParsedPolicy['problems'] = [];
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return { policy, problems };
  const src = raw as Record<string, unknown>;
  const bad = (key: string, reason: string) => problems.push({ key, reason });
  const int = (key: keyof typeof POLICY_RANGES) => {
    const v = src[key];
    if (v === undefined) return;
    const [min, max] = POLICY_RANGES[key];
    if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max) return bad(key, `an integer from ${min} to ${max}`);
    policy[key] = v;
  };
  const bool = (key: 'allowAutoFill' | 'allowPlainExport' | 'allowEmailCodes') => {
    const v = src[key];
    if (v === undefined) return;
    if (typeof v !== 'boolean') return bad(key, 'true or false');
    policy[key] = v;
  };
  for (const key of Object.keys(src)) {
    if (!KNOWN_KEYS.has(key)) bad(key, 'not a Tessera policy');
  }
  int('maxAutoLockMinutes');
  int('clipboardClearSeconds');
  int('minKdfMemoryMiB');
  int('minKdfIterations');
  int('lowTokenThreshold');
  bool('allowAutoFill');
  bool('allowPlainExport');
  bool('allowEmailCodes');

  if (src.allowedSyncBackends !== undefined) {
    const v = src.allowedSyncBackends;
    if (!Array.isArray(v) || !v.every((b) => BACKENDS.includes(b as SyncBackendName))) bad('allowedSyncBackends', 'a list of "browser" and "webdav"');
    else policy.allowedSyncBackends = BACKENDS.filter((b) => v.includes(b));
  }
  if (src.webdavUrl !== undefined) {
    const v = src.webdavUrl;
    if (typeof v !== 'string' || !isAcceptableWebDavUrl(v.trim())) bad('webdavUrl', 'an https: address (http: only on a loopback host), without a user name');
    else policy.webdavUrl = v.trim();
  }
  if (src.minPassphraseStrength !== undefined) {
    const v = src.minPassphraseStrength;
    if (!STRENGTHS.includes(v as PolicyStrength)) bad('minPassphraseStrength', '"weak", "fair" or "strong"');
    else policy.minPassphraseStrength = v as PolicyStrength;
  }
  if (src.emailCodeMailboxes !== undefined) {
    const v = src.emailCodeMailboxes;
    const sites = Array.isArray(v) && v.length <= MAX_MAILBOXES && v.every((s) => typeof s === 'string') ? (v as string[]).map(siteOf) : null;
    if (!sites || sites.some((s) => s === null)) bad('emailCodeMailboxes', `a list of up to ${MAX_MAILBOXES} sites (host names or URLs)`);
    else policy.emailCodeMailboxes = [...new Set(sites as string[])];
  }
  return { policy, problems };
}

const KNOWN_KEYS = new Set<string>([
  'maxAutoLockMinutes', 'clipboardClearSeconds', 'allowAutoFill', 'allowedSyncBackends', 'webdavUrl',
  'allowPlainExport', 'minPassphraseStrength', 'minKdfMemoryMiB', 'minKdfIterations', 'lowTokenThreshold',
  'allowEmailCodes', 'emailCodeMailboxes',
] satisfies PolicyKey[]);

// --- what the policy means for the user's settings ---

/** The settings a user sees and the features use: the user's values with the policy's winning. */
export function effectiveSettings<S extends Settings>(user: S, policy: Policy): S {
  const out: S = { ...user };
  if (policy.maxAutoLockMinutes !== undefined) out.autoLockMinutes = Math.min(user.autoLockMinutes, policy.maxAutoLockMinutes);
  if (policy.clipboardClearSeconds !== undefined) out.clipboardClearSeconds = policy.clipboardClearSeconds;
  if (policy.allowAutoFill === false) out.autoFill = false;
  if (policy.lowTokenThreshold !== undefined) out.lowTokenThreshold = policy.lowTokenThreshold;
  // Email codes (not built yet): overlay the setting once it exists, whatever its other fields.
  const email = (user as { emailCodes?: { enabled?: unknown; mailboxes?: unknown } }).emailCodes;
  if (email && typeof email === 'object') {
    (out as { emailCodes?: unknown }).emailCodes = {
      ...email,
      ...(policy.allowEmailCodes === false ? { enabled: false } : {}),
      ...(policy.emailCodeMailboxes ? { mailboxes: [...policy.emailCodeMailboxes] } : {}),
    };
  }
  return out;
}

/**
 * Names the policy fixes or bounds, for `settings.get`'s `managed`: setting names first (as
 * `settings.set` spells them), then policy keys of features that have no setting.
 */
export function managedNames(policy: Policy): string[] {
  const names: string[] = [];
  if (policy.maxAutoLockMinutes !== undefined) names.push('autoLockMinutes');
  if (policy.clipboardClearSeconds !== undefined) names.push('clipboardClearSeconds');
  if (policy.allowAutoFill === false) names.push('autoFill');
  if (policy.lowTokenThreshold !== undefined) names.push('lowTokenThreshold');
  if (policy.allowEmailCodes === false || policy.emailCodeMailboxes) names.push('emailCodes');
  for (const key of ['allowedSyncBackends', 'webdavUrl', 'allowPlainExport', 'minPassphraseStrength', 'minKdfMemoryMiB', 'minKdfIterations'] as const) {
    if (policy[key] !== undefined) names.push(key);
  }
  return names;
}

/** Bounds the user may still choose within (today: the auto-lock cap). */
export function settingLimits(policy: Policy): Record<string, { max: number }> {
  return policy.maxAutoLockMinutes !== undefined ? { autoLockMinutes: { max: policy.maxAutoLockMinutes } } : {};
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Throws `managed` when `patch` would change something the policy fixes (nothing is then saved).
 * Writing the value the policy already imposes is allowed (a page saving the whole form), and an
 * auto-lock time within the cap is the user's to choose.
 */
export function assertPatchAllowed(patch: Record<string, unknown>, policy: Policy, current: Settings): void {
  const refuse = (key: string) => {
    throw new TesseraError('managed', t('policy.refused', key));
  };
  const has = (key: string) => Object.hasOwn(patch, key) && patch[key] !== undefined;
  if (has('autoLockMinutes') && policy.maxAutoLockMinutes !== undefined) {
    const v = patch.autoLockMinutes;
    if (typeof v === 'number' && v > policy.maxAutoLockMinutes) throw new TesseraError('managed', t('policy.autoLockCap', policy.maxAutoLockMinutes));
  }
  if (has('clipboardClearSeconds') && policy.clipboardClearSeconds !== undefined && patch.clipboardClearSeconds !== policy.clipboardClearSeconds) refuse('clipboardClearSeconds');
  if (has('autoFill') && policy.allowAutoFill === false && patch.autoFill !== false) refuse('autoFill');
  if (has('lowTokenThreshold') && policy.lowTokenThreshold !== undefined && patch.lowTokenThreshold !== policy.lowTokenThreshold) refuse('lowTokenThreshold');
  if (has('emailCodes') && (policy.allowEmailCodes === false || policy.emailCodeMailboxes)) {
    const want = patch.emailCodes as { enabled?: unknown; mailboxes?: unknown } | null;
    const imposed = effectiveSettings(current, policy) as { emailCodes?: { enabled?: unknown; mailboxes?: unknown } };
    const enabling = policy.allowEmailCodes === false && want?.enabled === true;
    const mailboxes = policy.emailCodeMailboxes && want?.mailboxes !== undefined && !same(want.mailboxes, imposed.emailCodes?.mailboxes ?? policy.emailCodeMailboxes);
    if (!want || typeof want !== 'object' || enabling || mailboxes) refuse('emailCodes');
  }
}

// --- accessors for the features the policy governs ---

/** Whether `backend` may be turned on ("off" always may). */
export function syncBackendAllowed(policy: Policy, backend: string): boolean {
  if (backend === 'off') return true;
  return policy.allowedSyncBackends ? policy.allowedSyncBackends.includes(backend as SyncBackendName) : BACKENDS.includes(backend as SyncBackendName);
}

/** Whether plain `otpauth://` exports are allowed (issue 12 wires it into accounts.export). */
export function allowPlainExport(policy: Policy): boolean {
  return policy.allowPlainExport !== false;
}

/** What the email-code reader may do (wired when email codes are built). */
export function emailCodesPolicy(policy: Policy): { allowed: boolean; mailboxes: string[] | null } {
  return { allowed: policy.allowEmailCodes !== false, mailboxes: policy.emailCodeMailboxes ? [...policy.emailCodeMailboxes] : null };
}
