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
# (or IMAGELINT_GEN_CORPUS=path/to/gen-corpus.py).
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

# Rounds interleave the commands (floor, check, floor, check, …) so a
# machine that speeds up or slows down over the run (shared VMs do) moves
# every figure alike; each command's median is over its rounds.
declare -A median
declare -A spread
while read -r name value low high; do median[$name]=$value; spread[$name]="$low–$high"; done < <(python3 - "$runs" "${names[@]}" -- "${commands[@]}" <<'PY'
import statistics, subprocess, sys, time
runs = int(sys.argv[1])
split = sys.argv.index("--")
names, commands = sys.argv[2:split], sys.argv[split + 1:]
samples = {name: [] for name in names}
for round in range(runs + 1):
    for name, command in zip(names, commands):
        start = time.monotonic()
        # check exits 1 when it finds something: not a failure here.
        subprocess.run(command.split(), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        if round > 0:  # the first round warms the page cache
            samples[name].append(time.monotonic() - start)
for name in names:
    print(name, "%.4f" % statistics.median(samples[name]), "%.4f" % min(samples[name]), "%.4f" % max(samples[name]))
PY
)

ratio() { python3 -c "print(f'{$1 / $2:.2f}')"; }
echo
printf '%-14s %9s   %s\n' "what" "median s" "min–max of $runs interleaved rounds"
for name in "${names[@]}"; do printf '%-14s %9s   %s\n' "$name" "${median[$name]}" "${spread[$name]}"; done
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
