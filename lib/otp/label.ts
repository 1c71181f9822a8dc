// The "Issuer:account" label of the Key Uri Format ("Label" section), also used as the `name`
// of Google Authenticator export entries (which hold the whole label, prefix included).
//
// The rule, which reads every real-world form and gives back exactly what was written:
// - With an issuer (the `issuer` parameter, or the export entry's issuer field): it wins.
//   A label that begins with that issuer and a colon (compared without regard to case) loses
//   the prefix; any other label is kept whole, colons included, so nothing is dropped
//   ("Google Inc:me" with issuer=Google stays "Google Inc:me").
// - Without one: the text before the first colon is the issuer and the rest the account;
//   no colon means no issuer.
// - The Format allows spaces after the colon ("Big%20Corporation%3A%20alice"): both parts
//   are trimmed, and the account must not be empty.
// Joining is the inverse: "issuer:account", or ":account" when there is no issuer but the
// account holds a colon (so that it is not mistaken for a prefix when read back).

export interface IssuerAndLabel {
  issuer: string;
  label: string;
}

/** Splits a decoded label; `issuer` is the separately given issuer ('' when there is none). */
export function splitLabel(text: string, issuer: string): IssuerAndLabel {
  const given = issuer.trim();
  if (given !== '') {
    const head = text.slice(0, given.length);
    const prefixed = text[given.length] === ':' && head.toLowerCase() === given.toLowerCase();
    return { issuer: given, label: (prefixed ? text.slice(given.length + 1) : text).trim() };
  }
  const colon = text.indexOf(':');
  if (colon < 0) return { issuer: '', label: text.trim() };
  return { issuer: text.slice(0, colon).trim(), label: text.slice(colon + 1).trim() };
}

/** Joins issuer and account into a label; `encode` escapes each part (not the colon). */
export function joinLabel(issuer: string, label: string, encode: (s: string) => string = (s) => s): string {
  if (issuer !== '') return `${encode(issuer)}:${encode(label)}`;
  return label.includes(':') ? `:${encode(label)}` : encode(label);
}
