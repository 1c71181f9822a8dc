// User-visible text of lib/otp and its UI (English and Japanese).
export default {
  en: {
    // An export entry that could not be imported: {0} names it, {1} is the error's sentence.
    'otp.entryError': '{0}: {1}',
    'otp.unnamedEntry': 'An unnamed account',
    // A Google Authenticator export split over several QR codes: {0} = this one, {1} = how many.
    'otp.batch': 'batch {0} of {1}',
  } as Record<string, string>,
  ja: {
    'otp.entryError': '{0}: {1}',
    'otp.unnamedEntry': '名前のないアカウント',
    'otp.batch': '{1} 件中 {0} 件目のバッチ',
  } as Record<string, string>,
};
