// The question the popup asks before filling an account into a site it is not bound to (issue 11
// point 3): on a look-alike such as bank-login.example, picking "Bank" must not write Bank's code
// silently. "Fill anyway" fills this once, "Fill and bind" adds the site to the account and fills,
// "Cancel" does nothing. An alert dialog: the first choice takes the focus, Tab moves between the
// three, Escape cancels.
import { useLayoutEffect, useRef } from 'preact/hooks';
import { t } from '../../lib/i18n/i18n';

export type FillChoice = 'fill' | 'bind' | 'cancel';

export function FillConfirm({ name, site, onChoose }: { name: string; site: string; onChoose(choice: FillChoice): void }) {
  const first = useRef<HTMLButtonElement>(null);
  // In the commit itself, not after paint: a key pressed as soon as the question shows must already
  // start from its first choice (Tab then reaches the second).
  useLayoutEffect(() => first.current?.focus(), []);
  const onKey = (e: KeyboardEvent) => {
    if (e.key !== 'Escape') return;
    e.preventDefault();
    e.stopPropagation();
    onChoose('cancel');
  };
  return (
    <div class="stack" role="alertdialog" aria-modal="true" aria-labelledby="fill-confirm-title" aria-describedby="fill-confirm-hint" onKeyDown={onKey} data-fill-confirm={site}>
      <h2 id="fill-confirm-title">{t('autofill.confirm.text', name, site)}</h2>
      <p id="fill-confirm-hint" class="muted">{t('autofill.confirm.hint', name)}</p>
      <button ref={first} type="button" onClick={() => onChoose('fill')}>{t('autofill.confirm.fill')}</button>
      <button type="button" onClick={() => onChoose('bind')}>{t('autofill.confirm.bind', site)}</button>
      <button type="button" class="primary" onClick={() => onChoose('cancel')}>{t('autofill.confirm.cancel')}</button>
    </div>
  );
}
