// User settings that identify nothing (auto-lock minutes, clipboard clearing, automatic fill,
// the low-token threshold), kept in clear in storage.local; validated on every write.
export interface Settings {
  autoLockMinutes: number;
  /** Seconds after which a copied code is cleared from the clipboard (0: never). */
  clipboardClearSeconds: number;
  /** Fill automatically when exactly one bound account matches (off by default, issue 4). */
  autoFill: boolean;
  /** Warn when this many emergency tokens or fewer remain (issue 5). */
  lowTokenThreshold: number;
  /** Show codes as •••••• in the popup until the user clicks or presses Enter on one (issue 14). */
  hideCodes: boolean;
}

export const DEFAULT_SETTINGS: Settings = {
  autoLockMinutes: 15,
  clipboardClearSeconds: 30,
  autoFill: false,
  lowTokenThreshold: 2,
  hideCodes: false,
};

const clampInt = (v: unknown, min: number, max: number, fallback: number): number =>
  typeof v === 'number' && Number.isFinite(v) ? Math.min(max, Math.max(min, Math.round(v))) : fallback;

/** Merges a patch into settings, clamping numbers into their ranges and ignoring unknown keys. */
export function applySettings(current: Settings, patch: Record<string, unknown>): Settings {
  return {
    autoLockMinutes: clampInt(patch.autoLockMinutes ?? current.autoLockMinutes, 1, 1440, current.autoLockMinutes),
    clipboardClearSeconds: clampInt(patch.clipboardClearSeconds ?? current.clipboardClearSeconds, 0, 600, current.clipboardClearSeconds),
    autoFill: typeof patch.autoFill === 'boolean' ? patch.autoFill : current.autoFill,
    lowTokenThreshold: clampInt(patch.lowTokenThreshold ?? current.lowTokenThreshold, 0, 50, current.lowTokenThreshold),
    hideCodes: typeof patch.hideCodes === 'boolean' ? patch.hideCodes : current.hideCodes,
  };
}
