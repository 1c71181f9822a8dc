// User-visible text of lib/qr and its UI (English and Japanese).
export default {
  en: {
    'qr.region.hint': 'Drag over the QR code. Or use the arrow keys to move the box, Shift + arrows to resize it, Enter to read it. Esc cancels.',
    'qr.region.label': 'Area to read',
    'qr.kind.otpauth': 'Authenticator account',
    'qr.kind.migration': 'Google Authenticator export',
    'qr.kind.other': 'This QR code is not a 2-step verification code (it holds something else, such as a web link), so nothing was added.',
    'qr.batch': 'Batch {0} of {1}',
    'qr.batchMissing': 'Still missing from this export: batch {0}.',
    'qr.nothingFound': 'No QR code was found on this page. Try “Select an area”, or paste or drop a screenshot on the options page.',
    'qr.unreadableImage': 'This file could not be read as an image.',
  } as Record<string, string>,
  ja: {
    'qr.region.hint': 'QR コードの上をドラッグしてください。矢印キーで枠を移動、Shift + 矢印キーで大きさを変更、Enter で読み取ります。Esc で取り消します。',
    'qr.region.label': '読み取る範囲',
    'qr.kind.otpauth': '認証アプリのアカウント',
    'qr.kind.migration': 'Google Authenticator のエクスポート',
    'qr.kind.other': 'この QR コードは 2 段階認証用のコードではありません(Web リンクなど別の内容です)。何も追加していません。',
    'qr.batch': 'バッチ {0} / {1}',
    'qr.batchMissing': 'このエクスポートでまだ読み取っていないバッチ: {0}。',
    'qr.nothingFound': 'このページに QR コードが見つかりませんでした。「範囲を選択」を使うか、オプションページでスクリーンショットを貼り付けるかドロップしてください。',
    'qr.unreadableImage': 'このファイルは画像として読み取れませんでした。',
  } as Record<string, string>,
};
