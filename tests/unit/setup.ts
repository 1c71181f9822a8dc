// Unit-test environment: an in-memory IndexedDB (happy-dom has none) and English text.
import 'fake-indexeddb/auto';
import { setLang } from '../../lib/i18n/i18n';

setLang('en');
