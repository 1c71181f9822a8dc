// The letter avatar shown for an issuer without a bundled icon: its first letter (or kana /
// ideograph) and a colour picked from the name, so one issuer always looks the same. Offline.
import { foldName } from '../order/order';

const HUES = [210, 12, 140, 280, 35, 330, 180, 95, 250, 0];

export function letterAvatar(name: string): { letter: string; color: string } {
  const folded = foldName(name);
  const letter = (Array.from(folded)[0] ?? '?').toUpperCase();
  let h = 0;
  for (const ch of folded.toLowerCase()) h = (h * 31 + ch.codePointAt(0)!) >>> 0;
  return { letter, color: `hsl(${HUES[h % HUES.length]} 55% 42%)` };
}
