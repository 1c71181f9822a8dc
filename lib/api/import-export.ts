// Moving in, backing up and moving out (issue 12; shared/automation-api.md `accounts.importFile`,
// `accounts.export`, `backup.export`, and beyond the contract `import.preview`, `backup.status`,
// `backup.dismiss`, documented in docs/automation-api.md).
// - A file is recognised from its content: a Tessera backup is read by lib/backup (and merged,
//   never removing anything); any other format by lib/import's parseImportFile. A problem with the
//   whole file is an `ok: false` answer and nothing is written; what is added is written in one
//   vault commit (all of it or none).
// - `import.preview` answers what a file holds without writing anything, so the options page can
//   show it, let the user leave entries out (`keep`) and bind a site, then confirm with
//   `accounts.importFile`.
// - Exports hand out seeds: `accounts.export` only with the vault passphrase typed again, and a
//   backup only sealed under its own password.
import { randomId } from '../crypto/random';
import { toBase64 } from '../crypto/encoding';
import { t } from '../i18n/i18n';
import type { FileFormat, FileImport } from '../import/file';
import { MAX_IMPORT_FILE_BYTES } from '../import/limits';
import { deferred } from '../deferred/load';
import { TesseraError } from '../messages/errors';
import type { AccountData, OtpParams } from '../otp/account';
import { serializeOtpauthUri } from '../otp/uri';
import { siteOf } from '../sites/site';
import { usedMarksFrom } from '../tokens/view';
import { assertStrongEnough } from '../vault/passphrase';
import { assertPlainExportAllowed } from '../policy/context';
import { buildContent, readContent, type VaultSnapshot } from '../backup/content';
import { decideReminder, fingerprint, isReminderState, NO_REMINDER_STATE, REMINDER_RECORD, type ReminderState, type SyncHealth } from '../backup/reminder';
import { AccountIndex, planRestore, previewEntries, type LocalState } from '../backup/restore';
import { planMigrationBatches } from '../export/migration-encode';
import { addAccounts, loadAccounts } from './accounts';
import { serialized } from './mutex';
import { optStr, str } from './router';
import type { ApiContext, Message, Result } from './types';

// ---- reading the message --------------------------------------------------------------------

/** base64 of MAX_IMPORT_FILE_BYTES, plus room for line breaks some encoders add. */
const MAX_DATA_CHARS = Math.ceil(MAX_IMPORT_FILE_BYTES / 3) * 4 + 64 * 1024;

/** The file's bytes from `data` (standard base64; padding and white space tolerated). */
export function fileBytes(msg: Message): Uint8Array {
  str(msg, 'name');
  const data = str(msg, 'data');
  if (data.length > MAX_DATA_CHARS) throw new TesseraError('too-large');
  const clean = data.replace(/\s+/g, '').replace(/=+$/, '');
  if (!/^[A-Za-z0-9+/]*$/.test(clean) || clean.length % 4 === 1) throw new TesseraError('bad-input', t('backup.bad-base64'));
  const bin = atob(clean + '='.repeat((4 - (clean.length % 4)) % 4));
  if (bin.length > MAX_IMPORT_FILE_BYTES) throw new TesseraError('too-large');
  const bytes = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  return bytes;
}

function siteField(msg: Message): string[] {
  const raw = optStr(msg, 'site');
  if (raw === undefined || raw.trim() === '') return [];
  const site = siteOf(raw);
  if (!site) throw new TesseraError('bad-input', t('error.input.site', raw.slice(0, 80)));
  return [site];
}

/** `keep`: 1-based indices of the preview's `entries`; absent means all. */
function keepField(msg: Message): Set<number> | undefined {
  if (msg.keep === undefined || msg.keep === null) return undefined;
  if (!Array.isArray(msg.keep) || !msg.keep.every((n) => Number.isSafeInteger(n) && n >= 1)) throw new TesseraError('bad-input', t('error.input.list', 'keep'));
  return new Set(msg.keep as number[]);
}

// ---- the vault as the backup sees it --------------------------------------------------------

async function snapshot(ctx: ApiContext): Promise<VaultSnapshot> {
  const accounts = (await ctx.vault.read<AccountData>('account')).records
    .sort((a, b) => a.data.createdAt - b.data.createdAt || (a.id < b.id ? -1 : 1))
    .map((r) => ({ id: r.id, hlc: r.hlc, data: r.data }));
  const tokens = (await ctx.vault.read<{ accountId: string; value: string; addedAt: number }>('token')).records
    .sort((a, b) => a.data.addedAt - b.data.addedAt || (a.id < b.id ? -1 : 1))
    .map((r) => ({ id: r.id, data: r.data }));
  const used = usedMarksFrom((await ctx.vault.read<{ usedAt: number }>('used')).records);
  return { accounts, tokens, used };
}

async function localState(ctx: ApiContext): Promise<LocalState> {
  const s = await snapshot(ctx);
  const ids = new Set<string>([...s.accounts.map((a) => a.id), ...s.tokens.map((tk) => tk.id), ...[...s.used.keys()].map((id) => `used:${id}`)]);
  return { ...s, ids };
}

// ---- reading a file -------------------------------------------------------------------------

type Read =
  | { kind: 'backup'; content: ReturnType<typeof readContent> }
  | { kind: 'other'; file: FileImport };

async function readFile(bytes: Uint8Array, password: string | undefined): Promise<Read> {
  // The parsers, the backup format and their KDFs are deferred parts: loaded by the first import.
  const { isBackupFile, openBackup, parseImportFile } = await deferred();
  if (isBackupFile(bytes)) return { kind: 'backup', content: readContent(await openBackup(bytes, password)) };
  let file: FileImport;
  try {
    file = await parseImportFile(bytes, { password });
  } catch (e) {
    // A parser must throw typed errors; anything else is a file it could not make sense of.
    if (e instanceof TesseraError) throw e;
    throw new TesseraError('bad-file', t('error.bad-file', t('backup.where.unknown')));
  }
  return { kind: 'other', file };
}

/** `import.preview`: what `accounts.importFile` would add, without writing anything. */
export async function previewFile(msg: Message, ctx: ApiContext): Promise<Result> {
  const bytes = fileBytes(msg);
  const read = await readFile(bytes, optStr(msg, 'password'));
  if (read.kind === 'backup') {
    const local = await localState(ctx);
    return { format: 'tessera-backup', encrypted: true, entries: previewEntries(read.content, local), errors: read.content.errors };
  }
  // Duplicates of accounts here, and of entries earlier in the file (both skipped on import).
  const index = new AccountIndex((await loadAccounts(ctx)).filter((r) => r.data.type !== 'tokens'));
  const entries = read.file.items.map((item, i) => {
    const p = item.params;
    const asRecord = { id: `file:${i}`, hlc: '', data: { ...p, window: 1, sites: [], createdAt: 0 } };
    const duplicate = index.match(asRecord) !== undefined;
    index.add(asRecord);
    return { index: i + 1, line: item.line, type: p.type, issuer: p.issuer, label: p.label, duplicate, tokens: 0 };
  });
  return { format: read.file.format, encrypted: read.file.encrypted, entries, errors: read.file.errors };
}

/** `accounts.importFile`. */
export async function importFile(msg: Message, ctx: ApiContext): Promise<Result> {
  const bytes = fileBytes(msg);
  const sites = siteField(msg);
  const keep = keepField(msg);
  const read = await readFile(bytes, optStr(msg, 'password'));
  if (read.kind === 'other') {
    const items = keep ? read.file.items.filter((_, i) => keep.has(i + 1)) : read.file.items;
    const { added, duplicates } = await addAccounts(ctx, items, sites);
    return { format: read.file.format as FileFormat, added, duplicates, errors: read.file.errors };
  }
  const content = read.content;
  return serialized(async () => {
    const plan = planRestore(content, await localState(ctx), { keep, sites, newId: randomId });
    if (plan.put.length) {
      await ctx.vault.commit({ put: plan.put });
      ctx.onChange?.();
    }
    return {
      format: 'tessera-backup' as FileFormat,
      added: plan.added,
      duplicates: plan.duplicates,
      errors: plan.errors,
      updated: plan.updated,
      tokensAdded: plan.tokensAdded,
      marksAdded: plan.marksAdded,
    };
  });
}

// ---- exports --------------------------------------------------------------------------------

function paramsOf(data: AccountData): OtpParams {
  const { type, secret, issuer, label, algorithm, digits, period, counter, extra } = data;
  return { type: type as OtpParams['type'], secret, issuer, label, algorithm, digits, period, counter, extra };
}

/** `accounts.export`. */
export async function exportAccounts(msg: Message, ctx: ApiContext): Promise<Result> {
  const format = str(msg, 'format');
  if (format !== 'otpauth' && format !== 'migration') throw new TesseraError('bad-input', t('backup.bad-export-format'));
  const passphrase = str(msg, 'passphrase');
  // Both formats hand out seeds in clear (links, or QR codes a camera reads): an organisation
  // that forbids plain exports forbids both (docs/policy.md, allowPlainExport).
  await assertPlainExportAllowed(ctx);
  let ids: string[] | undefined;
  if (msg.ids !== undefined) {
    if (!Array.isArray(msg.ids) || !msg.ids.every((x) => typeof x === 'string')) throw new TesseraError('bad-input', t('error.input.list', 'ids'));
    ids = msg.ids as string[];
  }
  // The passphrase typed again: unlocking the open vault with it changes nothing when it is
  // right (the same key) and answers `bad-passphrase` when it is not.
  await ctx.vault.unlock(passphrase);
  const all = (await snapshot(ctx)).accounts.filter((a) => a.data.type !== 'tokens');
  let chosen = all;
  if (ids) {
    const byId = new Map(all.map((a) => [a.id, a]));
    const missing = ids.find((id) => !byId.has(id));
    if (missing !== undefined) throw new TesseraError('not-found', t('backup.export-not-found', missing.slice(0, 64)));
    chosen = [...new Set(ids)].map((id) => byId.get(id)!);
  }
  if (format === 'otpauth') {
    return { text: chosen.map((a) => serializeOtpauthUri(paramsOf(a.data))).join('\n') + (chosen.length ? '\n' : '') };
  }
  const plan = planMigrationBatches(chosen, (a) => paramsOf(a.data));
  return {
    uris: plan.uris,
    // Beyond the contract: which accounts each code holds, and those the format cannot hold.
    batches: plan.batches.map((b) => b.map((a) => ({ id: a.id, issuer: a.data.issuer, label: a.data.label }))),
    skipped: plan.skipped.map((s) => ({ id: s.item.id, issuer: s.item.data.issuer, label: s.item.data.label, code: s.code, message: t(`backup.skip.${s.code}`) })),
  };
}

// ---- backup ---------------------------------------------------------------------------------

async function reminderState(ctx: ApiContext): Promise<ReminderState> {
  const rec = await ctx.vault.get<ReminderState>(REMINDER_RECORD);
  return rec && isReminderState(rec.data) ? rec.data : { ...NO_REMINDER_STATE };
}

async function saveReminderState(ctx: ApiContext, state: ReminderState): Promise<void> {
  // A `local` record: sealed, never synced (each device reminds about its own backups).
  await ctx.vault.commit({ put: [{ id: REMINDER_RECORD, kind: 'local', data: state }] });
}

export function backupFilename(now: number): string {
  const d = new Date(now).toISOString(); // 2026-12-05T07:54:44.000Z
  return `tessera-backup-${d.slice(0, 10)}-${d.slice(11, 13)}${d.slice(14, 16)}.json`;
}

/** `backup.export`. */
export async function exportBackup(msg: Message, ctx: ApiContext): Promise<Result> {
  const password = str(msg, 'password');
  assertStrongEnough(password);
  const snap = await snapshot(ctx);
  const now = ctx.now();
  const bytes = await (await deferred()).sealBackup(buildContent(snap, now), password);
  await serialized(async () => saveReminderState(ctx, { ...(await reminderState(ctx)), lastBackupAt: now, backedUp: fingerprint(snap) }));
  return { filename: backupFilename(now), data: toBase64(bytes) };
}

async function syncHealth(ctx: ApiContext): Promise<SyncHealth | null> {
  const sync = ctx.services?.sync as { status(): Promise<SyncHealth> } | undefined;
  if (!sync) return null;
  try {
    return await sync.status();
  } catch {
    return null;
  }
}

/** `backup.status`: whether to remind the user to back up, and when they last did. */
export async function backupStatus(_msg: Message, ctx: ApiContext): Promise<Result> {
  const snap = await snapshot(ctx);
  const empty = snap.accounts.length === 0;
  return { ...decideReminder(await reminderState(ctx), fingerprint(snap), empty, await syncHealth(ctx)) };
}

/** `backup.dismiss`: no reminder until the accounts or tokens change again. */
export async function dismissReminder(_msg: Message, ctx: ApiContext): Promise<Result> {
  const print = fingerprint(await snapshot(ctx));
  await serialized(async () => saveReminderState(ctx, { ...(await reminderState(ctx)), dismissed: print }));
  return {};
}
