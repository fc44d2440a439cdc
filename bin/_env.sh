# Sourced by bin/run and bin/test: make sure .venv, the pinned packages and bun
# are in place (installing only what is missing or changed), then put them on PATH.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
BUN_VERSION=1.4.4
REQUIREMENTS="${1:-requirements.txt}"

pick_python() {
  for candidate in python3.11 python3; do
    if command -v "$candidate" >/dev/null 2>&1 &&
       "$candidate" -c 'import sys; sys.exit(0 if sys.version_info[:2] == (3, 11) else 1)' 2>/dev/null; then
      echo "$candidate"; return 0
    fi
  done
  echo "error: Python 3.11 is needed (python3.11 or python3 on PATH)." >&2
  return 1
}

if [ ! -x .venv/bin/python ]; then
  echo "==> Creating .venv"
  "$(pick_python)" -m venv .venv
  .venv/bin/python -m pip install --quiet --upgrade pip 2> >(grep -v "is ignored: it is neither" >&2)
fi

# Reinstall only when the requirement files changed.
stamp=".venv/.installed-$(basename "$REQUIREMENTS" .txt)"
want="$(cat requirements*.txt | sha256sum | cut -c1-16)"
if [ "$(cat "$stamp" 2>/dev/null || true)" != "$want" ]; then
  echo "==> Installing Python packages from $REQUIREMENTS"
  # (this machine's pip config lists optional local indexes; their "is ignored" notes are noise)
  .venv/bin/python -m pip install --quiet --disable-pip-version-check -r "$REQUIREMENTS" \
    2> >(grep -v "is ignored: it is neither a file nor a directory" >&2)
  echo "$want" > "$stamp"
fi

# bun from the npm registry, inside the project (Reflex's own download needs the internet).
if [ "$(.tools/node_modules/.bin/bun --version 2>/dev/null || true)" != "$BUN_VERSION" ]; then
  echo "==> Installing bun $BUN_VERSION into .tools/"
  command -v npm >/dev/null 2>&1 || { echo "error: npm (Node.js) is needed to install bun." >&2; exit 1; }
  npm install --silent --no-audit --no-fund --prefix .tools "bun@$BUN_VERSION" >/dev/null
fi

# axe-core (the accessibility checker the browser tests inject into each page) from the npm
# registry, pinned, in its own folder under .tools/ (npm checks the tarball against the registry's
# integrity hash). Only the test environment needs it.
AXE_CORE_VERSION=4.10.2
install_axe_core() {  # $1: the folder to install into; does nothing when the pinned version is there
  local prefix="$1"
  if [ "$(sed -n 's/^ *"version": "\(.*\)",*$/\1/p' "$prefix/node_modules/axe-core/package.json" 2>/dev/null | head -1)" \
       != "$AXE_CORE_VERSION" ]; then
    echo "==> Installing axe-core $AXE_CORE_VERSION into $prefix/"
    command -v npm >/dev/null 2>&1 || { echo "error: npm (Node.js) is needed to install axe-core." >&2; return 1; }
    mkdir -p "$prefix"
    npm install --silent --no-audit --no-fund --no-save --prefix "$prefix" "axe-core@$AXE_CORE_VERSION" >/dev/null
  fi
}
if [ "$REQUIREMENTS" = requirements-test.txt ]; then
  install_axe_core "$ROOT/.tools/axe"
  export HOFFICE_AXE_JS="$ROOT/.tools/axe/node_modules/axe-core/axe.min.js"
fi

export PATH="$ROOT/.venv/bin:$ROOT/.tools/node_modules/.bin:$PATH"
export REFLEX_USE_SYSTEM_BUN=1
export REFLEX_TELEMETRY_ENABLED=false
export PYTHONDONTWRITEBYTECODE=1
