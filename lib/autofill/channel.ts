// Which channel a one-time code comes by, from what the page says around its field: an
// authenticator app, a text message (SMS), a phone call, or an e-mail. Runs in the background
// (the content script only collects the text, lib/autofill/hint.ts), so its word lists cost the
// always-injected script nothing; exported for the e-mail codes feature to reuse
// (shared/automation-api.md "Autofill and email codes": a page that asks for a code sent by
// e-mail gets one read from a mailbox tab; a page whose code comes by SMS or call is never filled
// with an authenticator code unless the user names the account).
//
// Evidence comes in three tiers, nearest first: the field's own name and labels (weight 3), the
// text just before it (2), and the page's text without its links and buttons (1: "Text me a code
// instead" is an alternative on offer, not the channel of this field). Each channel scores the sum
// of the tiers that mention it; the app wins ties (a page that names the authenticator app at all
// asks for its code more often than not), and nothing said means `unknown` (filled as before).

export type Channel = 'app' | 'sms' | 'call' | 'email' | 'unknown';

/** The text a content script reports about its best field (protocol.ts DetectAnswer.hint). */
export interface ChannelHint {
  /** Name, id, placeholder, labels. */
  own: string;
  /** The text just before the field (headings, instructions). */
  near: string;
  /** The page's text, links and buttons left out, cut short. */
  page: string;
}

/** Words per channel, over lower-cased NFKC text. Facts from many sites' wording; see docs/autofill.md. */
export const CHANNEL_WORDS: Record<Exclude<Channel, 'unknown'>, RegExp> = {
  app: /authenticator|authentication app|auth(?:enticator)? app|\b(?:2fa|mfa|two[- ]factor|otp|totp|security|token|mobile|your|the) app\b|\bapps?\b.{0,20}\b(?:code|shows|generat)|google auth|authy|microsoft auth|\btotp\b|authenticator-app|application d.authentification|aplicaci[oó]n de autenticaci[oó]n|app autenticadora|aplicativo autenticador|app di autenticazione|authenticatie-app|認証アプリ|アプリ(?:に|で|の)|身份验证器|验证器|驗證器|mfa ?(?:设备|設備)|令牌|인증 ?앱|otp ?앱|앱에서|앱에 /,
  sms: /\bsms\b|text message|\btext(?:ed)? (?:you|me|a code)|\btexted\b|message texte|mensaje de texto|(?:per|par|por|via|by) sms|phone number|cell ?phone|mobile (?:phone|number)|your phone\b|handy|mobiltelefon|portable|m[oó]vil|celular|ショートメッセージ|携帯電話|携帯番号|電話番号に|短信|手机|簡訊|手機|문자|휴대폰|휴대 ?전화|[•*x]{2,}[\s•*x-]*\d{2,4}\b/,
  call: /\bcall(?:ing)? you\b|phone call|voice call|answer the call|we(?:'|’)re calling|automated call|anruf|appel vocal|llamada|音声通話|自動音声|電話でお知らせ|语音电话|語音|음성 ?전화|전화로/,
  email: /e-?mail|\bmail\b|\binbox\b|courriel|correo|bo[iî]te de r[eé]ception|posteingang|メール|邮件|邮箱|郵件|信箱|이메일|메일|\b\w[•*]+@|@[a-z0-9-]+\.[a-z]{2,}/,
};

/**
 * Words that say a code was or will be delivered ("we sent", "check your inbox", 送信, 发送,
 * 발송, gesendet, envoyé, enviado…). In the page's text, far from the field, an SMS or e-mail word
 * counts only next to one of these: a footer's "contact us by e-mail" says nothing of the code.
 */
export const DELIVERY = /\bsen[dt]\b|\btext(?:ed)?\b|e-?mailed|\bdeliver|receiv|\bget\b|\bcheck\b|inbox|送信|送った|送りました|届|お知らせ|发送|已发|发至|查收|傳送|보냈|발송|전송|gesendet|geschickt|erhalten|envoy|re[cç]u|enviado|enviamos|recibir/;

const TIERS: Array<[keyof ChannelHint, number]> = [['own', 3], ['near', 2], ['page', 1]];

/** Points per channel for a hint. */
export function channelScores(hint: ChannelHint): Record<Exclude<Channel, 'unknown'>, number> {
  const out = { app: 0, sms: 0, call: 0, email: 0 };
  for (const [tier, weight] of TIERS) {
    const text = (hint[tier] ?? '').normalize('NFKC').toLowerCase();
    if (!text) continue;
    const delivered = tier !== 'page' || DELIVERY.test(text);
    for (const ch of Object.keys(out) as Array<keyof typeof out>) {
      if ((ch === 'sms' || ch === 'email') && !delivered) continue;
      if (CHANNEL_WORDS[ch].test(text)) out[ch] += weight;
    }
  }
  return out;
}

/** The channel the page asks for. */
export function channelOf(hint: ChannelHint | undefined): Channel {
  if (!hint) return 'unknown';
  const s = channelScores(hint);
  const best = Math.max(s.sms, s.call, s.email);
  if (s.app > 0 && s.app >= best) return 'app';
  if (best === 0) return 'unknown';
  // A call is announced on the phone too: "we're calling your phone" is a call, not a text.
  if (s.call === best) return 'call';
  if (s.sms === best) return 'sms';
  return 'email';
}
