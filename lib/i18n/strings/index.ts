// Every area's dictionaries, merged. Add an area by importing it here.
import type { Dictionary } from '../i18n';
import errors from './errors';
import ui from './ui';

const areas: Array<{ en: Dictionary; ja: Dictionary }> = [errors, ui];

export const strings: { en: Dictionary; ja: Dictionary } = {
  en: Object.assign({}, ...areas.map((a) => a.en)),
  ja: Object.assign({}, ...areas.map((a) => a.ja)),
};
