// E-mail codes (issue 15; shared/automation-api.md "Autofill and email codes", docs/email-codes.md):
// when the page's code field asks for a code sent by e-mail, the code is read from a message that
// arrived in the last 10 minutes in an already-open tab of one of the user's mailbox sites. Only
// when `emailCodes.enabled` (and the policy allows it: lib/policy/context.ts emailCodesPolicyOf,
// whose mailboxes replace the user's). Nothing read is kept: the code goes to the page and is gone.
import { t } from '../i18n/i18n';
import { TesseraError } from '../messages/errors';
import { pickMailCode, type MailCode, type MailItem } from '../email/detect';
import { emailCodesPolicyOf } from '../policy/context';
import type { ApiContext } from './types';

/** The browser side (lib/platform/mail.ts; a fake in unit tests). */
export interface MailPort {
  /** The messages shown in the open tabs of these sites (none open: []). */
  read(mailboxes: string[]): Promise<MailItem[]>;
}

/** The mailboxes to read, or null when e-mail codes are off (by the user or the policy). */
export async function mailboxesOf(ctx: ApiContext): Promise<string[] | null> {
  const s = await ctx.settings.get();
  const policy = await emailCodesPolicyOf(ctx);
  if (!policy.allowed || !s.emailCodes?.enabled) return null;
  return policy.mailboxes ?? s.emailCodes.mailboxes;
}

/** The e-mail code to offer now, or null (off, no mailbox tab, no recent message with a code). */
export async function findEmailCode(ctx: ApiContext): Promise<MailCode | null> {
  const mailboxes = await mailboxesOf(ctx);
  const port = ctx.services?.mail as MailPort | undefined;
  if (!mailboxes || mailboxes.length === 0 || !port) return null;
  return pickMailCode(await port.read(mailboxes), ctx.now());
}

/** As findEmailCode, but `no-email-code` when there is none. */
export async function requireEmailCode(ctx: ApiContext): Promise<MailCode> {
  const found = await findEmailCode(ctx);
  if (!found) throw new TesseraError('no-email-code', (await mailboxesOf(ctx)) ? undefined : t('email.off'));
  return found;
}
