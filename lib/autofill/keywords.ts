// Words that say what a form field is for, as regular expressions over normalised text
// (lower case, camelCase and snake_case split into words; see `normalise`).
// English and Japanese are covered with care; German, French, Spanish, Chinese and Korean
// with the common phrasings only. Kept compact: this ships in the always-injected content script.

/** A one-time code for sure: "otp", "two-factor", "authenticator", ワンタイム, 認証コード, 验证码… */
export const STRONG =
  /\b(?:t?otp|hotp\b|otc\b|mfa|2fa|tfa\b|2sv|two ?(?:factor|step)|2 ?step|multi ?factor|one ?time|authenticat(?:or|ion)|verification|passcode|confirmation code|auth ?code|token ?code)|ワンタイム|認証コード|確認コード|認証番号|認証キー|[二2]段階|[二2多]要素|認証アプリ|einmal|bestätigungscode|verifizierung|authentifizierung|zwei ?faktor|vérification|usage unique|authentification|verificación|autenticación|un solo uso|confirmación|验证码|驗證碼|动态|動態|一次性|校验码|认证码|인증 ?(?:번호|코드)|일회용|2단계/;

/** Might be a one-time code: "code", "PIN", "token", "digits", コード… */
export const WEAK = /code|\bpin\b|token|digit|コード|código|코드|码|碼/;

/**
 * "Security code" names a card's CVC on payment forms (ISO/IEC 7813 card security code)
 * and a one-time code elsewhere: weak evidence, turned into CVC where the form takes cards.
 */
export const SECURITY_CODE = /security ?code|セキュリティー?コード|sicherheitscode|code de sécurité|código de seguridad|安全码|보안 ?코드/;

/** Evidence the field is an SMS code (dropped when the page also offers an authenticator field). */
export const SMS = /\bsms|text message|texted|\btext(?:ed)? (?:to|you)|ショートメッセージ|ＳＭＳ|短信|简讯|문자/;

/** Evidence the field takes an authenticator app's code (TOTP). */
export const APP = /authenticator|\btotp|\bapp\b|アプリ|身份验证器|验证器|인증 ?앱|application d'authentification/;

/**
 * What the field is instead. `dominant` categories win even over strong one-time-code words
 * in the same text ("two-factor recovery code", "card verification code", 图形验证码).
 */
export const NEGATIVE: ReadonlyArray<{ name: string; re: RegExp; dominant?: true }> = [
  { name: 'captcha', dominant: true, re: /captcha|characters (?:you see|shown|in the (?:image|picture))|画像認証|画像の文字|表示されている文字|图形验|图片验|圖形驗|보안 ?문자|자동입력/ },
  { name: 'recovery', dominant: true, re: /recovery|backup|rescue|scratch|リカバリ|バックアップ|復旧|予備|wiederherstell|récupération|secours|recuperación|respaldo|恢复|备用|復原|備用|복구|백업/ },
  { name: 'coupon', dominant: true, re: /coupon|promo|voucher|\bgift|discount|redeem|redemption|rabatt|gutschein|réduction|cupón|descuento|クーポン|ギフト|割引|プロモーション|优惠|兑换|礼品|禮品|쿠폰|상품권|기프트/ },
  { name: 'cvc', dominant: true, re: /\bcvc|\bcvv|\bcsc\b|\bcvn\b|\bcid\b|card ?(?:verif|security|code|check)|kartenprüf|cryptogramme|卡验证|卡驗證/ },
  { name: 'card', re: /card ?(?:num|no\b)|\bcc ?(?:num|number|no\b)|credit ?card|debit ?card|kartennummer|numéro de carte|número de tarjeta|カード番号|クレジットカード|卡号|卡號|信用卡|카드 ?번호|expir|有効期限/ },
  { name: 'phone', re: /phone|\btel\b|mobile|msisdn|\bcell\b|電話|携帯|手机|电话|휴대폰|전화|telefon|téléphone|teléfono|\bhandy\b/ },
  { name: 'postal', re: /\bzip|postal|post ?code|postleitzahl|\bplz\b|郵便|〒|邮编|郵遞|우편|código postal|code postal/ },
  { name: 'amount', re: /amount|price|\bqty\b|quantity|\btotal\b|\bsum\b|金額|金额|数量|數量|個数|料金|betrag|menge|montant|quantité|cantidad|importe|금액|수량/ },
  { name: 'date', re: /\bbirth|\bdob\b|\byear\b|\bmonth\b|\bday\b|生年月日|誕生日|geburt|naissance|nacimiento|出生|생년월일/ },
  { name: 'search', re: /search|\bquery\b|\bsuche|recherche|buscar|búsqueda|検索|搜索|搜尋|검색/ },
  { name: 'user', re: /\buser|\blogin\b|e ?mail|\bmail\b|account ?(?:name|id)|ユーザー|メールアドレス|ログインid|用户名|邮箱|아이디|이메일|benutzer|utilisateur|usuario|correo/ },
  { name: 'password', re: /passw|passwort|mot de passe|contraseña|パスワード|暗証|密码|密碼|비밀번호/ },
];

/** Things that make a form a payment form, so "security code" there is the card's CVC. */
export const CARD_CONTEXT = /card ?(?:num|no\b|holder)|\bcc ?(?:num|number)|credit|kartennummer|numéro de carte|número de tarjeta|カード|卡号|信用卡|카드|expir|有効期限/;

/** autocomplete tokens (HTML §4.10.18.7.1 "Autofill") that name something other than a code. */
export const NEGATIVE_AUTOCOMPLETE = /^(?:tel|postal-code|cc-|username|email|current-password|new-password|transaction-|street-address|address-|bday|name|given-name|family-name)/;

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
