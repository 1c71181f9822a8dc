// Every area's dictionaries, merged. Each area owns its file; keys are prefixed by area.
import type { Dictionary } from '../i18n';
import autofill from './autofill';
import backup from './backup';
import errors from './errors';
import importFiles from './import';
import otp from './otp';
import passkey from './passkey';
import policy from './policy';
import polish from './polish';
import qr from './qr';
import sites from './sites';
import sync from './sync';
import tokens from './tokens';
import ui from './ui';
import vault from './vault';
import clock from './clock';
import email from './email';
import organise from './organise';

const areas: Array<{ en: Dictionary; ja: Dictionary }> = [errors, ui, otp, vault, tokens, autofill, qr, sync, sites, importFiles, policy, backup, passkey, clock, email, organise, polish];

export const strings: { en: Dictionary; ja: Dictionary } = {
  en: Object.assign({}, ...areas.map((a) => a.en)),
  ja: Object.assign({}, ...areas.map((a) => a.ja)),
};
