// The small window the popup opens for "Scan the screen…" (issue 16): the popup closes as soon
// as the browser's picker takes the focus, so the capture runs in this page instead.
import { render } from 'preact';
import { ScreenScanPage } from '../../components/qr/ScreenScanPage';
import { getLang, t } from '../../lib/i18n/i18n';
import '../../components/styles.css';

document.documentElement.lang = getLang();
document.title = `Tessera · ${t('screen.title')}`;
render(<ScreenScanPage />, document.getElementById('app')!);
