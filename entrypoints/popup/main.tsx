import { render } from 'preact';
import { Popup } from '../../components/popup/Popup';
import { getLang } from '../../lib/i18n/i18n';
import '../../components/styles.css';

document.documentElement.lang = getLang();
render(<Popup />, document.getElementById('app')!);
