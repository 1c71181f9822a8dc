// User-visible text of lib/import: where a damaged import file is damaged, and why an entry of
// another authenticator's file was left out (English and Japanese).
export default {
  en: {
    // Places in a file, used inside 'error.bad-file' ("This file is damaged: {0}.").
    'import.at.entry': 'entry {0}',
    'import.at.file': 'the file',
    'import.missing': '{0}: {1} missing',
    'import.wrongType': '{0}: {1} has the wrong type',
    'import.badValue': '{0}: {1} is not valid',
    'import.jsonEnds': 'JSON ends early at byte {0}',
    'import.jsonInvalid': 'JSON is not valid at byte {0}',
    'import.jsonInvalidSomewhere': 'JSON is not valid',
    'import.notText': 'it is not UTF-8 text',
    'import.cipherShort': 'the encrypted data is cut short',
    'import.kdfTooCostly': 'its key derivation ({0}) asks for more memory or time than Tessera allows',
    'import.unknownKey': '{0}: its key is not in the file',
    'import.noSlot': 'it has no password slot',
    // The formats listed by 'error.unsupported-format' ({0} there).
    'import.supportedFormats':
      'Tessera backup, Aegis, 2FAS, andOTP, Authenticator (browser extension), Bitwarden (.json), Ente Auth, Proton Authenticator / Proton Pass, FreeOTP+, LastPass Authenticator, Google Authenticator export links, lists of otpauth:// links',
    // Entries left out: {0} names the kind of account.
    'import.steam': 'Steam accounts are not supported',
    'import.unsupportedKind': '“{0}” accounts are not supported',
    'import.bitwardenEncrypted': 'This Bitwarden export is encrypted with your Bitwarden account’s key, which Tessera cannot use. Export again as “.json”, or as a password-protected “.json (Encrypted)”.',
  } as Record<string, string>,
  ja: {
    'import.at.entry': '{0} 番目の項目',
    'import.at.file': 'ファイル',
    'import.missing': '{0}: {1} がありません',
    'import.wrongType': '{0}: {1} の型が違います',
    'import.badValue': '{0}: {1} の値が正しくありません',
    'import.jsonEnds': 'JSON が {0} バイト目で途切れています',
    'import.jsonInvalid': 'JSON が {0} バイト目で正しくありません',
    'import.jsonInvalidSomewhere': 'JSON が正しくありません',
    'import.notText': 'UTF-8 のテキストではありません',
    'import.cipherShort': '暗号化されたデータが途中で切れています',
    'import.kdfTooCostly': '鍵導出の設定（{0}）が Tessera の許す上限を超えるメモリや時間を要求しています',
    'import.unknownKey': '{0}: その鍵がファイルにありません',
    'import.noSlot': 'パスワードのスロットがありません',
    'import.supportedFormats':
      'Tessera のバックアップ、Aegis、2FAS、andOTP、Authenticator（ブラウザー拡張機能）、Bitwarden（.json）、Ente Auth、Proton Authenticator / Proton Pass、FreeOTP+、LastPass Authenticator、Google Authenticator のエクスポート用リンク、otpauth:// リンクの一覧',
    'import.steam': 'Steam のアカウントには対応していません',
    'import.unsupportedKind': '「{0}」形式のアカウントには対応していません',
    'import.bitwardenEncrypted': 'この Bitwarden のエクスポートは Bitwarden アカウントの鍵で暗号化されていて、Tessera では読めません。「.json」か、パスワード保護付きの「.json (Encrypted)」で書き出し直してください。',
  } as Record<string, string>,
};
