// A countdown ring: the share of the current step still left (decorative; the text says when
// the code ends). It animates in CSS (components/popup/popup.css): the sweep runs for the
// step's period, started `delay` seconds in (a negative animation-delay), and turns to the
// warning colour for the last 5 s — so a popup of 1,000 accounts runs no script per frame.
export function CodeRing({ period, delay }: { period: number; delay: number }) {
  const r = 9;
  const c = 2 * Math.PI * r;
  const warnAt = period - 5 + delay;
  return (
    <svg class="ring" width="24" height="24" viewBox="0 0 24 24" aria-hidden="true">
      <circle cx="12" cy="12" r={r} fill="none" stroke="var(--line)" stroke-width="3" />
      <circle
        class="ring-sweep" cx="12" cy="12" r={r} fill="none" stroke-width="3" transform="rotate(-90 12 12)"
        style={{
          strokeDasharray: `${c} ${c}`,
          '--ring-c': `${c}`,
          animationDuration: `${period}s, 0.001s`,
          animationDelay: `${delay}s, ${warnAt}s`,
        }}
      />
    </svg>
  );
}
