// Test helpers for lib/otp.
import { TesseraError } from '../../../lib/messages/errors';

/** The TesseraError code `f` throws, undefined when it returns, 'untyped' for any other throw. */
export function errorCode(f: () => unknown): string | undefined {
  try {
    f();
  } catch (e) {
    return e instanceof TesseraError ? e.code : `untyped: ${String(e)}`;
  }
  return undefined;
}
