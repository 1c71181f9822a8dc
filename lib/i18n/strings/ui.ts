// UI strings for the popup and options page.
export default {
  en: {} as Record<string, string>,
  ja: {} as Record<string, string>,
};
