// The options page's "Codes sent by email" section (issue 15, setting `emailCodes`): turn the
// feature on and name the webmail sites whose open tabs may be read. Known webmail first, any
// other site by address. An organisation's policy may turn it off or fix the sites (shown disabled).
import { useEffect, useState } from 'preact/hooks';
import { t } from '../../lib/i18n/i18n';
import { send } from '../../lib/messages/client';
import { siteOf } from '../../lib/sites/site';

interface EmailCodes { enabled: boolean; mailboxes: string[] }

/** Webmail the user can tick, by name, with the site their tabs belong to. */
export const KNOWN_MAILBOXES: Array<{ name: string; site: string }> = [
  { name: 'Gmail', site: 'google.com' },
  { name: 'Outlook on the web', site: 'office.com' },
  { name: 'Outlook.com', site: 'live.com' },
  { name: 'Yahoo! JAPAN メール', site: 'yahoo.co.jp' },
  { name: 'Fastmail', site: 'fastmail.com' },
  { name: 'Proton Mail', site: 'proton.me' },
];

export function EmailCodesSettings() {
  const [value, setValue] = useState<EmailCodes | null>(null);
  const [managed, setManaged] = useState(false);
  const [other, setOther] = useState('');
  const [status, setStatus] = useState('');
  useEffect(() => {
    void send<{ settings: { emailCodes: EmailCodes }; managed?: string[] }>({ type: 'settings.get' }).then((a) => {
      if (!a.ok) return;
      setValue(a.settings.emailCodes);
      setManaged((a.managed ?? []).includes('emailCodes'));
    });
  }, []);
  if (!value) return null;
  const save = async (next: EmailCodes) => {
    const a = await send<{ settings: { emailCodes: EmailCodes } }>({ type: 'settings.set', settings: { emailCodes: next } });
    if (a.ok) {
      setValue(a.settings.emailCodes);
      setStatus(t('email.saved'));
    } else setStatus(a.error.message);
  };
  const toggle = (site: string, on: boolean) => save({ ...value, mailboxes: on ? [...value.mailboxes, site] : value.mailboxes.filter((m) => m !== site) });
  const add = (e: Event) => {
    e.preventDefault();
    const site = siteOf(other);
    if (!site) return setStatus(t('email.invalid', other));
    setOther('');
    if (!value.mailboxes.includes(site)) void save({ ...value, mailboxes: [...value.mailboxes, site] });
  };
  const known = new Set(KNOWN_MAILBOXES.map((k) => k.site));
  const others = value.mailboxes.filter((m) => !known.has(m));
  return (
    <div class="stack" data-email-codes>
      <label class="row">
        <input type="checkbox" name="emailCodesEnabled" checked={value.enabled} disabled={managed} onChange={(e) => void save({ ...value, enabled: e.currentTarget.checked })} />
        <span>{t('email.enable')}</span>
      </label>
      <p class="muted">{t('email.explain')}</p>
      {managed && <p class="muted" data-managed-reason="emailCodes">{t('policy.byOrg')}</p>}
      <fieldset disabled={managed}>
        <legend>{t('email.mailboxes')}</legend>
        {KNOWN_MAILBOXES.map((k) => (
          <label class="row" key={k.site}>
            <input type="checkbox" name={`mailbox-${k.site}`} checked={value.mailboxes.includes(k.site)} onChange={(e) => void toggle(k.site, e.currentTarget.checked)} />
            <span>{k.name} <span class="muted">({k.site})</span></span>
          </label>
        ))}
        {others.map((m) => (
          <div class="row" key={m}>
            <span>{m}</span>
            <button type="button" onClick={() => void toggle(m, false)} aria-label={t('email.remove', m)}>×</button>
          </div>
        ))}
        <form class="row" onSubmit={add}>
          <label class="grow"><span class="sr-only">{t('email.other')}</span>
            <input name="mailboxOther" placeholder={t('email.other')} value={other} onInput={(e) => setOther(e.currentTarget.value)} />
          </label>
          <button type="submit">{t('email.add')}</button>
        </form>
      </fieldset>
      <p role="status" class="muted">{status}</p>
    </div>
  );
}
