// User-visible text of lib/vault and its UI (English and Japanese).
export default {
  en: {
    'vault.quota': 'This device’s storage is full, so the change was not saved. Nothing was written.',
    'vault.used-final': 'A used emergency token stays used: its mark cannot be changed or removed.',
    'vault.bad-change': 'This change cannot be saved: a record id or kind is missing, repeated or not valid.',
    'vault.bad-header': 'The vault header is damaged or comes from a newer version of Tessera.',
    'vault.bad-remote': 'A synced record is malformed and was not stored: {0}.',
  } as Record<string, string>,
  ja: {
    'vault.quota': 'この端末のストレージがいっぱいのため、変更を保存できませんでした。何も書き込んでいません。',
    'vault.used-final': '使用済みの緊急用トークンは使用済みのままです。この印は変更も削除もできません。',
    'vault.bad-change': 'この変更は保存できません。レコードの ID または種類が欠けているか、重複しているか、正しくありません。',
    'vault.bad-header': '保管庫のヘッダーが壊れているか、より新しいバージョンの Tessera で作られています。',
    'vault.bad-remote': '同期されたレコードの形式が正しくないため、保存しませんでした: {0}。',
  } as Record<string, string>,
};
