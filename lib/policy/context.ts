// The policy as API handlers reach it: `ctx.services.policy` (a PolicySource) in the extension,
// absent in unit tests that do not care (then nothing is managed). Features wire their checks
// through these helpers, e.g. accounts.export: `await assertPlainExportAllowed(ctx)`.
import type { ApiContext } from '../api/types';
import { t } from '../i18n/i18n';
import { TesseraError } from '../messages/errors';
import { allowPlainExport, emailCodesPolicy, type Policy } from './policy';
import type { PolicySource } from './source';

export function policySourceOf(ctx: ApiContext): PolicySource | undefined {
  return ctx.services?.policy as PolicySource | undefined;
}

/** The policy now (read afresh); {} when there is none. */
export async function policyOf(ctx: ApiContext): Promise<Policy> {
  return (await policySourceOf(ctx)?.load()) ?? {};
}

/** For accounts.export with format "otpauth" (issue 12): throws `managed` when the policy forbids plain exports. */
export async function assertPlainExportAllowed(ctx: ApiContext): Promise<void> {
  if (!allowPlainExport(await policyOf(ctx))) throw new TesseraError('managed', t('policy.plainExport'));
}

/** For the email-code reader (not built yet): whether it may run, and the mailboxes the policy fixes. */
export async function emailCodesPolicyOf(ctx: ApiContext): Promise<{ allowed: boolean; mailboxes: string[] | null }> {
  return emailCodesPolicy(await policyOf(ctx));
}
