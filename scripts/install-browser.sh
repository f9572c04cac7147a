#!/usr/bin/env bash
# What the browser tests need, installed by the project itself (run by `make test`):
#   - Debian's Chromium at /usr/bin/chromium (apt-get, only when it is missing; needs root);
#   - axe-core from the npm registry into .cache/npm (project-local, git-ignored).
# Playwright for Python and schemathesis come with the `test` extra (pip).
# A failure here is not fatal: the browser tests then skip themselves and print why.
set -u
cd "$(dirname "$0")/.."

AXE_VERSION="${AXE_VERSION:-4}"
NPM_PREFIX=".cache/npm"
status=0

if [ -x /usr/bin/chromium ]; then
    echo "install-browser: Chromium present ($(/usr/bin/chromium --version 2>/dev/null || echo '?'))."
elif ! command -v apt-get >/dev/null 2>&1; then
    echo "install-browser: no /usr/bin/chromium and no apt-get: the browser tests will be skipped." >&2
    status=1
elif [ "$(id -u)" != 0 ]; then
    echo "install-browser: no /usr/bin/chromium and not root: install it with 'sudo apt-get install chromium'; the browser tests will be skipped." >&2
    status=1
else
    echo "install-browser: installing Debian's chromium (apt-get)…"
    export DEBIAN_FRONTEND=noninteractive
    if apt-get update -qq && apt-get install -y -qq --no-install-recommends chromium fonts-dejavu-core >/dev/null; then
        echo "install-browser: $(/usr/bin/chromium --version 2>/dev/null)"
    else
        echo "install-browser: apt-get could not install chromium: the browser tests will be skipped." >&2
        status=1
    fi
fi

if [ -f "$NPM_PREFIX/node_modules/axe-core/axe.min.js" ]; then
    echo "install-browser: axe-core present ($NPM_PREFIX)."
else
    if ! command -v npm >/dev/null 2>&1 && command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
        echo "install-browser: installing npm (apt-get)…"
        export DEBIAN_FRONTEND=noninteractive
        apt-get update -qq && apt-get install -y -qq --no-install-recommends npm >/dev/null || true
    fi
    if command -v npm >/dev/null 2>&1; then
        mkdir -p "$NPM_PREFIX"
        if npm install --silent --no-audit --no-fund --prefix "$NPM_PREFIX" "axe-core@$AXE_VERSION" >/dev/null; then
            echo "install-browser: axe-core $(node -p "require('./$NPM_PREFIX/node_modules/axe-core/package.json').version" 2>/dev/null || echo "$AXE_VERSION") in $NPM_PREFIX."
        else
            echo "install-browser: npm could not install axe-core: the accessibility tests will be skipped." >&2
            status=1
        fi
    else
        echo "install-browser: no npm: the accessibility tests will be skipped." >&2
        status=1
    fi
fi

# Never fail `make test` here: the tests report what is missing as skipped, with the reason.
[ "$status" = 0 ] || echo "install-browser: incomplete set-up (see above); continuing." >&2
exit 0
