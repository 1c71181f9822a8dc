// A countdown ring: the share of the current step still left (decorative; the row says when the
// code ends). It animates in CSS only (components/popup/popup.css), with animations the browser
// runs off the main thread (transform and opacity): two half-ring covers in the track colour turn
// over the accent ring — the right one in the first half of the step, the left one in the second —
// and a warning-coloured ring fades in for the last 5 s. Each animation starts as far in as the
// step already is (a negative animation-delay; lib/ui/window.ts ringDelay), so a popup of 1,000
// accounts runs no script and no style work per frame between two time steps.
export function CodeRing({ period, delay }: { period: number; delay: number }) {
  const half = period / 2;
  return (
    <span class="ring" aria-hidden="true">
      <span class="ring-full" />
      <span class="ring-full ring-warn" style={{ animationDelay: `${period - 5 + delay}s` }} />
      <span class="ring-clip ring-right"><span class="ring-cover" style={{ animationDuration: `${half}s`, animationDelay: `${delay}s` }} /></span>
      <span class="ring-clip ring-left"><span class="ring-cover" style={{ animationDuration: `${half}s`, animationDelay: `${half + delay}s` }} /></span>
    </span>
  );
}
