// User-visible text of lib/sites and its UI (English and Japanese).
export default {
  en: {} as Record<string, string>,
  ja: {} as Record<string, string>,
};
