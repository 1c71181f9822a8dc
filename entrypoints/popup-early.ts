// The popup's first message, sent before the popup's UI code has loaded (issue 14): popup.html
// runs this small script from its <head> (a script of its own, `vite-ignore`d there so that it is
// not merged into the UI's bundle, which would make it wait for that bundle to load), so the tab
// lookup and popup.init — which wakes a stopped service worker and opens the vault's records — run
// while the browser fetches and parses Preact and the components
// (components/popup/first-message.ts).
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { startEarly } from '../components/popup/first-message';

export default defineUnlistedScript(() => startEarly());
