#!/usr/bin/env bash
# Whole-run benchmark: `imagelint check` (release build, recommended policy)
# on the 10,000-file synthetic corpus (seed 1) against the floor of walking
# the tree, reading every file and running libyaml's event parser over the
# YAML ones (`imagelint-bench floor`), single-threaded and with two threads.
# Prints the medians, their ratios, a single-file check's wall time and the
# peak memory of a whole run.
#
#   scripts/bench.sh [--files N] [--runs N]
#
# The corpus generator is shared/bench/gen-corpus.py beside the repository
# (or IMAGELINT_GEN_CORPUS=path/to/gen-corpus.py). Uses hyperfine when it is
# installed (apt-get install hyperfine), else times repeated runs itself.
# Timings depend on what else the machine is doing: compare figures taken
# in the same run only.
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
files=10000
runs=7
while [ $# -gt 0 ]; do
    case "$1" in
        --files) files="$2"; shift 2 ;;
        --runs) runs="$2"; shift 2 ;;
        *) echo "usage: scripts/bench.sh [--files N] [--runs N]" >&2; exit 2 ;;
    esac
done

generator="${IMAGELINT_GEN_CORPUS:-}"
for candidate in "$repo/../shared/bench/gen-corpus.py" /work/shared/bench/gen-corpus.py; do
    if [ -z "$generator" ] && [ -f "$candidate" ]; then generator="$candidate"; fi
done
if [ -z "$generator" ]; then
    echo "error: gen-corpus.py not found; set IMAGELINT_GEN_CORPUS" >&2
    exit 2
fi

export PATH="/opt/swift/usr/bin:$PATH"
cd "$repo"
echo "building (release)…"
swift build -c release --scratch-path .build-release --product imagelint >/dev/null
swift build -c release --scratch-path .build-release --product imagelint-bench >/dev/null
bin="$repo/.build-release/release"

work="$(mktemp -d "${TMPDIR:-/tmp}/imagelint-bench.XXXXXX")"
trap 'rm -rf "$work"' EXIT
corpus="$work/corpus"
python3 "$generator" --files "$files" --seed 1 --out "$corpus" --quiet
printf 'extends: [recommended]\n' > "$work/recommended.yaml"
echo "corpus: $files files, $(du -sb "$corpus" | cut -f1) bytes; $(nproc) cores; load $(cut -d' ' -f1-3 /proc/loadavg)"

# name → command, timed with output to /dev/null.
names=(floor-1 floor-2 check-jobs-1 check-jobs-2)
commands=(
    "$bin/imagelint-bench floor $corpus --once --threads 1"
    "$bin/imagelint-bench floor $corpus --once --threads 2"
    "$bin/imagelint check $corpus --policy $work/recommended.yaml --quiet --jobs 1"
    "$bin/imagelint check $corpus --policy $work/recommended.yaml --quiet --jobs 2"
)

median_of() { python3 -c 'import sys, statistics; print(f"{statistics.median(float(x) for x in sys.argv[1:]):.4f}")' "$@"; }

declare -A median
if command -v hyperfine >/dev/null; then
    args=()
    for i in "${!names[@]}"; do args+=(-n "${names[$i]}" "${commands[$i]}"); done
    # check exits 1 when it finds something: that is not a failure here.
    hyperfine --warmup 1 --runs "$runs" -i --style basic --export-json "$work/times.json" "${args[@]}" >"$work/hyperfine.log"
    while read -r name value; do median[$name]=$value; done < <(python3 -c '
import json, sys
for r in json.load(open(sys.argv[1]))["results"]:
    print(r["command"], "%.4f" % r["median"])' "$work/times.json")
else
    for i in "${!names[@]}"; do
        ${commands[$i]} >/dev/null || true
        samples=()
        for _ in $(seq "$runs"); do
            start=$(date +%s%N)
            ${commands[$i]} >/dev/null || true
            samples+=("$(python3 -c "print(($(date +%s%N) - $start) / 1e9)")")
        done
        median[${names[$i]}]=$(median_of "${samples[@]}")
    done
fi

ratio() { python3 -c "print(f'{$1 / $2:.2f}')"; }
echo
printf '%-14s %9s\n' "what" "median s"
for name in "${names[@]}"; do printf '%-14s %9s\n' "$name" "${median[$name]}"; done
echo
echo "check --jobs 1 / floor (1 thread): $(ratio "${median[check-jobs-1]}" "${median[floor-1]}")   (target ≤ 2.00)"
echo "check --jobs 2 / floor (1 thread): $(ratio "${median[check-jobs-2]}" "${median[floor-1]}")   (target < 1.00)"

# One file, as pre-commit and editors run it: wall time of the whole process.
one="$(find "$corpus" -name Dockerfile -print -quit)"
samples=()
for _ in $(seq 20); do
    start=$(date +%s%N)
    "$bin/imagelint" check "$one" --quiet >/dev/null || true
    samples+=("$(python3 -c "print(($(date +%s%N) - $start) / 1e6)")")
done
echo "single-file check (${one#"$corpus"/}): median $(median_of "${samples[@]}") ms wall   (target < 20)"

# Peak memory of a whole run.
if [ -x /usr/bin/time ]; then
    /usr/bin/time -v "$bin/imagelint" check "$corpus" --policy "$work/recommended.yaml" --quiet >/dev/null 2>"$work/rss.log" || true
    echo "peak RSS, check on $files files: $(awk -F': ' '/Maximum resident/ {printf "%.1f MB", $2 / 1024}' "$work/rss.log")   (target ≤ 64 MB)"
fi
