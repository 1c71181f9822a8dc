// The popup's offer of a code read from e-mail (issue 15): when the active tab's code field asks
// for an e-mailed code and an open mailbox tab has a recent one, shows it ("from email, 2 min ago")
// with a button that fills it (autofill.fill picks the same code).
import { useEffect, useState } from 'preact/hooks';
import { emailAge } from '../../lib/clock/format';
import { t } from '../../lib/i18n/i18n';
import { send } from '../../lib/messages/client';

/** `tabId`: the tab the popup was opened over (the popup has read it once already). */
export function EmailCodeOffer({ tabId }: { tabId: number | undefined }) {
  const [offer, setOffer] = useState<{ code: string; receivedAt: number; tabId: number } | null>(null);
  const [status, setStatus] = useState('');
  useEffect(() => {
    if (tabId === undefined) return;
    void send<{ code: string | null; receivedAt: number | null }>({ type: 'email.offer', tabId }).then((a) => {
      if (a.ok && a.code && a.receivedAt !== null) setOffer({ code: a.code, receivedAt: a.receivedAt, tabId });
    });
  }, [tabId]);
  if (!offer) return null;
  const fill = async () => {
    const a = await send<{ filled: boolean }>({ type: 'autofill.fill', tabId: offer.tabId });
    setStatus(a.ok ? t(a.filled ? 'ui.popup.filled' : 'ui.popup.copied') : a.error.message);
  };
  return (
    <section class="notice" aria-label={t('email.offer')} data-email-offer={offer.code}>
      <div class="row">
        <code class="code">{offer.code}</code>
        <span class="muted">{emailAge(offer.receivedAt, Date.now())}</span>
        <button type="button" onClick={fill}>{t('email.fill', offer.code)}</button>
      </div>
      {status && <p role="status" class="muted">{status}</p>}
    </section>
  );
}
