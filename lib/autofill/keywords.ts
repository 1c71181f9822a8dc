// Words that say what a form field is for, as regular expressions over normalised text
// (NFKC, lower case, camelCase and snake_case split into words; see `normalise` and facts.ts).
// English and Japanese are covered with care; German, French, Spanish, Chinese and Korean
// with the common phrasings only, and their negatives mostly where they are a trap (a Chinese
// image captcha reads 图形验证码, which contains 验证码). Issue 13 added the stems of the other
// languages 2FAS's extension lists (Polish, Dutch, Turkish, Ukrainian/Russian, Indonesian, Greek,
// Vietnamese, Czech, Swedish, Norwegian/Danish, Finnish, Hungarian, Arabic, Hebrew, Hindi, Thai). Kept compact: this ships in the always-injected content script
// (one alternation serves several languages where they share a stem: v[eé]rifica, authentifi).

/** A one-time code for sure: "otp", "two-factor", "authenticator", ワンタイム, 認証コード, 验证码… */
export const STRONG =
  /\b(?:t?otp|hotp\b|otc\b|mfa|2fa|tfa\b|2sv|two ?(?:factor|step)|2 ?step|multi ?factor|one ?time|authenticat(?:or|ion)|passcode|auth ?code)|v[eé]rifica|confirma(?:tion code|ción)|authentifi|autentica|verifizier|einmal|bestätigung|zwei ?faktor|usage unique|un solo uso|ワンタイム|認証コード|確認コード|認証番号|[二2]段階|[二2多]要素|認証アプリ|[验驗][证證][码碼]|[认認][证證][码碼]|[动動][态態]|一次性|인증 ?(?:번호|코드)|일회용|2단계|dos (?:pasos|factores)|(?:log ?in|sign ?in|access) code|口令|weryfik|jednorazow|eenmalig|doğrulama|tek kullanımlık|підтвердж|подтвержд|одноразов|verifikasi|επαλήθευσ|xác (?:minh|thực)|ověřovací|jednorázov|verifiering|engångs|engangs|bekreft|bekræft|vahvistus|kertakäyt|ellenőrző|egyszeri|التحقق|אימות|सत्यापन|ยืนยัน/;

/** Might be a one-time code: "code", "PIN", "token", "digits", コード… */
export const WEAK = /code|\bpin\b|token|digit|コード|código|코드|[码碼]/;

/**
 * "Security code" names a card's CVC on payment forms (ISO/IEC 7813 card security code)
 * and a one-time code elsewhere: weak evidence, turned into CVC where the form takes cards.
 */
export const SECURITY_CODE = /security ?code|セキュリティー?コード|安全码/;

/** Evidence the field is an SMS code (dropped when the page also offers an authenticator field). */
export const SMS = /\bsms|\btext(?:ed| message)|ショートメッセージ|短信|简讯|문자/;

/** Evidence the field takes an authenticator app's code (TOTP). */
export const APP = /authenticator|\btotp|\bapp(?:s|lication)?\b|アプリ|验证器|인증 ?앱/;

/**
 * What the field is instead, winning even over strong one-time-code words in the field's own
 * name or label: captchas ("图形验证码"), recovery and backup codes ("two-factor recovery code"),
 * coupons and gift cards, and card verification codes ("card verification code").
 */
export const DOMINANT =
  /captcha|characters (?:you see|shown|in the)|画像認証|画像の文字|表示されている文字|[图圖][形片][验驗]|recovery|backup|rescue|scratch|リカバリ|バックアップ|復旧|予備|recuperaci|恢复|备用|coupon|promo|voucher|\bgift|discount|redeem|redemp|gutschein|cupón|クーポン|ギフト|割引|プロモ|优惠|礼品|兑换|\bcv[cvn]|\bcsc\b|\bcid\b|card ?(?:verif|security|code|check)|kartenprüf|cryptogramme|卡[验驗]|자동 ?입력 ?방지|보안 ?문자|(?:new|create|choose|confirm|repeat|set) (?:a |your )?(?:\d+ ?digit )?pin\b|pin (?:erstellen|festlegen|wählen)|暗証番号(?:を)?(?:設定|登録)/;

/**
 * What the field is instead, unless strong one-time-code words say otherwise in the same text
 * ("phone verification code"): card numbers, phones, postal codes, amounts and quantities,
 * search, user names and e-mail, passwords (those have their own types and autocomplete
 * tokens too, so other languages are left out). Dates need no words: their 2- and 4-digit
 * lengths keep them out.
 */
export const NEGATIVE =
  /card ?(?:num|no\b)|\bcc ?(?:num|no\b)|credit ?card|カード番号|expir(?:y|ation) date|有効期限|\bzip|postal|post ?code|\bplz\b|郵便|〒|邮编|amount|price|\bqty\b|quantit|\btotal\b|金額|金额|数量|個数|料金|betrag|montant|cantidad|importe|search|\bquery\b|検索|搜索|\buser|\blogin\b|account ?(?:name|id)|ユーザー|ログインid|用户名|passw|パスワード|暗証|\bitem\b|\bsku\b|product|artikel|\barticle|part ?(?:no|num)|tracking|order ?(?:no|num|id)|商品|品番|注文|\btv\b|television|fernseher|activat|aktivier|テレビ|serial/;

/**
 * A placeholder that shows a sample code ("123456", "000 000", "123-456", "○○○○○○"): weak
 * evidence on its own, enough with a heading that speaks of the app ("Check your app").
 */
export const SAMPLE_CODE = /^(?:\d[\s-]?){3,7}\d$|^[0○•·]{4,8}$/;

/**
 * Contact details: what a field is instead unless a code word (even a weak one) says otherwise in
 * the same text — "phone number" and "e-mail" are not codes, "SMS code" and "mail code" are (whose
 * code they are is the channel's question, lib/autofill/channel.ts).
 */
export const CONTACT = /phone|\btel\b|mobile|msisdn|t[eé]l[eé]f|電話|携帯|手机|e ?mail|\bmail\b|メールアドレス|邮箱/;

/** Things that make a form a payment form, so "security code" there is the card's CVC. */
export const CARD_CONTEXT = /card|credit|カード|卡号|信用卡|expir|有効期限/;

/** autocomplete tokens (HTML §4.10.18.7.1 "Autofill") that name something other than a code. */
export const NEGATIVE_AUTOCOMPLETE = /^(?:tel|postal|cc-|username|email|current-|new-|transaction|street|address|bday|name|given|family)/;

/** Hidden inputs that belong to the form, not to a code group (CSRF tokens and the like). */
export const NOT_A_CODE_HOLDER = /csrf|xsrf|authenticity|nonce|\bstate\b|redirect|return|session|captcha|^token$/;

/**
 * Lower-cases and splits identifiers into words, so that "totpPin", "app_otp", "mfaCode"
 * and "idTxtBx_SAOTCC_OTC" meet the `\b` anchors above.
 */
export function normalise(text: string): string {
  return text
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[_\-.:[\]/]+/g, ' ')
    .toLowerCase();
}
