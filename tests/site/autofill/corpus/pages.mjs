// The issue-13 fixture pages, each modelled on a named real site, a real component library's
// markup, or a public bug report of another autofill tool (`source`). `holdout: true` pages were
// written before any detector change and are not looked at while tuning (docs/autofill.md).
// `cls` names the failure class a page stands for. Run build.mjs to write the pages and index.
import { BOX_CSS, boxes, GROUP_JS, SINGLE_JS, WATCH_JS } from './lib.mjs';

const split6 = (field, extra = {}) => ({ field, kind: 'split', length: 6, ...extra });
const single = (field, length = 6, extra = {}) => ({ field, kind: 'single', length, ...extra });
const none = (note) => ({ field: null, note });

/** A page whose field is a plain single input accepted at n digits. */
const singleJs = (sel, n = 6) => `acceptSingle(document.querySelector(${JSON.stringify(sel)}), ${n});`;
/** A one-box-per-digit group driven by otpGroup(), result from its own state. */
const groupJs = (sel, opts = '{}', n = 6) =>
  `var o = ${opts}; o.onChange = showWhenComplete(${n}); otpGroup(Array.prototype.slice.call(document.querySelectorAll(${JSON.stringify(sel)})), o);`;
/** Same, but the page reads the hidden aggregate input (what its form submits). */
const hiddenGroupJs = (sel, hidden, opts = '{}', n = 6) =>
  `var h = document.querySelector(${JSON.stringify(hidden)}); var show = showWhenComplete(${n});
var o = ${opts}; o.hidden = h; o.onChange = function () { show(h.value); };
otpGroup(Array.prototype.slice.call(document.querySelectorAll(${JSON.stringify(sel)})), o);`;

export const PAGES = [
  // ---- one-box-per-digit groups without maxlength -------------------------------------------
  {
    file: 'c13-stripe-link-otp.html', cls: 'split-no-maxlength', holdout: false,
    title: 'Confirm it’s you (Stripe Link-style one-time code)',
    source: 'Stripe Link / Stripe checkout one-time code (ids ci-otpCode-0..5, type=tel, aria-label "1-6")',
    expect: split6('#ci-otpCode-0'), head: BOX_CSS, uses: [GROUP_JS],
    body: `<main><h1>Confirm it’s you</h1><p>Enter the code from your authenticator app to use your saved payment details.</p>
<fieldset style="border:0"><div class="row">
    ${boxes(6, (i) => `id="ci-otpCode-${i}" type="tel" aria-label="${i + 1}-6" autocomplete="off" class="OTPInput"`)}
</div></fieldset><button type="button">Pay without Link</button></main>`,
    js: groupJs('.OTPInput'),
  },
  {
    file: 'c13-paypal-2sv-boxes.html', cls: 'split-no-maxlength', holdout: true,
    title: 'PayPal-style 2-step verification, six boxes without maxlength',
    source: 'https://github.com/passff/passff/issues/533 (PayPal: six single-digit fields, no maxlength) and https://github.com/bitwarden/clients/issues/11076',
    expect: split6('#otpCode-0'), head: BOX_CSS, uses: [GROUP_JS],
    body: `<section class="ppvx_container"><h1 class="ppvx_text--heading-sm">Let’s make sure it’s you</h1>
<p>Enter the 6-digit code from your authenticator app.</p>
<form onsubmit="return false"><div class="row" role="group" aria-label="Security code">
    ${boxes(6, (i) => `id="otpCode-${i}" name="otpCode-${i}" type="tel" inputmode="numeric" aria-label="Digit ${i + 1}" class="ppvx_code-input__input"`)}
</div><button>Submit</button></form><a href="#">Try another way</a></section>`,
    js: groupJs('.ppvx_code-input__input'),
  },
  {
    file: 'c13-epic-games-boxes.html', cls: 'split-no-maxlength', holdout: true,
    title: 'Epic Games-style security code boxes (second box never filled by other tools)',
    source: 'https://github.com/PhilippC/keepass2android/issues/2064 (epicgames.com: first field filled, the second stays)',
    expect: split6('input[name="code-input-0"]'), head: BOX_CSS, uses: [GROUP_JS],
    body: `<h2>Enter your security code</h2><p>Open your authenticator app and enter the code shown for Epic Games.</p>
<div class="row">
    ${boxes(6, (i) => `name="code-input-${i}" type="text" inputmode="numeric" autocomplete="off"`)}
</div><button>Continue</button>`,
    js: groupJs('input[name^="code-input-"]', '{ byFocus: true }'),
  },
  {
    file: 'c13-crowdstrike-nameless-boxes.html', cls: 'split-no-maxlength', holdout: false,
    title: 'Six boxes with neither id nor name (CrowdStrike Falcon-style)',
    source: 'https://github.com/twofas/2fas-browser-extension/issues/47 (CrowdStrike: six boxes, no id or name, auto-advance)',
    expect: split6('.mfa input'), head: BOX_CSS, uses: [GROUP_JS],
    body: `<h1>Two-factor authentication</h1><p>Enter the 6-digit code from your authenticator app.</p>
<div class="mfa row">
    ${boxes(6, () => `class="focus:outline-none m-1 h-12 w-10 text-center" type="text" inputmode="numeric"`)}
</div><button>Verify</button>`,
    js: groupJs('.mfa input'),
  },
  {
    file: 'c13-klarna-code-array.html', cls: 'split-no-maxlength', holdout: true,
    title: 'Boxes named code[0]..code[5], no maxlength (payment app style)',
    source: 'Klarna-style payment-app verification (boxes named as an array, JS spreads a pasted value)',
    expect: split6('input[name="code[0]"]'), head: BOX_CSS, uses: [GROUP_JS],
    body: `<h1>Verify it’s you</h1><p>Type the code from your authenticator app.</p>
<form onsubmit="return false"><div class="row">
    ${boxes(6, (i) => `name="code[${i}]" type="text" inputmode="numeric" pattern="[0-9]*"`)}
</div></form>`,
    js: groupJs('input[name^="code["]'),
  },
  // ---- type=number boxes ---------------------------------------------------------------------
  {
    file: 'c13-world4you-tfa-number.html', cls: 'split-number', holdout: false,
    title: 'type=number boxes _tfa1.._tfa6 (world4you-style)',
    source: 'https://github.com/pass-extension/pass-otp/issues/168 (my.world4you.com: _tfa1.._tfa6, type=number, class single-digit)',
    expect: split6('input[name="_tfa1"]'), head: BOX_CSS, uses: [GROUP_JS],
    body: `<h2>Zwei-Faktor-Authentifizierung</h2><p>Bitte geben Sie den Code aus Ihrer Authenticator-App ein.</p>
<form onsubmit="return false"><div class="row">
    ${boxes(6, (i) => `type="number" name="_tfa${i + 1}" min="0" max="9" class="single-digit mt-5"`)}
</div><button>Anmelden</button></form>`,
    lang: 'de',
    js: groupJs('.single-digit'),
  },
  {
    file: 'c13-inleed-livewire-number.html', cls: 'split-number', holdout: true,
    title: 'Livewire type=number boxes (inleed.net-style)',
    source: 'https://github.com/twofas/2fas-browser-extension/issues/84 (login.inleed.net/2fa: wire:model input.N, type=number)',
    expect: split6('input[wire\\:model\\.defer="input.0"]'), head: BOX_CSS, uses: [GROUP_JS],
    body: `<div class="card"><h3>Two-step verification</h3><div class="text-muted">Enter the verification code from your authenticator app.</div>
<div class="d-flex flex-wrap flex-stack two-factor-inputs row">
    ${boxes(6, (i) => `wire:model.defer="input.${i}" type="number" class="two-step-code form-control w-50px h-50px text-center${i === 0 ? ' first-input' : ''}"`)}
</div><button class="btn btn-primary">Submit</button></div>`,
    js: groupJs('.two-step-code'),
  },
  {
    file: 'c13-number-boxes-ko.html', cls: 'split-number', holdout: true, lang: 'ko',
    title: '2단계 인증 (type=number 칸 여섯 개)',
    source: 'Korean portal 2-step login with one type=number box per digit (Naver/Kakao-style OTP step)',
    expect: split6('#otp1'), head: BOX_CSS, uses: [GROUP_JS],
    body: `<h1>2단계 인증</h1><p>OTP 앱에 표시된 6자리 숫자를 입력하세요.</p>
<div class="row">
    ${boxes(6, (i) => `type="number" id="otp${i + 1}" min="0" max="9"`)}
</div><button>확인</button>`,
    js: groupJs('.row input'),
  },
  // ---- component-library groups ------------------------------------------------------------------
  {
    file: 'c13-radix-otp-field.html', cls: 'component-hidden-aggregate', holdout: false,
    title: 'Radix OneTimePasswordField (first box maxlength=6 + one-time-code, hidden aggregate)',
    source: 'Radix UI OneTimePasswordField (@radix-ui/react-one-time-password-field): first input carries autocomplete=one-time-code and maxlength, a hidden input holds the value',
    expect: split6('[data-radix-otp-input]'), head: BOX_CSS, uses: [GROUP_JS],
    body: `<h1>Two-factor authentication</h1><p>Enter the code from your authenticator app.</p>
<form onsubmit="return false"><div role="group" class="row" data-orientation="horizontal">
    ${boxes(6, (i) => `data-radix-otp-input type="text" inputmode="numeric" aria-label="Character ${i + 1} of 6" data-index="${i}"${i === 0 ? ' maxlength="6" autocomplete="one-time-code"' : ' autocomplete="off"'}`)}
    <input type="hidden" name="otp" value="">
</div><button>Verify</button></form>`,
    js: hiddenGroupJs('[data-radix-otp-input]', 'input[name="otp"]'),
  },
  {
    file: 'c13-base-ui-otp.html', cls: 'component-hidden-aggregate', holdout: true,
    title: 'base-ui style OTP field with a hidden form value',
    source: 'base-ui (MUI Base) OTP input pattern: first slot maxlength=6 autocomplete=one-time-code for browser autofill, hidden input named for the form',
    expect: split6('.otp-slot'), head: BOX_CSS, uses: [GROUP_JS],
    body: `<div class="Card"><h2 class="Card-title">Verify your sign-in</h2><p class="Card-text">Use the 6-digit code from your authenticator app.</p>
<div class="OtpField row">
    ${boxes(6, (i) => `class="otp-slot" type="text" inputmode="numeric"${i === 0 ? ' maxlength="6" autocomplete="one-time-code"' : ''}`)}
</div><input type="hidden" name="verificationCode"></div>`,
    js: hiddenGroupJs('.otp-slot', 'input[name="verificationCode"]'),
  },
  {
    file: 'c13-headlessui-otp.html', cls: 'component-hidden-aggregate', holdout: true,
    title: 'Headless UI-built OTP group (first box takes the whole code)',
    source: 'Headless UI (Tailwind Labs) form components: an OTP group built from headlessui Input with a hidden aggregate (data-headlessui-state)',
    expect: split6('#headlessui-input-1'), head: BOX_CSS, uses: [GROUP_JS],
    body: `<div class="mx-auto max-w-sm"><h2 class="text-lg font-semibold">Check your authenticator</h2><p class="text-sm">Enter the 6-digit code.</p>
<div class="row">
    ${boxes(6, (i) => `id="headlessui-input-${i + 1}" data-headlessui-state="" class="block w-10 rounded-lg" type="text" inputmode="numeric"${i === 0 ? ' maxlength="6" autocomplete="one-time-code"' : ''}`)}
    <input type="hidden" name="code" value="">
</div></div>`,
    js: hiddenGroupJs('[data-headlessui-state]', 'input[name="code"]'),
  },
  {
    file: 'c13-mantine-pininput.html', cls: 'component', holdout: false,
    title: 'Mantine PinInput (one-time-code on every box, hidden input)',
    source: 'Mantine PinInput (@mantine/core): inputs .mantine-PinInput-pinInput with autocomplete=one-time-code, inputmode numeric, hidden input for forms',
    expect: split6('.mantine-PinInput-input'), head: BOX_CSS, uses: [GROUP_JS],
    body: `<h2>Two-factor authentication</h2><p>Enter the code from your authenticator app</p>
<div class="mantine-PinInput-root row">
    ${boxes(6, () => `class="mantine-Input-input mantine-PinInput-input" inputmode="numeric" autocomplete="one-time-code" type="text"`)}
    <input type="hidden" name="pin" value="">
</div>`,
    js: hiddenGroupJs('.mantine-PinInput-input', 'input[name="pin"]'),
  },
  {
    file: 'c13-chakra-pininput.html', cls: 'component', holdout: true,
    title: 'Chakra UI PinInput (no maxlength; a multi-digit value spreads)',
    source: 'Chakra UI PinInput (@chakra-ui/react): aria-label "Please enter your pin code", autocomplete=one-time-code, no maxlength, value spread on autofill',
    expect: split6('#pin-input-r1-0'), head: BOX_CSS, uses: [GROUP_JS],
    body: `<div class="chakra-stack"><h2 class="chakra-heading">Enter your verification code</h2><p>The 6-digit code from your authenticator app.</p>
<div class="chakra-stack row">
    ${boxes(6, (i) => `id="pin-input-r1-${i}" class="chakra-pin-input" aria-label="Please enter your pin code" inputmode="numeric" type="tel" autocomplete="one-time-code" placeholder="○"`)}
</div></div>`,
    js: groupJs('.chakra-pin-input'),
  },
  {
    file: 'c13-mui-otp-input.html', cls: 'component', holdout: false,
    title: 'MUI OTP input (mui-one-time-password-input)',
    source: 'mui-one-time-password-input (MuiOtpInput) on MUI TextField: boxes .MuiOtpInput-TextField, input maxlength none, paste spreads',
    expect: split6('.MuiOtpInput-TextField input'), head: BOX_CSS, uses: [GROUP_JS],
    body: `<div class="MuiBox-root"><h1 class="MuiTypography-h5">Two-step verification</h1><p class="MuiTypography-body2">Enter the code generated by your authenticator app.</p>
<div class="MuiOtpInput-Box row">
    ${Array.from({ length: 6 }, (_, i) => `<div class="MuiFormControl-root MuiTextField-root MuiOtpInput-TextField MuiOtpInput-TextField-${i + 1}"><div class="MuiInputBase-root"><input class="MuiInputBase-input MuiOutlinedInput-input" type="text" autocomplete="off" value=""></div></div>`).join('\n    ')}
</div></div>`,
    js: groupJs('.MuiOtpInput-TextField input'),
  },
  {
    file: 'c13-antd-input-otp.html', cls: 'component', holdout: true,
    title: 'Ant Design Input.OTP',
    source: 'Ant Design Input.OTP (antd 5.16+): div.ant-otp with inputs .ant-otp-input, aria-label "OTP Input N", size=1',
    expect: split6('.ant-otp-input'), head: BOX_CSS, uses: [GROUP_JS],
    body: `<div class="ant-card"><div class="ant-typography"><h4>Authenticator verification</h4><p>Enter the 6-digit code shown in your authenticator app.</p></div>
<div class="ant-otp row">
    ${boxes(6, (i) => `aria-label="OTP Input ${i + 1}" class="ant-input ant-input-outlined ant-otp-input" size="1" type="text" value=""`)}
</div></div>`,
    js: groupJs('.ant-otp-input'),
  },
  {
    file: 'c13-react-otp-input.html', cls: 'component', holdout: false,
    title: 'react-otp-input (maxlength 1, aria-label per character)',
    source: 'react-otp-input (devfolioco): inputs with aria-label "Please enter OTP character N", autocomplete off, onPaste spreads',
    expect: split6('input[aria-label="Please enter OTP character 1"]'), head: BOX_CSS, uses: [GROUP_JS],
    body: `<h2>Enter verification code</h2><p>Open your authenticator app.</p>
<div class="row" style="display:flex;align-items:center">
    ${Array.from({ length: 6 }, (_, i) => `<input aria-label="Please enter OTP character ${i + 1}" autocomplete="off" maxlength="1" type="text" inputmode="numeric" class="otp" value="">${i < 5 ? '<span>-</span>' : ''}`).join('\n    ')}
</div>`,
    js: groupJs('.otp', '{ byFocus: true }'),
  },
  {
    file: 'c13-ng-otp-input.html', cls: 'component', holdout: true,
    title: 'Angular ng-otp-input',
    source: 'ng-otp-input (Angular): input.otp-input type=tel id otp_N_ng-otp-input, autocomplete=one-time-code, maxlength=1',
    expect: split6('#otp_0_ng-otp-input'), head: BOX_CSS, uses: [GROUP_JS],
    body: `<ng-otp-input><div class="ng-otp-input-wrapper wrapper row">
    ${boxes(6, (i) => `autocomplete="one-time-code" class="otp-input ng-untouched ng-pristine ng-valid" id="otp_${i}_ng-otp-input" type="tel" maxlength="1"`)}
</div></ng-otp-input><h3>Authenticator code</h3>`,
    js: groupJs('.otp-input'),
  },
  {
    file: 'c13-vue3-otp-input.html', cls: 'component', holdout: false,
    title: 'vue3-otp-input',
    source: 'vue3-otp-input: input.otp-input type=tel min=0 max=9 maxlength=1 pattern=[0-9] autocomplete=one-time-code',
    expect: split6('.otp-input'), head: BOX_CSS, uses: [GROUP_JS],
    body: `<div id="app"><h3>Enter your 2FA code</h3><div style="display:flex" class="row">
    ${Array.from({ length: 6 }, () => `<div><input type="tel" min="0" max="9" maxlength="1" pattern="[0-9]" class="otp-input" autocomplete="one-time-code" inputmode="numeric"></div>`).join('\n    ')}
</div></div>`,
    js: groupJs('.otp-input'),
  },
  {
    file: 'c13-shadcn-input-otp.html', cls: 'component', holdout: true,
    title: 'shadcn/ui InputOTP (input-otp: one transparent input over 3+3 slots)',
    source: 'shadcn/ui InputOTP (built on guilhermerodz/input-otp): data-input-otp, maxlength=6, pattern ^\\d+$, slots drawn as divs with a separator',
    expect: single('input[data-input-otp]'),
    head: `<style>.otp{position:relative;display:flex;gap:8px;width:max-content}.s{width:36px;height:40px;border:1px solid #aaa}input[data-input-otp]{position:absolute;inset:0;width:100%;height:100%;color:transparent;background:transparent;border:0}</style>\n`,
    uses: [SINGLE_JS],
    body: `<div class="flex flex-col gap-2"><h3 class="font-semibold">One-Time Password</h3><p class="text-sm text-muted-foreground">Please enter the one-time password from your authenticator.</p>
<div data-slot="input-otp" class="otp"><div class="s"></div><div class="s"></div><div class="s"></div><div role="separator">-</div><div class="s"></div><div class="s"></div><div class="s"></div>
<input data-input-otp="true" autocomplete="one-time-code" inputmode="numeric" pattern="^\\d+$" maxlength="6" data-slot="input-otp" value=""></div></div>`,
    js: singleJs('input[data-input-otp]'),
  },
  {
    file: 'c13-primevue-inputotp.html', cls: 'component', holdout: false,
    title: 'PrimeVue InputOtp',
    source: 'PrimeVue InputOtp: div.p-inputotp with input.p-inputotp-input (p-inputtext), maxlength=1, inputmode numeric',
    expect: split6('.p-inputotp-input'), head: BOX_CSS, uses: [GROUP_JS],
    body: `<div class="card"><div class="font-bold text-xl">Authenticate Your Account</div><p>Please enter the code from your authenticator app.</p>
<div class="p-inputotp p-component row">
    ${boxes(6, () => `class="p-inputtext p-component p-inputotp-input" type="text" inputmode="numeric" maxlength="1" data-pc-name="pcinputtext"`)}
</div></div>`,
    js: groupJs('.p-inputotp-input'),
  },
  {
    file: 'c13-posteo-totp-token.html', cls: 'split', holdout: true, lang: 'de',
    title: 'Posteo: Einmal-Passwort in sechs Feldern',
    source: 'https://github.com/keepassxreboot/keepassxc-browser/issues/2991 (posteo.de: totp_token, totp_token_2..6, maxlength 1, autocomplete one-time-code)',
    expect: split6('#totp_token_1'), head: BOX_CSS, uses: [GROUP_JS],
    body: `<div class="p_login-form__group p_login-2fa-totp"><h2>Anmeldung bestätigen</h2><label class="p_hidden" for="totp_token">Einmal-Passwort</label>
<div class="row">
    ${boxes(6, (i) => `autocomplete="one-time-code" class="user_session_totp_token" id="totp_token_${i + 1}" inputmode="numeric" maxlength="1" name="${i === 0 ? 'totp_token' : `totp_token_${i + 1}`}" pattern="[0-9]*" type="text"`)}
</div></div>`,
    js: groupJs('.user_session_totp_token'),
  },
  {
    file: 'c13-goanywhere-masked-hidden.html', cls: 'single', holdout: false,
    title: 'Masked visible code field plus the hidden field the form submits (GoAnywhere-style)',
    source: 'https://github.com/twofas/2fas-browser-extension/pull/83 (Fortra GoAnywhere: visible masked input, hidden input submitted)',
    expect: single('#mfaTokenVisible', 6), uses: [],
    head: '<style>#mfaTokenVisible{-webkit-text-security:disc}</style>\n',
    body: `<h2>Multi-Factor Authentication</h2><form onsubmit="return false"><label for="mfaTokenVisible">Verification Code</label>
<input id="mfaTokenVisible" type="text" autocomplete="off" maxlength="6" inputmode="numeric"><input type="hidden" name="mfaToken" id="mfaToken"><button>Sign In</button></form>`,
    js: `var v = document.getElementById('mfaTokenVisible'), h = document.getElementById('mfaToken');
v.addEventListener('input', function () { h.value = v.value; document.getElementById('result').textContent = /^\\d{6}$/.test(h.value) ? h.value : ''; });`,
  },
  // ---- frames ---------------------------------------------------------------------------------
  {
    file: 'c13-srcdoc-frame.html', cls: 'about-frame', holdout: false,
    title: 'The 2FA form inside an about:srcdoc frame',
    source: 'Embedded sign-in widgets rendered with iframe srcdoc (e.g. Auth0 Lock / Okta widget previews, Salesforce Lightning containers)',
    expect: { field: ['iframe#auth', '#otp'], kind: 'single', length: 6, result: ['iframe#auth', '#result'] },
    noResult: true, uses: [],
    body: `<h1>Sign in</h1><iframe id="auth" title="Verification" style="width:420px;height:220px;border:1px solid #ccc" srcdoc="&lt;!doctype html&gt;&lt;meta charset=utf-8&gt;&lt;h2&gt;Two-step verification&lt;/h2&gt;&lt;label for=otp&gt;Authentication code&lt;/label&gt; &lt;input id=otp name=otp inputmode=numeric autocomplete=one-time-code maxlength=6&gt;&lt;p&gt;Accepted: &lt;output id=result&gt;&lt;/output&gt;&lt;/p&gt;&lt;script&gt;var i=document.getElementById('otp');i.addEventListener('input',function(){document.getElementById('result').textContent=/^\\d{6}$/.test(i.value)?i.value:''})&lt;/script&gt;"></iframe>`,
    js: '',
  },
  {
    file: 'c13-about-blank-frame.html', cls: 'about-frame', holdout: true,
    title: 'The 2FA form written into an about:blank frame by its parent',
    source: 'Legacy bank / SSO pages that build their OTP step in a script-written about:blank iframe (document.write)',
    expect: { field: ['iframe#mfa', 'input[name=passcode]'], kind: 'single', length: 6 },
    uses: [],
    body: `<h1>Secure sign-in</h1><iframe id="mfa" title="MFA" style="width:420px;height:200px;border:1px solid #ccc"></iframe>`,
    js: `var f = document.getElementById('mfa'), d = f.contentWindow.document;
d.open(); d.write('<!doctype html><meta charset="utf-8"><h3>Verify with your authenticator app</h3><label>Passcode <input name="passcode" type="text" inputmode="numeric" maxlength="6" autocomplete="one-time-code"></label>'); d.close();
var p = d.querySelector('input[name=passcode]');
p.addEventListener('input', function () { document.getElementById('result').textContent = /^\\d{6}$/.test(p.value) ? p.value : ''; });`,
  },
  {
    file: 'c13-about-blank-dom-frame.html', cls: 'about-frame', holdout: false,
    title: 'Split boxes appended into an about:blank frame with DOM calls',
    source: 'Payment 3-D Secure / SSO widgets that inject their form into an empty iframe with DOM APIs (about:blank, same origin)',
    expect: { field: ['iframe#w', '#d0'], kind: 'split', length: 6 },
    uses: [GROUP_JS],
    body: `<h1>Confirm the sign-in</h1><iframe id="w" title="Verification" style="width:460px;height:200px;border:1px solid #ccc"></iframe>`,
    js: `var d = document.getElementById('w').contentDocument;
d.body.innerHTML = '<h3>Two-factor authentication</h3><p>Enter the code from your authenticator app.</p><div class="row" style="display:flex;gap:6px">' +
  [0,1,2,3,4,5].map(function (i) { return '<input id="d' + i + '" maxlength="1" inputmode="numeric" style="width:32px">'; }).join('') + '</div>';
otpGroup(Array.prototype.slice.call(d.querySelectorAll('input')), { onChange: showWhenComplete(6) });`,
  },
  // ---- weak-signal single fields ------------------------------------------------------------------
  {
    file: 'c13-check-your-app.html', cls: 'weak-single', holdout: false,
    title: 'Check your app (only a heading and placeholder 123456)',
    source: 'Issue 13 failure class: heading "Check your app", the only input has placeholder="123456" (Linear/Vercel-style minimal 2FA step)',
    expect: single('input[placeholder="123456"]', null), uses: [SINGLE_JS],
    body: `<main><h1>Check your app</h1><p>Open your two-factor app and type the code it shows.</p>
<form onsubmit="return false"><input placeholder="123456" type="text"><button>Continue</button></form></main>`,
    js: singleJs('input[placeholder="123456"]'),
  },
  {
    file: 'c13-open-authenticator-000000.html', cls: 'weak-single', holdout: true,
    title: 'Open your authenticator: one nameless input with placeholder 000 000',
    source: 'Minimal SaaS 2FA step (Notion/Figma-style): the only input shows a 000 000 placeholder',
    expect: single('main input', null), uses: [SINGLE_JS],
    body: `<main><h2>Open your authenticator</h2><p>Enter the 6 digits it shows for this account.</p><input type="text" placeholder="000 000" autocomplete="off"><button>Verify</button></main>`,
    js: singleJs('main input'),
  },
  {
    file: 'c13-ja-app-digits.html', cls: 'weak-single', holdout: true, lang: 'ja',
    title: '認証アプリの6桁の数字(ラベルなし、placeholder 123456)',
    source: 'Japanese web service 2FA step (e.g. freee / Money Forward-style): instruction text only, placeholder 123456',
    expect: single('#f1', null), uses: [SINGLE_JS],
    body: `<h1>ログインの確認</h1><p>認証アプリに表示されている6桁の数字を入力してください。</p><input id="f1" type="text" placeholder="123456"><button>次へ</button>`,
    js: singleJs('#f1'),
  },
  {
    file: 'c13-digitalocean-6digit.html', cls: 'single', holdout: false,
    title: 'DigitalOcean-style "6-digit code" (autocomplete off)',
    source: 'https://github.com/bitwarden/clients/issues/1446 (cloud.digitalocean.com: id=code, label "6-digit code", placeholder "Enter 6-digit code", autocomplete off)',
    expect: single('#code', null), uses: [SINGLE_JS],
    body: `<form action="#" onsubmit="return false"><div><label for="code">6-digit code</label><div></div><div><input id="code" type="text" placeholder="Enter 6-digit code" autocomplete="off" class="sc-fznWOq"></div></div><button>Verify</button></form>`,
    js: singleJs('#code'),
  },
  {
    file: 'c13-fluig-codigo-pt.html', cls: 'single', holdout: true, lang: 'pt',
    title: 'TOTVS Fluig Identity: "Código" with autocomplete off',
    source: 'https://github.com/bitwarden/clients/issues/18525 (totvs.fluigidentity.com: label "Código", autocomplete=off)',
    expect: single('#mfaCode', null), uses: [SINGLE_JS],
    body: `<h2>Verificação em duas etapas</h2><p>Digite o código do seu aplicativo autenticador.</p><label for="mfaCode">Código</label><input id="mfaCode" type="text" autocomplete="off"><button>Validar</button>`,
    js: singleJs('#mfaCode'),
  },
  // ---- closed shadow roots ------------------------------------------------------------------------
  {
    file: 'c13-closed-shadow-single.html', cls: 'closed-shadow', holdout: false,
    title: 'The code field inside a closed shadow root',
    source: 'Web-component login widgets with closed shadow roots (e.g. Salesforce LWC synthetic shadow, Ionic ion-input in closed mode)',
    expect: { field: ['mfa-code', 'input'], kind: 'single', length: 6, closed: true }, uses: [],
    body: `<h1>Verify your identity</h1><mfa-code></mfa-code>`,
    js: `customElements.define('mfa-code', class extends HTMLElement {
  constructor() {
    super();
    var r = this.attachShadow({ mode: 'closed' });
    (window.closedRoots = window.closedRoots || []).push(r);
    r.innerHTML = '<label>Authenticator code <input name="totp" inputmode="numeric" autocomplete="one-time-code" maxlength="6"></label>';
    var i = r.querySelector('input');
    i.addEventListener('input', function () { document.getElementById('result').textContent = /^\\d{6}$/.test(i.value) ? i.value : ''; });
  }
});`,
  },
  {
    file: 'c13-closed-shadow-split.html', cls: 'closed-shadow', holdout: true,
    title: 'Six boxes inside a closed shadow root',
    source: 'Stencil/Lit design-system OTP component (closed shadow root, e.g. Shoelace-style otp-input)',
    expect: { field: ['otp-boxes', 'input'], kind: 'split', length: 6, closed: true }, uses: [GROUP_JS],
    body: `<h1>Two-factor authentication</h1><p>Enter the code from your authenticator app.</p><otp-boxes></otp-boxes>`,
    js: `customElements.define('otp-boxes', class extends HTMLElement {
  constructor() {
    super();
    var r = this.attachShadow({ mode: 'closed' });
    (window.closedRoots = window.closedRoots || []).push(r);
    r.innerHTML = '<div part="row" style="display:flex;gap:6px">' + [1,2,3,4,5,6].map(function (i) { return '<input maxlength="1" inputmode="numeric" aria-label="Digit ' + i + '" style="width:32px">'; }).join('') + '</div>';
    otpGroup(Array.prototype.slice.call(r.querySelectorAll('input')), { onChange: showWhenComplete(6) });
  }
});`,
  },
  // ---- named sites, several languages ---------------------------------------------------------------
  {
    file: 'c13-gitlab-otp-attempt.html', cls: 'single', holdout: false,
    title: 'GitLab two-factor (user[otp_attempt])',
    source: 'GitLab sign-in two-factor step: input#user_otp_attempt name="user[otp_attempt]"',
    expect: single('#user_otp_attempt', null), uses: [SINGLE_JS],
    body: `<form onsubmit="return false"><label for="user_otp_attempt">Enter verification code</label><input id="user_otp_attempt" name="user[otp_attempt]" class="form-control" autocomplete="one-time-code" inputmode="numeric" autofocus><p>Enter the code from your two-factor authenticator app. If you've lost your device, you can enter one of your recovery codes.</p><button>Verify code</button></form>`,
    js: singleJs('#user_otp_attempt'),
  },
  {
    file: 'c13-cloudflare-2fa.html', cls: 'single', holdout: true,
    title: 'Cloudflare two-factor authentication',
    source: 'Cloudflare dashboard login 2FA step (input name twofactor_token, data-testid)',
    expect: single('input[name="twofactor_token"]', null), uses: [SINGLE_JS],
    body: `<h1>Two-Factor Authentication</h1><p>Enter the code from your mobile app.</p><form onsubmit="return false"><label for="twofactor_token">Authentication code</label><input id="twofactor_token" name="twofactor_token" data-testid="two-factor-input" type="text" inputmode="numeric"><button>Log in</button></form>`,
    js: singleJs('input[name="twofactor_token"]'),
  },
  {
    file: 'c13-dropbox-code.html', cls: 'single', holdout: false,
    title: 'Dropbox two-step verification',
    source: 'Dropbox login two-step verification (name="code", "Enter the 6-digit code generated by your authenticator app")',
    expect: single('input[name="code"]', null), uses: [SINGLE_JS],
    body: `<div class="login-form"><h2>Enter security code</h2><p>Enter the code generated by your authenticator app.</p><div class="text-input"><label for="code">6-digit code</label><input id="code" name="code" type="text" class="text-input-input" autocomplete="off"></div><label><input type="checkbox" name="trusted"> Trust this computer</label><button>Submit</button></div>`,
    js: singleJs('input[name="code"]'),
  },
  {
    file: 'c13-npm-otp.html', cls: 'single', holdout: true,
    title: 'npm two-factor login',
    source: 'npmjs.com login 2FA (input#login_otp name="otp", "One-Time Password")',
    expect: single('#login_otp', null), uses: [SINGLE_JS],
    body: `<form onsubmit="return false"><h2>Two-Factor Authentication</h2><label for="login_otp">One-Time Password</label><input id="login_otp" name="otp" type="text" autocomplete="one-time-code" inputmode="numeric"><button>Verify</button></form>`,
    js: singleJs('#login_otp'),
  },
  {
    file: 'c13-facebook-approvals.html', cls: 'single', holdout: false,
    title: 'Facebook login code (approvals_code)',
    source: 'Facebook checkpoint two-factor (input#approvals_code, placeholder "Login code")',
    expect: single('#approvals_code', null), uses: [SINGLE_JS],
    body: `<h2>Two-factor authentication required</h2><p>You’ve asked us to require a 6-digit login code when anyone tries to access your account from a new device. Go to your authentication app.</p><input type="text" id="approvals_code" name="approvals_code" placeholder="Login code" autocomplete="off"><button>Continue</button>`,
    js: singleJs('#approvals_code'),
  },
  {
    file: 'c13-coinbase-boxes.html', cls: 'split', holdout: true,
    title: 'Coinbase-style 2-step verification, 6 boxes',
    source: 'Coinbase sign-in 2-step verification (six boxes with data-testid, "Enter the 7-digit code"-style prompt adapted to 6)',
    expect: split6('[data-testid="code-input-0"]'), head: BOX_CSS, uses: [GROUP_JS],
    body: `<h1>Enter the 6-digit code from your authenticator app</h1><div class="row" role="group">
    ${boxes(6, (i) => `data-testid="code-input-${i}" type="text" inputmode="numeric" maxlength="1" aria-label="Code digit ${i + 1}"`)}
</div>`,
    js: groupJs('[data-testid^="code-input-"]'),
  },
  {
    file: 'c13-shopify-verification.html', cls: 'single', holdout: false,
    title: 'Shopify account two-step (authentication app)',
    source: 'Shopify accounts two-step authentication via authenticator app (name="account[verification_code]")',
    expect: single('#account_verification_code', null), uses: [SINGLE_JS],
    body: `<h1>Two-step authentication</h1><p>Enter the code from your authentication app.</p><form onsubmit="return false"><label for="account_verification_code">Authentication code</label><input id="account_verification_code" name="account[verification_code]" type="text" autocomplete="one-time-code" inputmode="numeric"><button>Log in</button></form>`,
    js: singleJs('#account_verification_code'),
  },
  {
    file: 'c13-atlassian-otp.html', cls: 'single', holdout: true,
    title: 'Atlassian two-step verification',
    source: 'Atlassian id.atlassian.com two-step verification (input#two-step-verification-otp-code-input)',
    expect: single('#two-step-verification-otp-code-input', null), uses: [SINGLE_JS],
    body: `<h5>Enter the verification code</h5><p>Enter the 6-digit code from your authenticator app.</p><input id="two-step-verification-otp-code-input" data-testid="otp-input" type="text" inputmode="numeric" placeholder="123456"><button>Verify</button>`,
    js: singleJs('#two-step-verification-otp-code-input'),
  },
  {
    file: 'c13-mixed-app-sms-link.html', cls: 'channel-mixed', holdout: false,
    title: 'Authenticator code, with a "text me instead" link',
    source: 'Google / Microsoft 2-step pages: app code field with a "Try another way: get a text message" link',
    expect: single('#totpPin', null), uses: [SINGLE_JS],
    body: `<h1>2-Step Verification</h1><p>Get a verification code from the Google Authenticator app.</p><label for="totpPin">Enter code</label><input id="totpPin" type="tel" name="totpPin"><button>Next</button><p><a href="#">Try another way</a> · <button type="button">Text a code to ••• 55</button></p>`,
    js: singleJs('#totpPin'),
  },
  {
    file: 'c13-mixed-app-email-fallback.html', cls: 'channel-mixed', holdout: true,
    title: 'Authenticator code with an "email me a code instead" button',
    source: 'Twitch / Epic-style 2FA step: authenticator code first, "Send a code to my email" alternative as a button',
    expect: single('input[name="authy_token"]', null), uses: [SINGLE_JS],
    body: `<h2>Enter your authenticator code</h2><p>Open your authenticator app and enter the 6-digit code.</p><input name="authy_token" type="text" inputmode="numeric" autocomplete="one-time-code"><button>Submit</button><p>Lost your device? <button type="button">Email me a code instead</button></p>`,
    js: singleJs('input[name="authy_token"]'),
  },
  // languages
  {
    file: 'c13-ja-bank-onetime.html', cls: 'single', holdout: false, lang: 'ja',
    title: 'ワンタイムパスワード(銀行、トークンアプリ)',
    source: 'Japanese net banking (MUFG / SMBC-style) ワンタイムパスワード entry from a token app',
    expect: single('#otpPass', 8), uses: [SINGLE_JS],
    body: `<h1>ワンタイムパスワード認証</h1><p>ワンタイムパスワードアプリに表示された数字を入力してください。</p><table><tr><th>ワンタイムパスワード</th><td><input id="otpPass" name="otpPass" type="password" maxlength="8" inputmode="numeric"></td></tr></table><button>確認</button>`,
    js: singleJs('#otpPass', 8),
  },
  {
    file: 'c13-ja-split-kakunin.html', cls: 'split', holdout: true, lang: 'ja',
    title: '確認コード(6つの枠)',
    source: 'Japanese EC site (Rakuten / Mercari-style) two-step login with six boxes',
    expect: split6('.code-box'), head: BOX_CSS, uses: [GROUP_JS],
    body: `<h1>2段階認証</h1><p>認証アプリに表示されている確認コードを入力してください。</p><div class="row">
    ${boxes(6, () => `class="code-box" type="tel" maxlength="1"`)}
</div><button>ログイン</button>`,
    js: groupJs('.code-box'),
  },
  {
    file: 'c13-de-sicherheitscode.html', cls: 'single', holdout: false, lang: 'de',
    title: 'Sicherheitscode aus der Authenticator-App',
    source: 'German online shop / bank 2FA step (Otto / DKB-style): "Sicherheitscode aus Ihrer Authenticator-App"',
    expect: single('#sicherheitscode', null), uses: [SINGLE_JS],
    body: `<h1>Anmeldung bestätigen</h1><p>Geben Sie den 6-stelligen Sicherheitscode aus Ihrer Authenticator-App ein.</p><label for="sicherheitscode">Sicherheitscode</label><input id="sicherheitscode" name="sicherheitscode" type="text" inputmode="numeric"><button>Weiter</button>`,
    js: singleJs('#sicherheitscode'),
  },
  {
    file: 'c13-de-split-einmalcode.html', cls: 'split', holdout: true, lang: 'de',
    title: 'Einmalcode in sechs Kästchen',
    source: 'German SaaS 2FA (Personio / N26-style), one box per digit',
    expect: split6('#ziffer-1'), head: BOX_CSS, uses: [GROUP_JS],
    body: `<h2>Zwei-Faktor-Authentifizierung</h2><p>Geben Sie den Einmalcode aus Ihrer App ein.</p><div class="row">
    ${boxes(6, (i) => `id="ziffer-${i + 1}" type="text" inputmode="numeric" maxlength="1" aria-label="Ziffer ${i + 1}"`)}
</div>`,
    js: groupJs('.row input'),
  },
  {
    file: 'c13-fr-code-verification.html', cls: 'single', holdout: true, lang: 'fr',
    title: 'Code de vérification (application d’authentification)',
    source: 'French service (Free / OVHcloud-style) double authentification par application',
    expect: single('#code-otp', null), uses: [SINGLE_JS],
    body: `<h1>Double authentification</h1><p>Saisissez le code à 6 chiffres généré par votre application d’authentification.</p><label for="code-otp">Code de vérification</label><input id="code-otp" name="codeOtp" type="text" inputmode="numeric"><button>Valider</button>`,
    js: singleJs('#code-otp'),
  },
  {
    file: 'c13-fr-split-chiffres.html', cls: 'split', holdout: false, lang: 'fr',
    title: 'Six cases pour le code à usage unique',
    source: 'French bank app web (Boursorama / Qonto-style) one box per digit',
    expect: split6('input[name="chiffre1"]'), head: BOX_CSS, uses: [GROUP_JS],
    body: `<h2>Code à usage unique</h2><p>Ouvrez votre application d’authentification et saisissez le code.</p><div class="row">
    ${boxes(6, (i) => `name="chiffre${i + 1}" type="text" inputmode="numeric" maxlength="1"`)}
</div>`,
    js: groupJs('.row input'),
  },
  {
    file: 'c13-es-codigo-app.html', cls: 'single', holdout: true, lang: 'es',
    title: 'Código de verificación de la aplicación de autenticación',
    source: 'Spanish service (Mercado Libre / BBVA-style) verificación en dos pasos con app',
    expect: single('#codigo', null), uses: [SINGLE_JS],
    body: `<h1>Verificación en dos pasos</h1><p>Introduce el código de 6 dígitos de tu aplicación de autenticación.</p><label for="codigo">Código</label><input id="codigo" name="codigo" type="text" inputmode="numeric"><button>Continuar</button>`,
    js: singleJs('#codigo'),
  },
  {
    file: 'c13-es-split-digitos.html', cls: 'split', holdout: false, lang: 'es',
    title: 'Código de seguridad en seis casillas',
    source: 'Latin American fintech (Nubank / Ualá-style) code boxes',
    expect: split6('.digito'), head: BOX_CSS, uses: [GROUP_JS],
    body: `<h2>Ingresa el código de tu app autenticadora</h2><div class="row">
    ${boxes(6, (i) => `class="digito" type="tel" maxlength="1" aria-label="Dígito ${i + 1}"`)}
</div>`,
    js: groupJs('.digito'),
  },
  {
    file: 'c13-zh-dongtai-kouling.html', cls: 'single', holdout: true, lang: 'zh',
    title: '动态口令(身份验证器)',
    source: 'Chinese cloud console (Alibaba Cloud / Tencent Cloud-style) MFA 动态口令 / 虚拟MFA',
    expect: single('#mfa-code', 6), uses: [SINGLE_JS],
    body: `<h2>安全验证</h2><p>请输入虚拟MFA设备(身份验证器应用)上显示的6位动态口令。</p><input id="mfa-code" type="text" placeholder="6位数字" maxlength="6"><button>确定</button>`,
    js: singleJs('#mfa-code'),
  },
  {
    file: 'c13-zh-tw-split.html', cls: 'split', holdout: false, lang: 'zh',
    title: '兩步驟驗證(六格)',
    source: 'Taiwanese e-commerce (Shopee TW / momo-style) 兩步驟驗證 boxes',
    expect: split6('.otp-cell'), head: BOX_CSS, uses: [GROUP_JS],
    body: `<h2>兩步驟驗證</h2><p>請輸入驗證器應用程式中的驗證碼。</p><div class="row">
    ${boxes(6, () => `class="otp-cell" type="tel" maxlength="1"`)}
</div>`,
    js: groupJs('.otp-cell'),
  },
  {
    file: 'c13-ko-otp-boxes.html', cls: 'split', holdout: true, lang: 'ko',
    title: 'OTP 인증번호 입력 (6칸)',
    source: 'Korean exchange (Upbit / Bithumb-style) Google OTP 인증번호 boxes',
    expect: split6('.otp-num'), head: BOX_CSS, uses: [GROUP_JS],
    body: `<h2>구글 OTP 인증</h2><p>인증 앱에 표시된 6자리 인증번호를 입력하세요.</p><div class="row">
    ${boxes(6, () => `class="otp-num" type="tel" maxlength="1"`)}
</div>`,
    js: groupJs('.otp-num'),
  },
  {
    file: 'c13-ko-single-otp.html', cls: 'single', holdout: false, lang: 'ko',
    title: 'OTP 번호 입력',
    source: 'Korean bank web (KB / Shinhan-style) 모바일 OTP 번호',
    expect: single('#otpNo', 6), uses: [SINGLE_JS],
    body: `<h1>추가 인증</h1><p>OTP 앱에서 생성된 번호를 입력하세요.</p><label for="otpNo">OTP 번호</label><input id="otpNo" type="text" maxlength="6"><button>확인</button>`,
    js: singleJs('#otpNo'),
  },
  {
    file: 'c13-ja-shadow-mfa.html', cls: 'single', holdout: false, lang: 'ja',
    title: '多要素認証(Web コンポーネント、open shadow)',
    source: 'AWS Amplify UI Authenticator (ja locale): amplify-authenticator confirm sign-in, "コードを確認"',
    expect: { field: ['amplify-confirm', 'input'], kind: 'single', length: null }, uses: [],
    body: `<h1>サインイン</h1><amplify-confirm></amplify-confirm>`,
    js: `customElements.define('amplify-confirm', class extends HTMLElement {
  constructor() {
    super();
    var r = this.attachShadow({ mode: 'open' });
    r.innerHTML = '<h3>TOTP コードを確認</h3><label>コード <input name="confirmation_code" placeholder="コード" inputmode="numeric"></label>';
    var i = r.querySelector('input');
    i.addEventListener('input', function () { document.getElementById('result').textContent = /^\\d{6}$/.test(i.value) ? i.value : ''; });
  }
});`,
  },

  // ---- negatives: no code field --------------------------------------------------------------------
  {
    file: 'c13-neg-item-code-filter.html', cls: 'neg-search', holdout: false,
    title: 'Search page with a 6-digit "Item code" filter',
    source: 'Issue 13 false positive: retailer search results (IKEA / Monotaro-style) filtering by a 6-digit item code',
    expect: none('item code filter on a search results page'), uses: [WATCH_JS],
    body: `<header><form role="search" onsubmit="return false"><input type="search" name="q" placeholder="Search products"></form></header>
<main><h1>Search results for “hex bolt”</h1><aside><h2>Filter</h2><label for="itemCode">Item code</label><input id="itemCode" name="item_code" maxlength="6" inputmode="numeric" placeholder="123456"><label for="brand">Brand</label><input id="brand" name="brand"></aside><ol><li>Hex bolt M6 — item 204518</li></ol></main>`,
  },
  {
    file: 'c13-neg-artikelnummer.html', cls: 'neg-search', holdout: true, lang: 'de',
    title: 'Artikelnummer-Suche (6-stellig)',
    source: 'German parts retailer (Conrad / Reichelt-style) quick order by 6-digit Artikelnummer',
    expect: none('6-digit article number quick order'), uses: [WATCH_JS],
    body: `<h1>Schnellbestellung</h1><p>Geben Sie die 6-stellige Artikelnummer ein.</p><form onsubmit="return false"><label>Artikelnummer <input name="artnr" maxlength="6" inputmode="numeric"></label><label>Menge <input name="menge" type="number" value="1"></label><button>In den Warenkorb</button></form>`,
  },
  {
    file: 'c13-neg-giftcard-pin.html', cls: 'neg-giftcard', holdout: false,
    title: 'Gift card balance: card number and 8-digit PIN',
    source: 'Issue 13 false positive: gift-card balance check (Target / Starbucks-style) with name="pin", 8 digits',
    expect: none('gift card PIN'), uses: [WATCH_JS],
    body: `<h1>Check your gift card balance</h1><form onsubmit="return false"><label for="gc">Gift card number</label><input id="gc" name="cardNumber" inputmode="numeric" maxlength="16"><label for="pin">PIN</label><input id="pin" name="pin" inputmode="numeric" maxlength="8"><button>Check balance</button></form>`,
  },
  {
    file: 'c13-neg-giftcard-ja.html', cls: 'neg-giftcard', holdout: true, lang: 'ja',
    title: 'ギフトカード残高照会(PIN 8桁)',
    source: 'Japanese prepaid / gift card balance page (nanaco / Amazon ギフトカード-style) with an 8-digit PIN',
    expect: none('gift card PIN, Japanese'), uses: [WATCH_JS],
    body: `<h1>残高照会</h1><p>カード裏面のPIN番号(8桁)を入力してください。</p><label>カード番号 <input name="card_no" maxlength="16"></label><label>PIN番号 <input name="pin" maxlength="8" inputmode="numeric"></label><button>照会する</button>`,
  },
  {
    file: 'c13-neg-checkout-cvc-zip.html', cls: 'neg-checkout', holdout: false,
    title: 'Checkout: card, CVC, ZIP',
    source: 'Stripe Checkout-style payment form (cardNumber, cardExpiry, cardCvc, billingPostalCode)',
    expect: none('checkout'), uses: [WATCH_JS],
    body: `<h1>Pay $24.00</h1><form onsubmit="return false"><label>Card information <input name="cardNumber" placeholder="1234 1234 1234 1234" inputmode="numeric"></label><input name="cardExpiry" placeholder="MM / YY"><input name="cardCvc" placeholder="CVC" maxlength="4" inputmode="numeric"><label>ZIP <input name="billingPostalCode" maxlength="5" inputmode="numeric"></label><button>Pay</button></form>`,
  },
  {
    file: 'c13-neg-card-split-4x4.html', cls: 'neg-checkout', holdout: true,
    title: 'Card number in four boxes of four digits',
    source: 'Japanese / European card forms that split the card number into 4×4 boxes (e.g. JCB-style)',
    expect: none('card number split in four'), uses: [WATCH_JS],
    body: `<h1>Payment</h1><fieldset><legend>Card number</legend>${boxes(4, (i) => `name="cc${i + 1}" maxlength="4" inputmode="numeric" style="width:60px"`)}</fieldset><label>Security code <input name="cvv" maxlength="3"></label><button>Pay</button>`,
  },
  {
    file: 'c13-neg-create-pin.html', cls: 'neg-pin-setup', holdout: true,
    title: 'Create a 6-digit wallet PIN (two groups of boxes)',
    source: 'Crypto wallet / banking PIN setup (MetaMask-style "Create PIN", confirm PIN)',
    expect: none('a new PIN is being chosen, not a one-time code'), uses: [WATCH_JS], head: BOX_CSS,
    body: `<h1>Create your PIN</h1><p>Choose a 6-digit PIN to unlock the app.</p><div class="row" aria-label="New PIN">${boxes(6, (i) => `type="password" maxlength="1" inputmode="numeric" name="newPin${i}"`)}</div><p>Confirm PIN</p><div class="row" aria-label="Confirm PIN">${boxes(6, (i) => `type="password" maxlength="1" inputmode="numeric" name="confirmPin${i}"`)}</div>`,
  },
  {
    file: 'c13-neg-newsletter.html', cls: 'neg-other', holdout: false,
    title: 'Newsletter sign-up and contact form',
    source: 'Generic marketing page (Mailchimp embedded form)',
    expect: none('newsletter'), uses: [WATCH_JS],
    body: `<h1>Stay in touch</h1><form onsubmit="return false"><input type="email" name="EMAIL" placeholder="Email address"><input name="FNAME" placeholder="First name"><input name="ZIP" placeholder="ZIP code" maxlength="5"><button>Subscribe</button></form><textarea name="message"></textarea>`,
  },
  {
    file: 'c13-neg-recovery-code.html', cls: 'neg-recovery', holdout: true,
    title: 'Sign in with a recovery code',
    source: 'GitHub / GitLab "use a recovery code" page (name recovery_code)',
    expect: none('recovery code'), uses: [WATCH_JS],
    body: `<h1>Two-factor recovery</h1><p>Enter one of your saved recovery codes.</p><label for="recovery_code">Recovery code</label><input id="recovery_code" name="recovery_code" placeholder="XXXXX-XXXXX" autocomplete="off"><button>Verify</button>`,
  },
  {
    file: 'c13-neg-phone-split.html', cls: 'neg-other', holdout: false,
    title: 'Phone number in three boxes',
    source: 'US forms with (area code) prefix-line boxes (e.g. DMV / utility sign-up)',
    expect: none('phone in three parts'), uses: [WATCH_JS],
    body: `<h1>Contact details</h1><label>Phone</label><input name="phone_area" maxlength="3" size="3"> <input name="phone_prefix" maxlength="3" size="3"> <input name="phone_line" maxlength="4" size="4"><button>Save</button>`,
  },
  {
    file: 'c13-neg-tv-activation.html', cls: 'neg-other', holdout: false,
    title: 'Activate your TV: enter the code shown on your TV',
    source: 'Netflix / YouTube TV device activation (code shown on the TV screen, 8 characters)',
    expect: none('the code comes from a TV screen, not an authenticator'), uses: [WATCH_JS],
    body: `<h1>Activate your device</h1><p>Enter the code shown on your TV screen.</p><input name="code" maxlength="8" placeholder="Enter code" autocomplete="off"><button>Continue</button>`,
  },
  {
    file: 'c13-neg-captcha-ko.html', cls: 'neg-captcha', holdout: true, lang: 'ko',
    title: '자동입력 방지 문자',
    source: 'Korean portal login captcha (자동입력 방지 문자, 6 characters)',
    expect: none('captcha, Korean'), uses: [WATCH_JS],
    body: `<h1>로그인</h1><img alt="자동입력 방지 문자" width="200" height="60"><label>자동입력 방지 문자 입력 <input name="captcha_answer" maxlength="6"></label><button>확인</button>`,
  },
  {
    file: 'c13-neg-coupon-zh.html', cls: 'neg-other', holdout: true, lang: 'zh',
    title: '优惠码(6位)',
    source: 'Chinese e-commerce checkout promo code (优惠码 / 兑换码)',
    expect: none('coupon, Chinese'), uses: [WATCH_JS],
    body: `<h1>结算</h1><label>优惠码 <input name="promo" maxlength="6" placeholder="请输入6位优惠码"></label><button>使用</button>`,
  },
  {
    file: 'c13-neg-dob-boxes-fr.html', cls: 'neg-other', holdout: true, lang: 'fr',
    title: 'Date de naissance en trois cases',
    source: 'French administration form (ameli / impots.gouv-style) date de naissance JJ MM AAAA',
    expect: none('date of birth'), uses: [WATCH_JS],
    body: `<h1>Vos informations</h1><fieldset><legend>Date de naissance</legend><input name="jj" maxlength="2" placeholder="JJ"><input name="mm" maxlength="2" placeholder="MM"><input name="aaaa" maxlength="4" placeholder="AAAA"></fieldset><label>Code postal <input name="cp" maxlength="5"></label>`,
  },
  {
    file: 'c13-neg-login-es.html', cls: 'neg-other', holdout: false, lang: 'es',
    title: 'Iniciar sesión (usuario y contraseña)',
    source: 'Spanish login form (usuario, contraseña)',
    expect: none('login, Spanish'), uses: [WATCH_JS],
    body: `<h1>Iniciar sesión</h1><label>Usuario <input name="usuario" autocomplete="username"></label><label>Contraseña <input name="clave" type="password" autocomplete="current-password"></label><button>Entrar</button>`,
  },

  // ---- traps: the code comes by SMS, call or e-mail (refused without an explicit account) ----------
  {
    file: 'c13-sms-texted-code.html', cls: 'channel-sms', holdout: false,
    title: 'We texted you a code',
    source: 'Issue 13 false positive: SMS verification (Twitter/X, Uber-style "We texted a code to ••• 1234")',
    expect: single('#sms_code', 6, { refuse: 'not-app-code' }), uses: [SINGLE_JS],
    body: `<h1>We texted you a code</h1><p>Enter the 6-digit code we sent to (•••) •••-1234.</p><label for="sms_code">Verification code</label><input id="sms_code" name="verification_code" autocomplete="one-time-code" inputmode="numeric" maxlength="6"><button>Verify</button>`,
    js: singleJs('#sms_code'),
  },
  {
    file: 'c13-sms-phone-sent.html', cls: 'channel-sms', holdout: true,
    title: 'Enter the code sent to your phone (split boxes)',
    source: 'WhatsApp Web / Telegram-style phone verification: "Enter the code we sent to your phone"',
    expect: split6('.sms-digit', { refuse: 'not-app-code' }), head: BOX_CSS, uses: [GROUP_JS],
    body: `<h1>Verify your phone number</h1><p>We sent a text message with a 6-digit code to +44 7700 900123.</p><div class="row">${boxes(6, () => `class="sms-digit" maxlength="1" inputmode="numeric"`)}</div><a href="#">Resend SMS</a>`,
    js: groupJs('.sms-digit'),
  },
  {
    file: 'c13-sms-ja.html', cls: 'channel-sms', holdout: true, lang: 'ja',
    title: 'SMSで届いた認証コード',
    source: 'Japanese SMS authentication (LINE / PayPay-style SMS認証)',
    expect: single('#authCode', 6, { refuse: 'not-app-code' }), uses: [SINGLE_JS],
    body: `<h1>SMS認証</h1><p>ご登録の携帯電話番号にSMSで送信された6桁の認証コードを入力してください。</p><label for="authCode">認証コード</label><input id="authCode" name="authCode" maxlength="6" inputmode="numeric" autocomplete="one-time-code"><button>認証する</button>`,
    js: singleJs('#authCode'),
  },
  {
    file: 'c13-sms-de.html', cls: 'channel-sms', holdout: true, lang: 'de',
    title: 'Bestätigungscode per SMS',
    source: 'German mobile TAN / SMS confirmation (mTAN, Sparkasse / Vodafone-style)',
    expect: single('#smsCode', 6, { refuse: 'not-app-code' }), uses: [SINGLE_JS],
    body: `<h1>Bestätigung per SMS</h1><p>Wir haben Ihnen einen Bestätigungscode per SMS an +49 170 ••• 89 gesendet.</p><label for="smsCode">Bestätigungscode</label><input id="smsCode" name="code" maxlength="6" inputmode="numeric"><button>Bestätigen</button>`,
    js: singleJs('#smsCode'),
  },
  {
    file: 'c13-sms-fr.html', cls: 'channel-sms', holdout: false, lang: 'fr',
    title: 'Code reçu par SMS',
    source: 'French bank SMS confirmation (Crédit Agricole / La Poste-style code reçu par SMS)',
    expect: single('#code', 6, { refuse: 'not-app-code' }), uses: [SINGLE_JS],
    body: `<h1>Vérification</h1><p>Saisissez le code de vérification reçu par SMS au 06 •• •• •• 12.</p><label for="code">Code de vérification</label><input id="code" name="code" maxlength="6" inputmode="numeric" autocomplete="one-time-code"><button>Valider</button>`,
    js: singleJs('#code'),
  },
  {
    file: 'c13-sms-es.html', cls: 'channel-sms', holdout: true, lang: 'es',
    title: 'Código enviado por SMS',
    source: 'Spanish SMS verification (Bizum / Santander-style "código enviado por SMS")',
    expect: single('#otp', 6, { refuse: 'not-app-code' }), uses: [SINGLE_JS],
    body: `<h1>Verifica tu identidad</h1><p>Te hemos enviado un código por SMS al +34 6•• ••• 321.</p><label for="otp">Código de verificación</label><input id="otp" name="otp" maxlength="6" inputmode="numeric"><button>Confirmar</button>`,
    js: singleJs('#otp'),
  },
  {
    file: 'c13-sms-zh.html', cls: 'channel-sms', holdout: false, lang: 'zh',
    title: '短信验证码',
    source: 'Chinese SMS login (Taobao / WeChat-style 短信验证码, 获取验证码 button)',
    expect: single('#smsCode', 6, { refuse: 'not-app-code' }), uses: [SINGLE_JS],
    body: `<h1>手机号登录</h1><p>验证码已发送至 138****5678</p><label for="smsCode">短信验证码</label><input id="smsCode" name="smsCode" maxlength="6" placeholder="请输入验证码"><button type="button">重新获取</button>`,
    js: singleJs('#smsCode'),
  },
  {
    file: 'c13-sms-ko.html', cls: 'channel-sms', holdout: true, lang: 'ko',
    title: '문자로 받은 인증번호',
    source: 'Korean 휴대폰 본인인증 (PASS / KakaoBank-style 문자 인증번호)',
    expect: single('#certNo', 6, { refuse: 'not-app-code' }), uses: [SINGLE_JS],
    body: `<h1>휴대폰 인증</h1><p>입력하신 휴대폰 번호로 문자 메시지가 발송되었습니다.</p><label for="certNo">인증번호</label><input id="certNo" name="certNo" maxlength="6" inputmode="numeric"><button>확인</button>`,
    js: singleJs('#certNo'),
  },
  {
    file: 'c13-call-voice.html', cls: 'channel-call', holdout: false,
    title: 'We’ll call you with a code',
    source: 'Voice-call verification (Microsoft / Google "Call me" option: "We called your phone")',
    expect: single('#callCode', 6, { refuse: 'not-app-code' }), uses: [SINGLE_JS],
    body: `<h1>Answer the call</h1><p>We’re calling +1 (•••) •••-4321. Enter the 6-digit code you hear.</p><label for="callCode">Code</label><input id="callCode" name="code" maxlength="6" inputmode="numeric" autocomplete="one-time-code"><button>Verify</button>`,
    js: singleJs('#callCode'),
  },
  {
    file: 'c13-call-ja.html', cls: 'channel-call', holdout: true, lang: 'ja',
    title: '音声通話でお知らせする認証番号',
    source: 'Japanese 音声通話認証 (電話でお知らせする認証番号, au / docomo-style)',
    expect: single('#pin', 4, { refuse: 'not-app-code' }), uses: [SINGLE_JS],
    body: `<h1>電話番号の確認</h1><p>音声通話(自動音声の電話)でお知らせする4桁の認証番号を入力してください。</p><label for="pin">認証番号</label><input id="pin" name="pin" maxlength="4" inputmode="numeric"><button>確認</button>`,
    js: singleJs('#pin', 4),
  },
  {
    file: 'c13-email-code.html', cls: 'channel-email', holdout: false,
    title: 'Check your email for a code',
    source: 'Slack / Notion-style e-mail login code ("We’ve sent a code to a•••@example.com")',
    expect: single('#emailCode', 6, { refuse: 'no-email-code' }), uses: [SINGLE_JS],
    body: `<h1>Check your email for a code</h1><p>We’ve sent a 6-digit code to a•••@example.com. The code expires shortly, so please enter it soon.</p><label for="emailCode">Verification code</label><input id="emailCode" name="code" autocomplete="one-time-code" inputmode="numeric" maxlength="6"><button>Continue</button>`,
    js: singleJs('#emailCode'),
  },
  {
    file: 'c13-email-boxes.html', cls: 'channel-email', holdout: true,
    title: 'We emailed you a code (split boxes)',
    source: 'Steam Guard e-mail code / Epic Games "check your inbox" boxes',
    expect: split6('.mail-digit', { refuse: 'no-email-code' }), head: BOX_CSS, uses: [GROUP_JS],
    body: `<h1>Confirm your sign-in</h1><p>We emailed a verification code to the address on your account. Check your inbox.</p><div class="row">${boxes(6, () => `class="mail-digit" maxlength="1" inputmode="numeric"`)}</div>`,
    js: groupJs('.mail-digit'),
  },
  {
    file: 'c13-email-ja.html', cls: 'channel-email', holdout: false, lang: 'ja',
    title: 'メールに記載された確認コード',
    source: 'Japanese service e-mail verification (メールアドレス宛に確認コードを送信しました)',
    expect: single('#code', 6, { refuse: 'no-email-code' }), uses: [SINGLE_JS],
    body: `<h1>確認コードの入力</h1><p>ご登録のメールアドレス宛に確認コードを送信しました。メールに記載されたコードを入力してください。</p><label for="code">確認コード</label><input id="code" name="code" maxlength="6" inputmode="numeric"><button>送信</button>`,
    js: singleJs('#code'),
  },
  {
    file: 'c13-email-de.html', cls: 'channel-email', holdout: true, lang: 'de',
    title: 'Code per E-Mail',
    source: 'German shop login via E-Mail-Code (Zalando / Kleinanzeigen-style)',
    expect: single('#emailcode', 6, { refuse: 'no-email-code' }), uses: [SINGLE_JS],
    body: `<h1>Bestätige deine Anmeldung</h1><p>Wir haben dir einen Code per E-Mail an m•••@web.de geschickt.</p><label for="emailcode">Bestätigungscode</label><input id="emailcode" name="code" maxlength="6" inputmode="numeric"><button>Weiter</button>`,
    js: singleJs('#emailcode'),
  },
  {
    file: 'c13-email-ko.html', cls: 'channel-email', holdout: false, lang: 'ko',
    title: '이메일 인증번호',
    source: 'Korean service e-mail verification (이메일로 발송된 인증번호)',
    expect: single('#mailCert', 6, { refuse: 'no-email-code' }), uses: [SINGLE_JS],
    body: `<h1>이메일 인증</h1><p>가입하신 이메일로 인증번호를 발송했습니다.</p><label for="mailCert">인증번호</label><input id="mailCert" maxlength="6" inputmode="numeric"><button>확인</button>`,
    js: singleJs('#mailCert'),
  },
  {
    file: 'c13-email-zh.html', cls: 'channel-email', holdout: true, lang: 'zh',
    title: '邮箱验证码',
    source: 'Chinese developer platform e-mail verification (邮箱验证码已发送)',
    expect: single('#emailVerify', 6, { refuse: 'no-email-code' }), uses: [SINGLE_JS],
    body: `<h1>安全验证</h1><p>验证码已发送到您的邮箱 z***@163.com,请查收邮件。</p><label for="emailVerify">邮箱验证码</label><input id="emailVerify" maxlength="6"><button>提交</button>`,
    js: singleJs('#emailVerify'),
  },
  {
    file: 'c13-email-fr.html', cls: 'channel-email', holdout: false, lang: 'fr',
    title: 'Code envoyé par e-mail',
    source: 'French marketplace e-mail code (Vinted / Leboncoin-style "code envoyé par e-mail")',
    expect: single('#code-mail', 6, { refuse: 'no-email-code' }), uses: [SINGLE_JS],
    body: `<h1>Vérifiez votre adresse</h1><p>Nous vous avons envoyé un code par e-mail. Consultez votre boîte de réception.</p><label for="code-mail">Code de vérification</label><input id="code-mail" maxlength="6" inputmode="numeric"><button>Valider</button>`,
    js: singleJs('#code-mail'),
  },
  {
    file: 'c13-email-es.html', cls: 'channel-email', holdout: true, lang: 'es',
    title: 'Código enviado a tu correo electrónico',
    source: 'Spanish e-mail verification (Wallapop / Idealista-style correo electrónico)',
    expect: single('#codigoCorreo', 6, { refuse: 'no-email-code' }), uses: [SINGLE_JS],
    body: `<h1>Revisa tu correo</h1><p>Hemos enviado un código de verificación a tu correo electrónico.</p><label for="codigoCorreo">Código</label><input id="codigoCorreo" maxlength="6" inputmode="numeric"><button>Verificar</button>`,
    js: singleJs('#codigoCorreo'),
  },
];
