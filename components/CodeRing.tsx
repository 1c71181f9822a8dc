// A countdown ring: the share of the current step still left (decorative; the text says it too).
export function CodeRing({ left, period }: { left: number; period: number }) {
  const r = 9;
  const c = 2 * Math.PI * r;
  const share = period > 0 ? Math.min(1, Math.max(0, left / period)) : 0;
  return (
    <svg class="ring" width="24" height="24" viewBox="0 0 24 24" aria-hidden="true">
      <circle cx="12" cy="12" r={r} fill="none" stroke="var(--line)" stroke-width="3" />
      <circle
        cx="12" cy="12" r={r} fill="none" stroke={left <= 5 ? 'var(--warn)' : 'var(--accent)'} stroke-width="3"
        stroke-dasharray={`${c * share} ${c}`} transform="rotate(-90 12 12)"
      />
    </svg>
  );
}
