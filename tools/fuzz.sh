#!/usr/bin/env bash
# Fuzzes each reader of outside input with Jazzer for the duration set on its @FuzzTest (10 minutes):
#   tools/fuzz.sh [target...]     targets: gtpv2 pcap traceLines manifest (default: all four)
# A crash is saved by Jazzer under src/test/resources/org/srvcc/fuzz/FuzzTargetsTestInputs/<target>/
# and from then on replays in `mvn verify`. Prints libFuzzer's final statistics (executions, exec/s).
set -euo pipefail
cd "$(dirname "$0")/.."
targets=("$@"); [[ ${#targets[@]} -eq 0 ]] && targets=(gtpv2 pcap traceLines manifest)
mvn -q -B test-compile
rc=0
for t in "${targets[@]}"; do
  echo "fuzz: $t"
  log=target/fuzz-$t.log
  if ! JAZZER_FUZZ=1 mvn -B -o surefire:test -Dtest="FuzzTargetsTest#$t" -Dsurefire.failIfNoSpecifiedTests=false > "$log" 2>&1; then
    echo "fuzz: $t FOUND A CRASH (see $log; the input is saved beside the seed corpus)"; rc=1
  fi
  grep -E "^#[0-9]+ +DONE|Done [0-9]+ runs" "$log" | tail -2 || true
done
exit $rc
