// The automation API's stable contract (shared/automation-api.md, "Messages") written once, as
// data: each message's fields, its `ok: true` answer and the error codes it may answer. The
// TypeScript types testers import (`tessera-otp/contract`, re-exported by the Playwright kit)
// are inferred from this table, and the unit tests check the background's handler table and
// real answers against it, so the kit, the docs and the extension cannot drift apart.
//
// This module imports nothing: the kit build (tsconfig.kit.json) compiles it on its own for
// Node, and the extension only imports its types.
//
// Rules kept from the contract's "General rules": answers may gain fields (objects here are
// open: `validate` ignores fields it does not know); times are epoch milliseconds; a field
// marked optional may be absent.

// --- a tiny schema language whose values are also types -------------------------------------

export type Schema<T> = SchemaNode & { readonly __type?: T; readonly optional?: true };
type Optional<T> = SchemaNode & { readonly __type?: T; readonly optional: true };

type SchemaNode =
  | { readonly kind: 'string' | 'number' | 'boolean' | 'unknown' }
  | { readonly kind: 'literal'; readonly values: readonly string[] }
  | { readonly kind: 'array'; readonly item: SchemaNode }
  | { readonly kind: 'nullable'; readonly inner: SchemaNode }
  | { readonly kind: 'object'; readonly props: Readonly<Record<string, SchemaNode & { readonly optional?: true }>> };

/** The TypeScript type a schema describes. */
export type Infer<S> = S extends { readonly __type?: infer T } ? T : never;

type Simplify<T> = { [K in keyof T]: T[K] } & {};
type ObjectOf<P> = Simplify<
  { -readonly [K in keyof P as P[K] extends { readonly optional: true } ? never : K]: Infer<P[K]> } & {
    -readonly [K in keyof P as P[K] extends { readonly optional: true } ? K : never]?: Infer<P[K]>;
  }
>;

const string: Schema<string> = { kind: 'string' };
const number: Schema<number> = { kind: 'number' };
const boolean: Schema<boolean> = { kind: 'boolean' };
const literal = <const V extends readonly string[]>(...values: V): Schema<V[number]> => ({ kind: 'literal', values });
const array = <T>(item: Schema<T>): Schema<T[]> => ({ kind: 'array', item });
const nullable = <T>(inner: Schema<T>): Schema<T | null> => ({ kind: 'nullable', inner });
const optional = <T>(inner: Schema<T>): Optional<T> => ({ ...inner, optional: true }) as Optional<T>;
const object = <P extends Record<string, Schema<unknown>>>(props: P): Schema<ObjectOf<P>> => ({ kind: 'object', props });
const NONE = object({});

// --- error codes -----------------------------------------------------------------------------

/** Codes any message may answer (General rules): the caller, the vault's state, a malformed message. */
export const GENERAL_ERROR_CODES = ['forbidden', 'no-vault', 'locked', 'bad-input', 'internal'] as const;

/** Every error code the contract names; lib/messages/errors.ts knows each of them (type-checked in tests). */
export const ERROR_CODES = [
  ...GENERAL_ERROR_CODES,
  'exists', 'weak-passphrase', 'bad-passphrase', 'bad-uri', 'bad-secret', 'bad-algorithm', 'bad-digits',
  'bad-period', 'bad-scheme', 'too-large', 'not-found', 'wrong-type', 'unscriptable', 'no-otp-field',
  'no-account-for-site', 'ambiguous', 'none-left', 'unreachable', 'unauthorized', 'conflict', 'off', 'quota',
  'needs-password', 'unsupported-format', 'bad-file', 'managed', 'insecure-page', 'not-app-code', 'no-email-code',
] as const;
export type ContractErrorCode = (typeof ERROR_CODES)[number];

/** An item's error inside a batch answer (accounts.import `errors`). */
export const IMPORT_ERROR_CODES = ['bad-uri', 'bad-secret', 'bad-algorithm', 'bad-digits', 'bad-period', 'bad-scheme', 'too-large'] as const;

// --- shared shapes ---------------------------------------------------------------------------

const errorInfo = object({ code: literal(...ERROR_CODES), message: string });
const accountRef = object({ id: string, issuer: string, label: string });
const importResult = {
  added: array(accountRef),
  duplicates: number,
  errors: array(object({ line: number, code: literal(...IMPORT_ERROR_CODES), message: string })),
};
const accountSummary = object({
  id: string,
  type: literal('totp', 'hotp', 'tokens'),
  issuer: string,
  label: string,
  algorithm: literal('SHA1', 'SHA256', 'SHA512'),
  digits: number,
  period: nullable(number),
  counter: nullable(number),
  sites: array(string),
  tokensRemaining: number,
});
const backend = literal('off', 'browser', 'webdav');
const syncState = literal('off', 'idle', 'syncing', 'error');
const settings = object({
  autoLockMinutes: number,
  clipboardClearSeconds: number,
  autoFill: boolean,
  lowTokenThreshold: number,
  clockCorrection: boolean,
  emailCodes: object({ enabled: boolean, mailboxes: array(string) }),
});
const settingsPatch = object({
  autoLockMinutes: optional(number),
  clipboardClearSeconds: optional(number),
  autoFill: optional(boolean),
  lowTokenThreshold: optional(number),
  clockCorrection: optional(boolean),
  emailCodes: optional(object({ enabled: boolean, mailboxes: array(string) })),
});

interface Entry<F, A, E extends ContractErrorCode> {
  readonly fields: Schema<F>;
  readonly answer: Schema<A>;
  /** The codes the contract's "error codes" column lists for this message (GENERAL_ERROR_CODES aside). */
  readonly errors: readonly E[];
}
const message = <F, A, const E extends ContractErrorCode = never>(fields: Schema<F>, answer: Schema<A>, errors: readonly E[] = []): Entry<F, A, E> => ({ fields, answer, errors });

// --- the stable messages, in the contract's order ---------------------------------------------

export const CONTRACT = {
  'vault.status': message(NONE, object({ state: literal('new', 'locked', 'unlocked') })),
  'vault.setup': message(object({ passphrase: string }), NONE, ['exists', 'weak-passphrase']),
  'vault.unlock': message(object({ passphrase: string }), NONE, ['bad-passphrase', 'no-vault']),
  'vault.lock': message(NONE, NONE),
  'accounts.import': message(object({ text: string, site: optional(string) }), object(importResult), ['too-large']),
  'accounts.list': message(NONE, object({ accounts: array(accountSummary) })),
  'accounts.update': message(
    object({ id: string, issuer: optional(string), label: optional(string), sites: optional(array(string)) }),
    object({ account: accountSummary }),
    ['not-found', 'bad-input'],
  ),
  'accounts.remove': message(object({ id: string }), NONE, ['not-found']),
  'codes.get': message(
    // `at`: epoch ms, TOTP only (the code of that moment); an HOTP account ignores it.
    object({ id: string, at: optional(number) }),
    object({ code: string, period: nullable(number), expiresAt: nullable(number), acceptedUntil: nullable(number) }),
    ['not-found', 'wrong-type'],
  ),
  'qr.scanTab': message(
    object({ tabId: number, add: optional(boolean) }),
    object({
      found: array(
        object({
          kind: literal('otpauth', 'migration', 'other'),
          accounts: array(object({ issuer: string, label: string })),
          batch: optional(object({ index: number, size: number })),
          error: optional(errorInfo),
        }),
      ),
      ...importResult,
    }),
    ['not-found', 'unscriptable', 'too-large'],
  ),
  'autofill.fill': message(
    object({ tabId: number, accountId: optional(string) }),
    object({ filled: boolean, accountId: string, fields: number, source: optional(literal('account', 'email')) }),
    ['no-otp-field', 'no-account-for-site', 'ambiguous', 'not-found', 'unscriptable', 'no-email-code', 'not-app-code', 'insecure-page'],
  ),
  'tokens.add': message(
    object({ accountId: optional(string), service: optional(string), text: string }),
    object({
      accountId: string,
      added: number,
      duplicates: number,
      rejected: array(object({ position: number, reason: literal('duplicate', 'limit', 'empty', 'too-long', 'bad-character') })),
      remaining: number,
    }),
    ['not-found', 'too-large'],
  ),
  'tokens.list': message(
    object({ accountId: string }),
    object({ tokens: array(object({ id: string, masked: string, used: boolean, usedAt: nullable(number) })), remaining: number }),
    ['not-found'],
  ),
  'tokens.copy': message(object({ accountId: string, tokenId: optional(string) }), object({ value: string, tokenId: string }), ['not-found', 'none-left']),
  'sync.configure': message(
    object({ backend, url: optional(string), username: optional(string), password: optional(string) }),
    object({ state: syncState }),
    ['bad-input', 'unreachable', 'unauthorized', 'conflict'],
  ),
  'sync.status': message(
    NONE,
    object({
      backend,
      state: syncState,
      lastSyncAt: nullable(number),
      error: optional(errorInfo),
      rejected: number,
      warning: optional(object({ code: literal('tampered', 'rollback', 'malformed'), message: string })),
      allowedBackends: optional(array(literal('browser', 'webdav'))),
    }),
  ),
  'sync.now': message(NONE, object({ pulled: number, pushed: number }), ['off', 'unreachable', 'unauthorized', 'quota', 'conflict', 'locked']),
  'accounts.importFile': message(
    object({ name: string, data: string, password: optional(string), site: optional(string) }),
    object({ format: string, ...importResult }),
    ['needs-password', 'bad-passphrase', 'unsupported-format', 'bad-file', 'too-large'],
  ),
  'accounts.export': message(
    object({ format: literal('otpauth', 'migration'), passphrase: string, ids: optional(array(string)) }),
    // "otpauth" answers `text`, "migration" answers `uris`.
    object({ text: optional(string), uris: optional(array(string)) }),
    // `managed`: an administrator forbids unencrypted exports (docs/policy.md, allowPlainExport).
    ['bad-passphrase', 'not-found', 'managed'],
  ),
  'backup.export': message(object({ password: string }), object({ filename: string, data: string }), ['weak-passphrase']),
  'clock.status': message(NONE, object({ offsetMs: nullable(number), samples: number, checkedAt: nullable(number), correcting: boolean })),
  'settings.get': message(NONE, object({ settings, managed: array(string) })),
  'settings.set': message(object({ settings: settingsPatch }), object({ settings }), ['managed', 'bad-input']),
} as const;

/**
 * Messages the extension's own pages use that are not part of the stable contract
 * (docs/automation-api.md, "Messages beyond the stable contract"): they may change between
 * versions, so they have no types here. Every handler is either in CONTRACT or listed here.
 */
export const PAGE_MESSAGES = [
  'vault.changePassphrase', 'accounts.add', 'codes.all', 'codes.use', 'popup.use', 'popup.context',
  'qr.scanRegion', 'qr.review', 'qr.pending', 'qr.confirm', 'tokens.reveal', 'tokens.clearUsed',
  'import.preview', 'backup.status', 'backup.dismiss',
  'vault.passkeyBegin', 'vault.unlockPasskey', 'passkey.list', 'passkey.addBegin', 'passkey.add', 'passkey.rename',
  'passkey.sync', 'passkey.remove', 'passkey.dismissNotice',
  'email.offer',
  'accounts.reorder', 'popup.init', 'popup.codes',
] as const;

// --- the types testers use -------------------------------------------------------------------

type Contract = typeof CONTRACT;
/** A stable message type, e.g. "codes.get". */
export type MessageType = keyof Contract;
export const MESSAGE_TYPES = Object.keys(CONTRACT) as MessageType[];

/** The fields of a message (without `type`). */
export type MessageFields<K extends MessageType> = Infer<Contract[K]['fields']>;
/** A message as sent: `{ type, ...fields }`. */
export type MessageOf<K extends MessageType> = Simplify<{ type: K } & MessageFields<K>>;
/** Any stable message. */
export type AnyMessage = { [K in MessageType]: MessageOf<K> }[MessageType];
/** The fields of an `ok: true` answer (without `ok`). */
export type AnswerFields<K extends MessageType> = Infer<Contract[K]['answer']>;
/** The error codes a message may answer: its own and the general ones. */
export type ErrorCodeOf<K extends MessageType> = Contract[K]['errors'][number] | (typeof GENERAL_ERROR_CODES)[number];

export interface ErrorInfo<C extends string = ContractErrorCode> {
  code: C;
  message: string;
}
/** The `ok: false` answer; some errors carry extra fields (`ambiguous` has `candidates`). */
export type ErrorAnswer<C extends string = ContractErrorCode> = {
  ok: false;
  error: ErrorInfo<C>;
  candidates?: Array<{ id: string; issuer: string; label: string }>;
};
/** What chrome.runtime.sendMessage answers to a message of type K. */
export type AnswerOf<K extends MessageType> = ({ ok: true } & AnswerFields<K>) | ErrorAnswer<ErrorCodeOf<K>>;

export type AccountSummary = Infer<typeof accountSummary>;
export type AccountRef = Infer<typeof accountRef>;
export type Settings = Infer<typeof settings>;
export type CodeAnswer = AnswerFields<'codes.get'>;

// --- checking a real answer against the table ------------------------------------------------

/**
 * Where `value` departs from `schema`: one line per problem ("accounts[0].period: expected
 * number or null, got string"); [] when it fits. Unknown fields are allowed (answers may gain fields).
 */
export function validate(schema: SchemaNode, value: unknown, path = '$'): string[] {
  const got = value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value;
  const fail = (expected: string) => [`${path}: expected ${expected}, got ${got === 'string' ? JSON.stringify(value) : got}`];
  switch (schema.kind) {
    case 'unknown':
      return [];
    case 'string':
    case 'number':
    case 'boolean':
      return typeof value === schema.kind && (schema.kind !== 'number' || Number.isFinite(value)) ? [] : fail(schema.kind);
    case 'literal':
      return typeof value === 'string' && schema.values.includes(value) ? [] : fail(schema.values.map((v) => JSON.stringify(v)).join(' | '));
    case 'nullable':
      return value === null ? [] : validate(schema.inner, value, path);
    case 'array':
      return Array.isArray(value) ? value.flatMap((v, i) => validate(schema.item, v, `${path}[${i}]`)) : fail('array');
    case 'object': {
      if (got !== 'object') return fail('object');
      const o = value as Record<string, unknown>;
      return Object.entries(schema.props).flatMap(([k, s]) =>
        o[k] === undefined ? (s.optional ? [] : [`${path}.${k}: missing`]) : validate(s, o[k], `${path}.${k}`),
      );
    }
  }
}

/** Checks an answer to a message of this type: its `ok: true` fields, or its error's shape and code. */
export function validateAnswer(type: MessageType, answer: unknown): string[] {
  const a = answer as { ok?: unknown; error?: { code?: unknown } } | null;
  if (!a || typeof a !== 'object' || typeof a.ok !== 'boolean') return ['$.ok: expected boolean'];
  if (a.ok) return validate(CONTRACT[type].answer, answer);
  const problems = validate(errorInfo, a.error, '$.error');
  const allowed: readonly string[] = [...CONTRACT[type].errors, ...GENERAL_ERROR_CODES];
  if (!problems.length && !allowed.includes(a.error!.code as string)) problems.push(`$.error.code: ${String(a.error!.code)} is not listed for ${type}`);
  return problems;
}
