#!/usr/bin/env bash
# Runs one imagelint-fuzz target under libFuzzer.
#
#   scripts/fuzz.sh <target> [seconds] [extra libFuzzer options...]
#
# Builds a sanitized release binary in .build-fuzz, fuzzes for the given
# time (default 600 s) starting from the target's seeds (fixtures/fuzz/<target>
# and, for yaml, the YAML files of fixtures/corpus), keeps the growing corpus
# in .build-fuzz/corpus-<target> and writes crashing inputs to
# fuzz-artifacts/<target>/. Copy each crash into fixtures/fuzz/<target>/
# once fixed: the test suite replays that folder.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="/opt/swift/usr/bin:$PATH"

target="${1:?usage: scripts/fuzz.sh <target> [seconds] [libFuzzer options...]}"
seconds="${2:-600}"
shift $(( $# >= 2 ? 2 : 1 ))

swift build -c release --scratch-path .build-fuzz --product imagelint-fuzz \
    -Xswiftc -sanitize=fuzzer,address -Xswiftc -DFUZZING

corpus=".build-fuzz/corpus-$target"
artifacts="fuzz-artifacts/$target"
mkdir -p "$corpus" "$artifacts"
seeds=()
[ -d "fixtures/fuzz/$target" ] && seeds+=("fixtures/fuzz/$target")
if [ "$target" = yaml ] && [ -z "$(ls -A "$corpus")" ]; then
    # Seed with every real YAML file, flattened (libFuzzer reads folders flat).
    find fixtures/corpus -name '*.y*ml' -size -64k | while read -r f; do
        cp "$f" "$corpus/$(echo "$f" | tr '/' '_')"
    done
fi

IMAGELINT_FUZZ_TARGET="$target" exec .build-fuzz/release/imagelint-fuzz \
    -max_total_time="$seconds" -max_len=65536 -timeout=10 -rss_limit_mb=2048 \
    -artifact_prefix="$artifacts/" -print_final_stats=1 "$@" "$corpus" "${seeds[@]}"
