// The app's only user. In a real suite the test would enrol a fresh user (or seed the database)
// and get this secret the same way; here it is fixed so the example stays tiny.
export const USER = {
  username: 'alice',
  password: 'correct horse',
  // Base32 (RFC 4648), as an authenticator app is given it.
  totpSecret: 'KRSXG5CTMVRXEZLUKRSXG5CTMVRXEZLU',
};

/** The enrolment link the app would show as a QR code (Key Uri Format). */
export const ENROLMENT_URI = `otpauth://totp/Example%20App:${USER.username}?secret=${USER.totpSecret}&issuer=Example%20App`;
