// The issuer's mark in a popup row: a letter avatar (lib/ui/avatar.ts), never fetched.
import { letterAvatar } from '../../lib/ui/avatar';

export function IssuerIcon({ name }: { name: string }) {
  const { letter, color } = letterAvatar(name);
  return <span class="avatar" aria-hidden="true" style={{ background: color }}>{letter}</span>;
}
