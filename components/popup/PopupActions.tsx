// The popup's page actions (scan a QR code on this page, use an emergency token for this
// site); filled in by the QR and token features.
export function PopupActions(_props: { onChanged(): void; onMessage(text: string): void }) {
  return null;
}
