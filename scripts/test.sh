#!/usr/bin/env bash
# `npm test`: provisions what the suites need, then runs every suite once.
#  - MariaDB: TEST_MYSQL_URL if set; else the server on 127.0.0.1:3306 (root, no password)
#    with a fresh database for this run; else a private mariadbd on a temporary data
#    directory (installing Debian's mariadb-server when running as root).
#  - Chromium for the e2e suite: /usr/bin/chromium, installed from Debian when root.
# Nothing is skipped: a dependency that can be neither found nor provisioned stops the
# run with the command that installs it. Runs the checks (types, dependency rules, lint,
# format, knip) and every jest suite; ends with the line "N passed, N failed", each check
# counted as one test.
set -euo pipefail
cd "$(dirname "$0")/.."

say() { printf '\n== %s\n' "$*"; }
fail() { printf '\nnpm test: %s\n' "$*" >&2; exit 1; }

node -e 'const [major, minor] = process.versions.node.split(".").map(Number); process.exit(major > 20 || (major === 20 && minor >= 19) ? 0 : 1)' \
  || fail "Node.js 20.19 or newer is needed (found $(node --version))."
[ -d node_modules ] || fail "dependencies are not installed: run npm ci"

is_root() { [ "$(id -u)" = 0 ]; }
apt_updated=""
apt_install() {
  is_root || fail "$1 is missing and this user cannot install it. Install it with: sudo apt-get install -y $2"
  if [ -z "$apt_updated" ]; then apt-get update -qq >/dev/null || fail "apt-get update failed"; apt_updated=1; fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$2" >/dev/null || fail "apt-get install -y $2 failed"
}

cleanup_steps=()
cleanup() { local step; for step in "${cleanup_steps[@]}"; do eval "$step" || true; done; }
trap cleanup EXIT

# ---- MariaDB -------------------------------------------------------------------------
mysql_ping() { # $1 = URL; succeeds when a server answers there
  node -e 'require("mysql2/promise").createConnection({ uri: process.argv[1], connectTimeout: 3000 })
    .then(c => c.query("select 1").then(() => c.end())).then(() => process.exit(0), () => process.exit(1))' "$1"
}
mysql_run() { # $1 = URL, $2 = statement
  node -e 'require("mysql2/promise").createConnection({ uri: process.argv[1] })
    .then(c => c.query(process.argv[2]).then(() => c.end())).catch(e => { console.error(e.message); process.exit(1) })' "$1" "$2"
}

say "MariaDB"
if [ -n "${TEST_MYSQL_URL:-}" ]; then
  mysql_ping "$TEST_MYSQL_URL" || fail "TEST_MYSQL_URL=$TEST_MYSQL_URL does not answer"
  echo "using TEST_MYSQL_URL"
elif mysql_ping "mysql://root@127.0.0.1:3306/test"; then
  run_db="sc_run_$$_$RANDOM"
  mysql_run "mysql://root@127.0.0.1:3306/test" "CREATE DATABASE \`$run_db\`"
  cleanup_steps+=("mysql_run 'mysql://root@127.0.0.1:3306/test' 'DROP DATABASE IF EXISTS \`$run_db\`'")
  export TEST_MYSQL_URL="mysql://root@127.0.0.1:3306/$run_db"
  echo "using the server on 127.0.0.1:3306, database $run_db"
else
  mariadbd_bin="$(command -v mariadbd || true)"; [ -n "$mariadbd_bin" ] || mariadbd_bin=/usr/sbin/mariadbd
  [ -x "$mariadbd_bin" ] || apt_install "MariaDB (mariadbd)" mariadb-server
  [ -x "$mariadbd_bin" ] || mariadbd_bin="$(command -v mariadbd)"
  datadir="$(mktemp -d /tmp/status-clock-mariadb.XXXXXX)"
  port="$(node -e 'const s = require("net").createServer().listen(0, "127.0.0.1", () => { console.log(s.address().port); s.close(); })')"
  mariadb-install-db --no-defaults --datadir="$datadir/data" --user="$(id -un)" --auth-root-authentication-method=normal >"$datadir/install.log" 2>&1 \
    || fail "mariadb-install-db failed: see $datadir/install.log"
  "$mariadbd_bin" --no-defaults --datadir="$datadir/data" --socket="$datadir/mysqld.sock" --pid-file="$datadir/mysqld.pid" \
    --port="$port" --bind-address=127.0.0.1 --user="$(id -un)" >"$datadir/server.log" 2>&1 &
  mariadb_pid=$!
  cleanup_steps+=("kill $mariadb_pid; wait $mariadb_pid 2>/dev/null; rm -rf '$datadir'")
  for _ in $(seq 1 60); do mysql_ping "mysql://root@127.0.0.1:$port/mysql" && break; sleep 1; done
  mysql_ping "mysql://root@127.0.0.1:$port/mysql" || fail "the private mariadbd did not start: see $datadir/server.log"
  mysql_run "mysql://root@127.0.0.1:$port/mysql" "CREATE DATABASE test"
  export TEST_MYSQL_URL="mysql://root@127.0.0.1:$port/test"
  echo "started a private mariadbd on port $port"
fi

# ---- Chromium ------------------------------------------------------------------------
say "Chromium"
export CHROMIUM_PATH="${CHROMIUM_PATH:-/usr/bin/chromium}"
[ -x "$CHROMIUM_PATH" ] || apt_install "Chromium ($CHROMIUM_PATH)" chromium
[ -x "$CHROMIUM_PATH" ] || fail "Chromium is not at $CHROMIUM_PATH"
"$CHROMIUM_PATH" --version

# ---- Build, checks, tests ------------------------------------------------------------
say "Build the Custom UI bundles"
npm run --silent build

# Each check counts as one test in the closing line; a failing check fails the run but
# the suites still run, so one report shows everything that is wrong.
checks_passed=0
checks_failed=0
check() { # $1 = name, rest = command
  local name="$1"; shift
  say "Check: $name"
  if "$@"; then checks_passed=$((checks_passed + 1)); else checks_failed=$((checks_failed + 1)); echo "check failed: $name"; fi
}
check "type check (tsc)" npx tsc -p tsconfig.json --noEmit
check "dependency rules (dependency-cruiser)" npx depcruise src static/src dev test --config .dependency-cruiser.cjs
check "lint (typescript-eslint)" npx eslint .
check "format (prettier)" npx prettier --check --log-level warn .
check "unused files, exports and dependencies (knip)" npx knip

say "Jest: every suite"
mkdir -p test-output
results=test-output/jest-results.json
rm -f "$results"
set +e
npx jest --ci --runInBand --json --outputFile="$results" "$@"
jest_status=$?
set -e
[ -s "$results" ] || fail "jest wrote no results (exit $jest_status)"
node -e 'const r = require(require("path").resolve(process.argv[1]));
  const passed = r.numPassedTests + Number(process.argv[2]), failed = r.numFailedTests + Number(process.argv[3]);
  console.log(`${passed} passed, ${failed} failed`);
  if (r.numTotalTests === 0 || r.numRuntimeErrorTestSuites > 0 || failed > 0) process.exit(1);' "$results" "$checks_passed" "$checks_failed" || jest_status=1
exit "$jest_status"
