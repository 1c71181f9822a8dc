#!/bin/bash
# Builds the issue-14 anchor: the Authenticator extension (github.com/Authenticator-Extension/
# Authenticator), tag v8.0.2, Chrome target, unpacked, the way its release workflow does
# (.github/workflows/release.yml → scripts/release.sh → `bash scripts/build.sh prod`), minus two
# steps that cannot or need not run here: decrypting the backup-service API credentials (a CI
# secret; they only matter for Drive/Dropbox/OneDrive backups, and prod refuses to build without
# them) and generating view/licenses.html (a page linked from "About").
# Usage: build-authenticator.sh <git dir of the Authenticator repo> [out dir] [work dir]
# Needs Node 22 on PATH and the npm registry (the only network it uses).
set -euo pipefail
GIT_DIR_IN=${1:?git dir of Authenticator-Extension/Authenticator}
HERE=$(cd "$(dirname "$0")" && pwd)
OUT=${2:-$HERE/authenticator-chrome}
SRC=${3:-$HERE/src}
TAG=v8.0.2

echo "tag $TAG = commit $(git --git-dir="$GIT_DIR_IN" rev-parse "$TAG^{commit}")"
rm -rf "$SRC" && mkdir -p "$SRC"
git --git-dir="$GIT_DIR_IN" archive "$TAG" | tar -x -C "$SRC"
cd "$SRC"
grep -q '"version": "8.0.2"' manifests/manifest-chrome.json

# `npm ci` (what their CI runs) refuses with npm 11: the 2024 lock file lacks an entry for the
# macOS-only optional `fsevents`. `npm install` keeps every locked version (checked below) and only
# adds that entry. Puppeteer (a test dependency) must not download a browser.
cp package-lock.json ../package-lock.v8.0.2.json
PUPPETEER_SKIP_DOWNLOAD=1 npm install --no-audit --no-fund
node -e '
  const a = require("../package-lock.v8.0.2.json").packages, fs = require("fs");
  let bad = 0;
  for (const [k, v] of Object.entries(a)) {
    if (!k) continue;
    let got; try { got = JSON.parse(fs.readFileSync(k + "/package.json")).version; } catch { got = null; }
    if (got !== v.version && !(got === null && v.optional)) { bad++; console.error(k, "locked", v.version, "installed", got); }
  }
  if (bad) process.exit(1);
  console.log("every installed package matches the v8.0.2 lock file");'

# scripts/build.sh prod, step by step.
./node_modules/.bin/prettier --check ./src/* ./src/**/* ./src/**/**/* ./sass/*.scss > /dev/null || true
./node_modules/.bin/eslint . --ext .js,.ts
./node_modules/webpack-cli/bin/cli.js --config webpack.prod.js
./node_modules/sass/sass.js sass:css
cp ./sass/DroidSansMono.woff2 ./sass/mocha.css ./css/
rm -rf "$OUT" && mkdir -p "$OUT"
cp -r dist css images _locales LICENSE view "$OUT"/
cp manifests/manifest-chrome.json "$OUT"/manifest.json
cp manifests/schema-chrome.json "$OUT"/schema.json
cp manifests/manifest-pwa.json "$OUT"/manifest-pwa.json
echo "built $OUT"
