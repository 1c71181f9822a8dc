// Hands bytes to the browser's own download (a blob: URL, revoked right after): the only file
// written is the one the user downloads; Tessera writes nothing else anywhere.
export function downloadBytes(bytes: Uint8Array, filename: string, type: string): void {
  const url = URL.createObjectURL(new Blob([bytes as BlobPart], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** Tells reminders on this page that a backup was just made (they ask the background again). */
export const BACKUP_EVENT = 'tessera:backup-changed';
