// User-visible text of lib/autofill and its UI (English and Japanese). The content script itself
// bundles no dictionary: its chip reads public/_locales through browser.i18n (keys chipTitle and,
// when added, chipPick); these strings serve the extension pages and the background.
export default {
  en: {
    'autofill.chipTitle': 'Fill the one-time code with Tessera',
    'autofill.pickTitle': 'Choose the account to fill',
    'autofill.autoFill': 'Fill automatically when exactly one account bound to the site matches',
    'autofill.autoFillHint': 'Off by default. Tessera never fills a site that no account is bound to, and never a frame of another site.',
    'autofill.filled': 'Code filled.',
    'autofill.notTaken': 'The code was written, but the page did not keep it. Copy it instead.',
    'autofill.confirm.text': '{0} is not bound to {1}',
    'autofill.confirm.hint': 'Fill it only if this page really belongs to {0}: a look-alike site would receive the code.',
    'autofill.confirm.fill': 'Fill anyway',
    'autofill.confirm.bind': 'Fill and bind to {0}',
    'autofill.confirm.cancel': 'Cancel',
    'autofill.copiedInstead': '{0} The code was copied instead.',
  } as Record<string, string>,
  ja: {
    'autofill.chipTitle': 'Tessera でワンタイムコードを入力',
    'autofill.pickTitle': '入力するアカウントを選択',
    'autofill.autoFill': 'サイトに紐付いたアカウントが 1 つだけのときは自動で入力する',
    'autofill.autoFillHint': '初期設定はオフです。アカウントが紐付いていないサイトや、別サイトのフレームには入力しません。',
    'autofill.filled': 'コードを入力しました。',
    'autofill.notTaken': 'コードを書き込みましたが、ページに受け付けられませんでした。コピーして貼り付けてください。',
    'autofill.confirm.text': '{0} は {1} に紐付いていません',
    'autofill.confirm.hint': 'このページが本当に {0} のものである場合だけ入力してください。よく似た別のサイトだと、コードがそのサイトに渡ります。',
    'autofill.confirm.fill': 'このまま入力',
    'autofill.confirm.bind': '入力して {0} に紐付ける',
    'autofill.confirm.cancel': 'キャンセル',
    'autofill.copiedInstead': '{0} 代わりにコードをコピーしました。',
  } as Record<string, string>,
};
