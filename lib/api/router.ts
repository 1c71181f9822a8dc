// Dispatches API messages (shared/automation-api.md) to handlers and applies the general
// rules in one place: every answer is { ok: true, ...result } or { ok: false, error };
// while the vault is `new` only vault.*, sync.status, sync.configure and sync.now run
// (others answer `no-vault`); while it is `locked` they answer `locked`.
import { t } from '../i18n/i18n';
import { TesseraError, toErrorInfo, type ErrorInfo } from '../messages/errors';
import type { ApiContext, Handler, Message, Result } from './types';

export type Answer = ({ ok: true } & Result) | { ok: false; error: ErrorInfo; [extra: string]: unknown };

/** Messages that work before a vault exists (automation-api.md, General rules). */
const WITHOUT_VAULT = new Set(['sync.status', 'sync.configure', 'sync.now']);

export function needsUnlockedVault(type: string): boolean {
  return !type.startsWith('vault.') && !WITHOUT_VAULT.has(type);
}

export async function dispatch(handlers: Record<string, Handler>, msg: unknown, ctx: ApiContext): Promise<Answer> {
  try {
    if (!msg || typeof msg !== 'object' || typeof (msg as Message).type !== 'string') throw new TesseraError('bad-input');
    const message = msg as Message;
    const handler = Object.hasOwn(handlers, message.type) ? handlers[message.type] : undefined;
    if (!handler) throw new TesseraError('bad-input', t('error.input.type', message.type.slice(0, 60)));
    if (needsUnlockedVault(message.type)) {
      const state = await ctx.vault.state();
      if (state === 'new') throw new TesseraError('no-vault');
      if (state === 'locked') throw new TesseraError('locked');
    }
    const result = await handler(message, ctx);
    return { ok: true, ...result };
  } catch (e) {
    return failure(e);
  }
}

/** The `ok: false` answer for anything thrown, with the extra fields an error carries. */
export function failure(e: unknown): Answer {
  const extra = e instanceof TesseraError && 'extra' in e ? (e as TesseraError & { extra: Result }).extra : {};
  return { ok: false, error: toErrorInfo(e), ...extra };
}

/** A TesseraError that carries extra answer fields (e.g. `candidates` with `ambiguous`). */
export function errorWith(code: ConstructorParameters<typeof TesseraError>[0], message: string | undefined, extra: Result): TesseraError {
  return Object.assign(new TesseraError(code, message), { extra });
}

// --- field readers: a missing or mistyped field is `bad-input` (General rules) ---

export function str(msg: Message, field: string): string {
  const v = msg[field];
  if (typeof v !== 'string') throw new TesseraError('bad-input', t('error.input.string', field));
  return v;
}

export function optStr(msg: Message, field: string): string | undefined {
  return msg[field] === undefined || msg[field] === null ? undefined : str(msg, field);
}

export function int(msg: Message, field: string): number {
  const v = msg[field];
  if (typeof v !== 'number' || !Number.isInteger(v)) throw new TesseraError('bad-input', t('error.input.integer', field));
  return v;
}

export function optBool(msg: Message, field: string, fallback: boolean): boolean {
  const v = msg[field];
  if (v === undefined) return fallback;
  if (typeof v !== 'boolean') throw new TesseraError('bad-input', t('error.input.boolean', field));
  return v;
}
