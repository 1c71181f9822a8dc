// User-visible text of the clock check (issue 15, lib/clock, components/popup/ClockWarning.tsx), in English and Japanese.
export default {
  en: {
    'clock.behind': 'This computer’s clock is {0} behind: codes may be refused.',
    'clock.ahead': 'This computer’s clock is {0} ahead: codes may be refused.',
    'clock.fix': 'Fix it: turn on “Set time automatically” in your system’s date and time settings.',
    'clock.correcting': 'Tessera is showing codes for the correct time.',
    'clock.correct': 'Use the correct time for codes',
    'clock.setting': 'Correct this computer’s clock for codes when it is off',
    'clock.settingHint': 'Estimated from the Date of web pages you already visit; nothing extra is fetched. Automatic when the clock is more than 30 s off.',
    'clock.seconds': '{0} s',
    'clock.minutes': '{0} min {1} s',
    'clock.hours': '{0} h {1} min',
  },
  ja: {
    'clock.behind': 'このコンピューターの時計が {0} 遅れています。コードが受け付けられないことがあります。',
    'clock.ahead': 'このコンピューターの時計が {0} 進んでいます。コードが受け付けられないことがあります。',
    'clock.fix': '直し方：システムの「日付と時刻」設定で「時刻を自動的に設定する」をオンにしてください。',
    'clock.correcting': 'Tessera は正しい時刻でコードを表示しています。',
    'clock.correct': 'コードに正しい時刻を使う',
    'clock.setting': '時計がずれているとき、コードの時刻を補正する',
    'clock.settingHint': 'すでに表示しているウェブページの日時から推定します。そのための通信はしません。30 秒を超えてずれていると自動で補正します。',
    'clock.seconds': '{0} 秒',
    'clock.minutes': '{0} 分 {1} 秒',
    'clock.hours': '{0} 時間 {1} 分',
  },
};
