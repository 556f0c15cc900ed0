#!/usr/bin/env bash
# Tests the pre-commit hook (.pre-commit-hooks.yaml) for real:
#   1. installs pre-commit from PyPI into a temporary virtual environment,
#   2. makes a temporary git repository with a Dockerfile that breaks the
#      default policy (FROM nginx:latest),
#   3. runs `pre-commit try-repo <this repository> imagelint --all-files` and
#      expects it to fail and to show the no-latest finding,
#   4. fixes the Dockerfile and expects the hook to pass.
#
# The hook is tried from a clone of this repository's HEAD (committed work
# only, the same commit for every run, so pre-commit builds it once with
# `swift build -c release`: a few minutes). Nothing is cached in the
# repository; the build goes to a temporary PRE_COMMIT_HOME unless
# IMAGELINT_PRE_COMMIT_HOME names one to reuse.
#
# Prints PASS/FAIL lines and exits non-zero on any failure.
set -uo pipefail

repo="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d "${TMPDIR:-/tmp}/imagelint-pre-commit.XXXXXX")"
trap 'rm -rf "$work"' EXIT
started=$(date +%s)
passes=0
failures=0

pass() { echo "PASS: $*"; passes=$((passes + 1)); }
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }
elapsed() { echo "$(( $(date +%s) - started ))s"; }

python="$(command -v python3 || true)"
if [ -z "$python" ]; then
    echo "FAIL: python3 is needed to install pre-commit"
    echo "pre-commit: 0 passed, 1 failed"
    exit 1
fi
if ! "$python" -m venv "$work/venv" >"$work/venv.log" 2>&1 \
    || ! "$work/venv/bin/pip" install --quiet --disable-pip-version-check pre-commit >>"$work/venv.log" 2>&1; then
    cat "$work/venv.log"
    echo "FAIL: could not install pre-commit from PyPI"
    echo "pre-commit: 0 passed, 1 failed"
    exit 1
fi
pre_commit="$work/venv/bin/pre-commit"
pass "installed $("$pre_commit" --version) ($(elapsed))"

export PRE_COMMIT_HOME="${IMAGELINT_PRE_COMMIT_HOME:-$work/cache}"
# Keep the user's git configuration and hooks out of the temporary
# repositories. The system configuration stays: it may redirect package
# URLs to a local mirror that `swift build` inside pre-commit needs.
export GIT_CONFIG_GLOBAL=/dev/null
hook_repo="$work/imagelint"
git clone --quiet "$repo" "$hook_repo"
echo "trying the hook of commit $(git -C "$hook_repo" rev-parse --short HEAD)"
project="$work/project"
mkdir -p "$project"
cd "$project" || exit 1
git init --quiet .
git config user.email "ci@example.invalid"
git config user.name "imagelint CI"
printf 'FROM nginx:latest\nRUN echo hello\n' > Dockerfile
printf 'services:\n  web:\n    image: nginx:1.27\n' > compose.yaml
git add Dockerfile compose.yaml

run_hook() {
    "$pre_commit" try-repo "$hook_repo" imagelint --all-files --color never >"$work/hook.log" 2>&1
}

run_hook
status=$?
if [ "$status" -ne 0 ]; then
    pass "hook fails on a Dockerfile with FROM nginx:latest (exit $status, $(elapsed))"
else
    fail "hook passed on a Dockerfile with FROM nginx:latest"
fi
if grep -q 'Dockerfile:1:6' "$work/hook.log" && grep -q 'no-latest' "$work/hook.log"; then
    pass "the output shows the finding at Dockerfile:1:6 [no-latest]"
else
    fail "the output does not show the no-latest finding at Dockerfile:1:6"
fi
if [ "$failures" -ne 0 ]; then cat "$work/hook.log"; fi

printf 'FROM nginx:1.27\nRUN echo hello\n' > Dockerfile
git add Dockerfile
run_hook
status=$?
if [ "$status" -eq 0 ]; then
    pass "hook passes once the Dockerfile is fixed ($(elapsed))"
else
    cat "$work/hook.log"
    fail "hook still fails after the fix (exit $status)"
fi

echo "pre-commit hook test took $(elapsed)"
echo "pre-commit: $passes passed, $failures failed"
[ "$failures" -eq 0 ]
