// Lets a bench script import the project's TypeScript (lib/*.ts) straight from Node: re-runs the
// script with --experimental-transform-types when it was started without, and resolves
// extensionless relative imports to their .ts file, as the bundler does.
import { spawnSync } from 'node:child_process';
import { register } from 'node:module';

export function loadTypeScript(scriptUrl) {
  if (!process.execArgv.includes('--experimental-transform-types')) {
    const r = spawnSync(process.execPath, ['--experimental-transform-types', '--no-warnings', ...process.execArgv, new URL(scriptUrl).pathname, ...process.argv.slice(2)], { stdio: 'inherit' });
    process.exit(r.status ?? 1);
  }
  register(
    `data:text/javascript,${encodeURIComponent(`
export async function resolve(specifier, context, next) {
  if (/^\\.\\.?\\//.test(specifier) && !/\\.[cm]?[jt]sx?$/.test(specifier)) {
    try { return await next(specifier + '.ts', context); } catch {}
  }
  return next(specifier, context);
}`)}`,
  );
}
