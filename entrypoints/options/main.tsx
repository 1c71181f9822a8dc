import { render } from 'preact';
import { Options } from '../../components/options/Options';
import { getLang } from '../../lib/i18n/i18n';
import '../../components/styles.css';

document.documentElement.lang = getLang();
render(<Options />, document.getElementById('app')!);
