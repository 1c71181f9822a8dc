// After a page copies a code or token, the background clears the clipboard later if it still
// holds that value (issue 2; lib/platform/clipboard.ts does the browser side).
import type { ApiContext } from './types';

export interface ClipboardService {
  scheduleClear(value: string, seconds: number): Promise<void>;
}

export async function clearClipboardLater(ctx: ApiContext, value: string): Promise<void> {
  const clipboard = ctx.services?.clipboard as ClipboardService | undefined;
  await clipboard?.scheduleClear(value, (await ctx.settings.get()).clipboardClearSeconds);
}
