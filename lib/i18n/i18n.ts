// User-visible text in English and Japanese.
// Each concern keeps its strings in lib/i18n/strings/<area>.ts as { en, ja } dictionaries
// so features add text without touching a shared file; `t()` picks the UI language (the
// user's first preferred language, navigator.languages, else the browser's UI language;
// "ja*" → Japanese, anything else → English) and fills {0}, {1}… placeholders.
import { strings } from './strings/index';

export type Lang = 'en' | 'ja';
export type Dictionary = Record<string, string>;

let current: Lang | undefined;

/**
 * The user's preferred languages (browser settings → Languages), else the browser's own UI
 * language (which Linux builds take from the environment and only in locales they ship).
 */
function uiLanguages(): readonly string[] {
  const preferred = globalThis.navigator?.languages ?? [];
  if (preferred.length) return preferred;
  const ext = (globalThis as { browser?: ExtI18n; chrome?: ExtI18n }).browser ?? (globalThis as { chrome?: ExtI18n }).chrome;
  const ui = ext?.i18n?.getUILanguage?.();
  return ui ? [ui] : [];
}
type ExtI18n = { i18n?: { getUILanguage?(): string } };

export function detectLang(languages: readonly string[] = uiLanguages()): Lang {
  const first = languages[0] ?? globalThis.navigator?.language ?? 'en';
  return first.toLowerCase().startsWith('ja') ? 'ja' : 'en';
}

export function setLang(lang: Lang): void {
  current = lang;
}

export function getLang(): Lang {
  return (current ??= detectLang());
}

/** Looks `key` up in the UI language, falling back to English, then to the key itself. */
export function t(key: string, ...args: Array<string | number>): string {
  const lang = getLang();
  const text = strings[lang][key] ?? strings.en[key] ?? key;
  return text.replace(/\{(\d+)\}/g, (_, i: string) => String(args[Number(i)] ?? ''));
}
