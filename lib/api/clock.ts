// clock.status and corrected time (issue 15; shared/automation-api.md `clock.status`, docs/clock.md).
// The estimate comes from `ctx.services.clock` (lib/platform/clock.ts in the extension, a fake in
// unit tests); whether codes use it follows the `clockCorrection` setting (lib/clock/estimator.ts
// shouldCorrect). Without a clock service nothing is corrected.
import { shouldCorrect, type ClockEstimate } from '../clock/estimator';
import type { AnswerFields } from './contract';
import type { ApiContext, Message } from './types';

/** What the background's clock observer offers handlers. */
export interface ClockPort {
  /** The current estimate (from memory, or the last one kept), or null while unknown. */
  estimate(): Promise<ClockEstimate | null>;
}

export interface ClockView {
  estimate: ClockEstimate | null;
  correcting: boolean;
  /** Milliseconds to subtract from the device clock to get the time codes use (0 when not correcting). */
  shiftMs: number;
}

export async function clockView(ctx: ApiContext): Promise<ClockView> {
  const port = ctx.services?.clock as ClockPort | undefined;
  const estimate = port ? await port.estimate() : null;
  if (!estimate) return { estimate: null, correcting: false, shiftMs: 0 };
  const s = await ctx.settings.get();
  const correcting = shouldCorrect(estimate, s.clockCorrectionChosen ? s.clockCorrection : null);
  return { estimate, correcting, shiftMs: correcting ? estimate.offsetMs : 0 };
}

/** The time codes are computed on: the device clock, corrected when correction is on. */
export async function codeNow(ctx: ApiContext): Promise<{ now: number; shiftMs: number }> {
  const v = await clockView(ctx);
  return { now: ctx.now() - v.shiftMs, shiftMs: v.shiftMs };
}

/** clock.status (contract). */
export async function clockStatus(_msg: Message, ctx: ApiContext): Promise<AnswerFields<'clock.status'>> {
  const v = await clockView(ctx);
  return { offsetMs: v.estimate?.offsetMs ?? null, samples: v.estimate?.samples ?? 0, checkedAt: v.estimate?.checkedAt ?? null, correcting: v.correcting };
}
