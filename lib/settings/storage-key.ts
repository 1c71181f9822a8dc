// Where the stored settings live: this key of storage.local (lib/platform/settings-store.ts). A
// module of its own so that the popup's early script (components/popup/first-message.ts) can name
// it without loading the settings' validation.
export const SETTINGS_KEY = 'settings';
