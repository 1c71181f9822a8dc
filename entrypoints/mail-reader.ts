// The mail reader (issue 15, docs/email-codes.md): injected on demand, only when a login page asks
// for a code sent by e-mail and only into already-open tabs of the mailbox sites the user named:
//   browser.scripting.executeScript({ target: { tabId }, files: ['/mail-reader.js'] })
// It returns the messages on screen (lib/email/collect.ts) to the background, which finds the code
// (lib/email/detect.ts). It changes nothing in the page, keeps nothing and leaves no listener.
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { collectMail } from '../lib/email/collect';

export default defineUnlistedScript(() => collectMail(document));
