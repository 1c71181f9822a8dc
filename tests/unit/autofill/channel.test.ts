// lib/autofill/channel.ts: which channel a page says its code comes by, in several languages,
// nearest evidence first; and hint.ts, the text a content script reports for it.
import { describe, expect, it } from 'vitest';
import { channelOf, channelScores } from '../../../lib/autofill/channel';
import { detect } from '../../../lib/autofill/detect';
import { hintOf, pageText } from '../../../lib/autofill/hint';

const onPage = (page: string) => channelOf({ own: '', near: '', page });
/** The text just before the field (instructions, headings). */
const near = (text: string) => channelOf({ own: '', near: text, page: '' });

describe('channelOf', () => {
  it('reads SMS, call and e-mail pages in six languages', () => {
    for (const t of ['We texted you a code', 'Enter the code we sent by SMS to +44 7700 ••• 123', 'SMSで送信された認証コード', 'Wir haben Ihnen einen Code per SMS gesendet', 'code reçu par SMS', 'Te enviamos un código por SMS', '验证码已发送至 138****5678', '휴대폰으로 문자 메시지를 보냈습니다']) {
      expect(near(t), t).toBe('sms');
    }
    for (const t of ['We’re calling +1 (•••) •••-4321, enter the code you hear', '音声通話でお知らせする認証番号', 'Sie erhalten einen Anruf']) expect(onPage(t), t).toBe('call');
    expect(onPage('We sent a text message with your code')).toBe('sms');
    for (const t of ['We’ve sent a code to a•••@example.com', 'メールに記載された確認コード', 'Code per E-Mail', 'envoyé par e-mail', 'a tu correo electrónico', '验证码已发送到您的邮箱', '이메일로 인증번호를 발송했습니다']) {
      expect(near(t), t).toBe('email');
    }
    expect(onPage('メールアドレス宛に確認コードを送信しました')).toBe('email');
  });

  it('reads authenticator pages, and lets the app win ties and alternatives', () => {
    for (const t of ['Enter the code from your authenticator app', 'Check your app', '認証アプリに表示された6桁', 'Authenticator-App', 'application d’authentification', '身份验证器应用', 'OTP 앱에서 생성된 번호']) {
      expect(onPage(t), t).toBe('app');
    }
    expect(onPage('Use your authenticator app. Lost your phone? We can text you a code.')).toBe('app');
    // The field's own words outweigh the page's.
    expect(channelOf({ own: 'sms code', near: '', page: 'or use your authenticator app' })).toBe('sms');
    expect(channelOf({ own: 'authenticator code', near: '', page: 'We sent a code by SMS' })).toBe('app');
    expect(onPage('Enter the verification code')).toBe('unknown');
    // Far from the field, an e-mail or phone word says nothing of the code unless something was sent.
    expect(onPage('Enter your MFA code. Questions? Contact support by email or phone number 0120-000-000.')).toBe('unknown');
    expect(onPage('Enter your MFA code. We sent it to your email.')).toBe('email');
    expect(channelOf(undefined)).toBe('unknown');
    expect(channelScores({ own: 'sms', near: 'sms', page: 'sms sent' }).sms).toBe(6);
    expect(channelScores({ own: 'sms', near: 'sms', page: 'sms' }).sms).toBe(5);
  });
});

describe('hintOf', () => {
  it('leaves links, buttons and other fields’ labels out of the page text', () => {
    document.body.innerHTML = `<h1>2-Step Verification</h1><p>Open your authenticator app.</p>
      <label>Email address <input type="email"></label>
      <label for="c">Code</label><input id="c" autocomplete="one-time-code" maxlength="6">
      <a href="#">Text me instead</a><button>Send an e-mail</button>`;
    const c = detect(document)!;
    const hint = hintOf(c);
    expect(hint.page).toContain('Open your authenticator app.');
    expect(hint.page).not.toMatch(/Text me|e-mail|Email address/);
    expect(hint.own).toContain('code');
    expect(channelOf(hint)).toBe('app');
    expect(pageText(document.body, 10).length).toBeLessThanOrEqual(10);
  });
});
