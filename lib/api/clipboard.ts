// After a page copies a code or token, the background clears the clipboard later if it still
// holds that value (issue 2; lib/platform/clipboard.ts does the browser side).
import type { ApiContext } from './types';

export interface ClipboardService {
  scheduleClear(value: string, seconds: number): Promise<void>;
}

/** Best effort: a failure here must never cost the user the code or token just handed out. */
export async function clearClipboardLater(ctx: ApiContext, value: string): Promise<void> {
  const clipboard = ctx.services?.clipboard as ClipboardService | undefined;
  try {
    await clipboard?.scheduleClear(value, (await ctx.settings.get()).clipboardClearSeconds);
  } catch {
    // The clipboard simply stays as it is.
  }
}
