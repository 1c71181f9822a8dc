// User-visible text of lib/qr and its UI (English and Japanese).
export default {
  en: {} as Record<string, string>,
  ja: {} as Record<string, string>,
};
