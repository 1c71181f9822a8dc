// The issuer's mark in a popup row: a bundled brand icon (lib/ui/issuer-icon-set.ts, loaded
// lazily as its own chunk after the first paint) or else a letter avatar (lib/ui/avatar.ts).
// Nothing is ever fetched from the network.
import { useEffect, useState } from 'preact/hooks';
import { letterAvatar } from '../../lib/ui/avatar';
import type { BrandIcon } from '../../lib/ui/issuer-icon-set';
import type { IconMatcher } from '../../lib/ui/issuer-icons';

let matcher: IconMatcher<BrandIcon> | null = null;
let loading: Promise<IconMatcher<BrandIcon>> | null = null;
function loadMatcher(): Promise<IconMatcher<BrandIcon>> {
  loading ??= Promise.all([import('../../lib/ui/issuer-icon-set'), import('../../lib/ui/issuer-icons')]).then(([set, m]) => (matcher = new m.IconMatcher(set.ICONS)));
  return loading;
}

export function IssuerIcon({ name }: { name: string }) {
  const [icon, setIcon] = useState<BrandIcon | null>(() => matcher?.find(name) ?? null);
  useEffect(() => {
    if (matcher) return void setIcon(matcher.find(name));
    let live = true;
    void loadMatcher().then((m) => live && setIcon(m.find(name)));
    return () => void (live = false);
  }, [name]);
  if (icon) {
    return (
      <span class="avatar" aria-hidden="true" style={{ background: `#${icon.hex}` }} data-icon={icon.title}>
        <svg viewBox="0 0 24 24" role="img"><path d={icon.path} /></svg>
      </span>
    );
  }
  const { letter, color } = letterAvatar(name);
  return <span class="avatar" aria-hidden="true" style={{ background: color }}>{letter}</span>;
}
