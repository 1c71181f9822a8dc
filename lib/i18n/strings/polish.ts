// User-visible text of issue 14's polish (hidden codes, the options page navigation, icons'
// accessible names), in English and Japanese.
export default {
  en: {
    'polish.codeHidden': 'Code hidden: press Enter to show it',
    'polish.hideCodes': 'Hide codes in the popup until I click one',
    'polish.hideCodesHelp': 'A clicked code shows for 10 seconds. Copying and filling still work.',
    'polish.nav': 'Sections',
    'polish.nav.accounts': 'Accounts',
    'polish.nav.add': 'Add',
    'polish.nav.backup': 'Import & backup',
    'polish.nav.tokens': 'Emergency tokens',
    'polish.nav.sync': 'Sync',
    'polish.nav.settings': 'Settings',
  },
  ja: {
    'polish.codeHidden': 'コードは非表示です。Enter キーで表示します',
    'polish.hideCodes': 'ポップアップのコードをクリックするまで隠す',
    'polish.hideCodesHelp': 'クリックしたコードは 10 秒間表示されます。コピーと自動入力はそのまま使えます。',
    'polish.nav': 'セクション',
    'polish.nav.accounts': 'アカウント',
    'polish.nav.add': '追加',
    'polish.nav.backup': 'インポートとバックアップ',
    'polish.nav.tokens': '緊急用トークン',
    'polish.nav.sync': '同期',
    'polish.nav.settings': '設定',
  },
};
