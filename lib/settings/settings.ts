// User settings that identify nothing (auto-lock minutes, clipboard clearing, automatic fill,
// the low-token threshold, clock correction, which webmail sites may be read for codes), kept in clear in storage.local; validated on every write.
import { siteOf } from '../sites/site';

export interface Settings {
  autoLockMinutes: number;
  /** Seconds after which a copied code is cleared from the clipboard (0: never). */
  clipboardClearSeconds: number;
  /** Fill automatically when exactly one bound account matches (off by default, issue 4). */
  autoFill: boolean;
  /** Warn when this many emergency tokens or fewer remain (issue 5). */
  lowTokenThreshold: number;
  /** Compute codes on corrected time (issue 15, docs/clock.md); see clockCorrectionChosen. */
  clockCorrection: boolean;
  /** Whether the user set clockCorrection; until then it follows the estimate (lib/clock/estimator.ts shouldCorrect). */
  clockCorrectionChosen: boolean;
  /** Codes read from open webmail tabs (issue 15, docs/email-codes.md): off by default. */
  emailCodes: { enabled: boolean; mailboxes: string[] };
  /** Show codes as •••••• in the popup until the user clicks or presses Enter on one (issue 14). */
  hideCodes: boolean;
}

export const DEFAULT_SETTINGS: Settings = {
  autoLockMinutes: 15,
  clipboardClearSeconds: 30,
  autoFill: false,
  lowTokenThreshold: 2,
  clockCorrection: false,
  clockCorrectionChosen: false,
  emailCodes: { enabled: false, mailboxes: [] },
  hideCodes: false,
};

/** Mailbox sites at most (the policy's own cap is alike). */
export const MAX_MAILBOXES = 20;

/** emailCodes from a patch: `enabled` a boolean, mailboxes normalised to sites; else the current value. */
function emailCodesOf(v: unknown, current: Settings['emailCodes']): Settings['emailCodes'] {
  if (!v || typeof v !== 'object') return current;
  const o = v as { enabled?: unknown; mailboxes?: unknown };
  const enabled = typeof o.enabled === 'boolean' ? o.enabled : current.enabled;
  const list = Array.isArray(o.mailboxes) ? o.mailboxes.filter((x): x is string => typeof x === 'string') : current.mailboxes;
  const mailboxes = [...new Set(list.map((x) => siteOf(x)).filter((x): x is string => x !== null))].slice(0, MAX_MAILBOXES);
  return { enabled, mailboxes };
}

const clampInt = (v: unknown, min: number, max: number, fallback: number): number =>
  typeof v === 'number' && Number.isFinite(v) ? Math.min(max, Math.max(min, Math.round(v))) : fallback;

/** Merges a patch into settings, clamping numbers into their ranges and ignoring unknown keys. */
export function applySettings(current: Settings, patch: Record<string, unknown>): Settings {
  return {
    autoLockMinutes: clampInt(patch.autoLockMinutes ?? current.autoLockMinutes, 1, 1440, current.autoLockMinutes),
    clipboardClearSeconds: clampInt(patch.clipboardClearSeconds ?? current.clipboardClearSeconds, 0, 600, current.clipboardClearSeconds),
    autoFill: typeof patch.autoFill === 'boolean' ? patch.autoFill : current.autoFill,
    lowTokenThreshold: clampInt(patch.lowTokenThreshold ?? current.lowTokenThreshold, 0, 50, current.lowTokenThreshold),
    clockCorrection: typeof patch.clockCorrection === 'boolean' ? patch.clockCorrection : current.clockCorrection ?? false,
    clockCorrectionChosen: typeof patch.clockCorrection === 'boolean' ? true : typeof patch.clockCorrectionChosen === 'boolean' ? patch.clockCorrectionChosen : current.clockCorrectionChosen ?? false,
    emailCodes: emailCodesOf(patch.emailCodes, current.emailCodes ?? DEFAULT_SETTINGS.emailCodes),
    hideCodes: typeof patch.hideCodes === 'boolean' ? patch.hideCodes : current.hideCodes ?? false,
  };
}
