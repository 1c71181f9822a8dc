// Google Authenticator export links for tests, built with the project's own serialiser.
import { serializeMigrationUri } from '../../../lib/otp/migration';
import type { OtpParams } from '../../../lib/otp/account';

export function serialiseMigration(n: number): string {
  const accounts: OtpParams[] = Array.from({ length: n }, (_, i) => ({
    type: 'totp', secret: 'JBSWY3DPEHPK3PXP' + 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567'[i % 32]!.repeat(8), issuer: `Issuer${i}`, label: `user${i}@example.com`,
    algorithm: 'SHA1', digits: 6, period: 30, counter: 0, extra: [],
  }));
  return serializeMigrationUri(accounts, { index: 1, size: 1, id: 7 });
}
