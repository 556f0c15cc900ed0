#!/usr/bin/env bash
# Builds the imagelint-fuzz harness with libFuzzer and AddressSanitizer and
# runs one target for a while.
#
#   scripts/fuzz.sh TARGET SECONDS [extra libFuzzer flags...]
#   scripts/fuzz.sh reference 600
#
# The corpus lives in .build-fuzz/corpus/TARGET (kept between runs) and is
# seeded from fixtures/fuzz/TARGET/ and, for `reference`, from the inputs of
# fixtures/conformance/reference-vectors.json. Crashing inputs are written to
# .build-fuzz/artifacts/TARGET/; copy one into fixtures/fuzz/TARGET/ to make
# it a regression test (Tests/imagelint-fuzzTests replays that folder).
# Replay files without libFuzzer:  swift run imagelint-fuzz TARGET FILE...
set -euo pipefail
cd "$(dirname "$0")/.."

if [[ $# -lt 2 ]]; then
    echo "usage: $0 TARGET SECONDS [libFuzzer flags...]" >&2
    exit 2
fi
target=$1
seconds=$2
shift 2

export PATH="/opt/swift/usr/bin:$PATH"
scratch=.build-fuzz
swift build -c debug --scratch-path "$scratch" --product imagelint-fuzz \
    -Xswiftc -sanitize=fuzzer,address -Xswiftc -DFUZZING

corpus="$scratch/corpus/$target"
artifacts="$scratch/artifacts/$target"
mkdir -p "$corpus" "$artifacts"
if [[ -d "fixtures/fuzz/$target" ]]; then
    cp -n "fixtures/fuzz/$target"/* "$corpus"/ 2>/dev/null || true
fi
if [[ $target == reference ]] && command -v python3 >/dev/null; then
    python3 - "$corpus" <<'PY'
import hashlib, json, sys
corpus = sys.argv[1]
with open("fixtures/conformance/reference-vectors.json", encoding="utf-8") as f:
    cases = json.load(f)["cases"]
inputs = set()
for case in cases:
    for key in ("input", "pattern"):
        if isinstance(case.get(key), str):
            inputs.add(case[key])
    inputs.update(x for x in case.get("input_list", []) if isinstance(x, str))
for text in inputs:
    data = text.encode("utf-8")
    with open(f"{corpus}/vector-{hashlib.sha1(data).hexdigest()[:16]}", "wb") as out:
        out.write(data)
PY
fi
if [[ $target == yaml || $target == workloads ]]; then
    # Seed with every real YAML file, flattened (libFuzzer reads folders flat).
    find fixtures/corpus -name '*.y*ml' -size -64k | while read -r f; do
        cp -n "$f" "$corpus/$(echo "$f" | tr '/' '_')"
    done
fi
if [[ $target == dockerfile ]]; then
    find fixtures/corpus fixtures/dockerfile -type f -name '*ockerfile*' -size -64k | while read -r f; do
        cp -n "$f" "$corpus/$(echo "$f" | tr '/' '_')"
    done
fi

IMAGELINT_FUZZ_TARGET=$target exec "$scratch/debug/imagelint-fuzz" \
    -max_total_time="$seconds" -max_len="${IMAGELINT_FUZZ_MAX_LEN:-$([[ $target == reference ]] && echo 4096 || echo 65536)}" -rss_limit_mb=2048 -print_final_stats=1 \
    -artifact_prefix="$artifacts/" "$@" "$corpus"
