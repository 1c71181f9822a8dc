// A real WebDAV server for tests: Debian's Apache httpd with mod_dav_fs, started from a standalone
// configuration in a temporary folder (nothing in /etc/apache2 is used or changed), listening on
// 127.0.0.1 at a free port, with HTTP Basic authentication from an htpasswd file we write
// ourselves ({SHA} scheme: base64 of the SHA-1 of the password, which Apache's authn_file
// accepts). `FileETag Digest` gives strong ETags even right after a write (shared/toolchain-notes.md).
// As root the worker processes run as www-data, which then owns the temporary folders.
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { chownSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';

export const APACHE = '/usr/sbin/apache2';
const MODULES = '/usr/lib/apache2/modules';
export const INSTALL_HINT = 'apt-get update && apt-get install -y apache2';

export interface ApacheWebDav {
  /** The DAV root, e.g. http://127.0.0.1:34567/ (ends with a slash). */
  url: string;
  username: string;
  password: string;
  /** The folder served as the DAV root, to inspect what was written. */
  root: string;
  stop(): Promise<void>;
}

/** A port nothing listens on right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

function www(): { uid: number; gid: number } | null {
  try {
    const line = readFileSync('/etc/passwd', 'utf8').split('\n').find((l) => l.startsWith('www-data:'));
    const [, , uid, gid] = line?.split(':') ?? [];
    return uid && gid ? { uid: Number(uid), gid: Number(gid) } : null;
  } catch {
    return null;
  }
}

export async function startApacheWebDav(options: { username?: string; password?: string } = {}): Promise<ApacheWebDav> {
  if (!existsSync(APACHE)) {
    throw new Error(`Apache httpd is missing (${APACHE}). Install it with:\n  ${INSTALL_HINT}`);
  }
  const username = options.username ?? 'tessera';
  const password = options.password ?? randomBytes(12).toString('base64url');
  const dir = mkdtempSync(join(tmpdir(), 'tessera-dav-'));
  const root = join(dir, 'dav');
  const lock = join(dir, 'lock');
  for (const d of [root, lock]) mkdirSync(d);
  writeFileSync(join(dir, 'htpasswd'), `${username}:{SHA}${createHash('sha1').update(password).digest('base64')}\n`);

  const asRoot = userInfo().uid === 0;
  const worker = asRoot ? www() : null;
  if (asRoot && worker) for (const d of [dir, root, lock]) chownSync(d, worker.uid, worker.gid);

  const port = await freePort();
  const conf = [
    `ServerRoot "${dir}"`,
    'ServerName 127.0.0.1',
    `Listen 127.0.0.1:${port}`,
    `PidFile "${dir}/httpd.pid"`,
    `ErrorLog "${dir}/error.log"`,
    'LogLevel warn',
    ...['mpm_event', 'authz_core', 'authn_core', 'auth_basic', 'authn_file', 'authz_user', 'dav', 'dav_fs'].map(
      (m) => `LoadModule ${m}_module ${MODULES}/mod_${m}.so`,
    ),
    ...(asRoot && worker ? ['User www-data', 'Group www-data'] : []),
    `DavLockDB "${lock}/DavLock"`,
    `DocumentRoot "${root}"`,
    'FileETag Digest',
    'Timeout 10',
    'ThreadsPerChild 32',
    'MaxRequestWorkers 64',
    `<Directory "${root}">`,
    '  Dav On',
    '  AuthType Basic',
    '  AuthName "tessera-test"',
    `  AuthUserFile "${dir}/htpasswd"`,
    '  Require valid-user',
    '</Directory>',
  ];
  const confPath = join(dir, 'httpd.conf');
  writeFileSync(confPath, `${conf.join('\n')}\n`);

  const child: ChildProcess = spawn(APACHE, ['-f', confPath, '-DFOREGROUND'], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));

  const url = `http://127.0.0.1:${port}/`;
  const deadline = Date.now() + 10_000;
  for (;;) {
    if (child.exitCode !== null) {
      const log = existsSync(join(dir, 'error.log')) ? readFileSync(join(dir, 'error.log'), 'utf8') : '';
      rmSync(dir, { recursive: true, force: true });
      throw new Error(`apache2 exited (${child.exitCode}): ${stderr}${log}`);
    }
    try {
      const res = await fetch(url, { method: 'OPTIONS' });
      await res.body?.cancel();
      break;
    } catch {
      if (Date.now() > deadline) {
        child.kill('SIGKILL');
        throw new Error(`apache2 did not start: ${stderr}`);
      }
      await new Promise((r) => setTimeout(r, 25));
    }
  }

  return {
    url,
    username,
    password,
    root,
    async stop() {
      if (child.exitCode === null) {
        child.kill('SIGTERM');
        const killer = setTimeout(() => child.kill('SIGKILL'), 5000);
        await exited;
        clearTimeout(killer);
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
