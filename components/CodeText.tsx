// The code shown in a popup row, masked when the user turned on "hide codes until clicked"
// (issue 14, Settings.hideCodes). The element keeps the stable hook `data-code="<digits>"`
// (shared/automation-api.md, "Stable hooks") whether masked or not; only its visible text changes.
// Activating the row (click, Enter or Space: the row's own keys) shows the digits for
// REVEAL_MS, then they are masked again. The row's own action (copy or fill) still runs.
import { createContext } from 'preact';
import { useContext, useEffect, useRef, useState } from 'preact/hooks';
import { t } from '../lib/i18n/i18n';
import { groupDigits } from '../lib/ui/format';

/** How long a revealed code stays visible. */
export const REVEAL_MS = 10_000;
/** Six dots whatever the code's length, so the mask does not tell the length either. */
export const MASK = '••••••';

/** Whether codes start masked; the popup provides it from settings.get's `hideCodes`. */
export const HideCodes = createContext(false);

export function CodeText({ code }: { code: string }) {
  const hide = useContext(HideCodes);
  const [revealedAt, setRevealedAt] = useState(0);
  const ref = useRef<HTMLSpanElement>(null);
  useEffect(() => {
    const el = ref.current;
    if (!hide || !el) return;
    // The row (its nearest account element) is what the user clicks or presses Enter on.
    const target = el.closest('[data-account-id]') ?? el;
    const reveal = (e: Event) => {
      if (e instanceof KeyboardEvent && e.key !== 'Enter' && e.key !== ' ') return;
      setRevealedAt(Date.now());
    };
    target.addEventListener('click', reveal);
    target.addEventListener('keydown', reveal);
    return () => {
      target.removeEventListener('click', reveal);
      target.removeEventListener('keydown', reveal);
    };
  }, [hide]);
  useEffect(() => {
    if (!revealedAt) return;
    const id = setTimeout(() => setRevealedAt(0), REVEAL_MS);
    return () => clearTimeout(id);
  }, [revealedAt]);
  const masked = hide && !revealedAt;
  return (
    <span ref={ref} class={code.length > 6 ? 'code long' : 'code'} data-code={code} data-masked={masked ? 'true' : undefined}>
      {masked ? (
        <>
          <span aria-hidden="true">{MASK}</span>
          <span class="sr-only">{t('polish.codeHidden')}</span>
        </>
      ) : groupDigits(code)}
    </span>
  );
}
