#!/usr/bin/env bash
# Cross-checks this project's GTPv2-C encoding with Wireshark's dissector (Debian package tshark):
# simulates every profile, session kind and fault class with --pcap, has tshark decode each capture,
# requires zero malformed packets and zero expert items, and compares the fields tshark shows
# (message type, TEID, sequence, IE types and lengths, KSI/eKSI, COUNT, KASME, CK, IK, cause, flags,
# IMSI) line by line with `./srvcc wire`, this project's decoder.
#   tools/wire-check.sh            check (installs tshark if missing)
#   tools/wire-check.sh --golden   also rewrite src/test/resources/wire/ (pcaps + tshark's fields),
#                                  which WireGoldenTest compares in `mvn verify` without tshark
#   tools/wire-check.sh --capture FILE...   compare on captures from elsewhere (pcap or pcapng): tshark's
#                                  lines for the frames `./srvcc wire` prints (the procedure's messages)
# Each simulated capture is also converted to pcapng with editcap, and `./srvcc wire` must read both alike.
set -euo pipefail
cd "$(dirname "$0")/.."
golden=0
captures=()
if [[ "${1:-}" == "--golden" ]]; then golden=1; fi
if [[ "${1:-}" == "--capture" ]]; then shift; captures=("$@"); fi

if ! command -v tshark >/dev/null; then
  echo "wire-check: installing tshark (Debian package)" >&2
  sudo=""; [[ $(id -u) -ne 0 ]] && sudo="sudo"
  echo "wireshark-common wireshark-common/install-setuid boolean false" | $sudo debconf-set-selections
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get update -q >/dev/null
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -q tshark >/dev/null
fi
tshark -v | head -1

fields=(frame.number gtpv2.message_type gtpv2.teid gtpv2.seq gtpv2.ie_type gtpv2.ie_len gtpv2.mm_context_ksi_a
        gtpv2.mm_context_nas_dl_cnt gtpv2.mm_context_kasme gtpv2.eksi gtpv2.cksrvcc gtpv2.iksrvcc gtpv2.cause
        gtpv2.5srhoi gtpv2.uimsi gtpv2.emci gtpv2.sv_emind e212.imsi)
targs=(-T fields -E separator=/t -E aggregator=,)
for f in "${fields[@]}"; do targs+=(-e "$f"); done

work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
if [[ ${#captures[@]} -gt 0 ]]; then
  bad=0
  for f in "${captures[@]}"; do
    ./srvcc wire "$f" > "$work/java.tsv" 2> "$work/java.err" || { echo "wire-check: $f: $(grep -v '^wire:' "$work/java.err" | head -3)"; bad=1; }
    grep '^wire:' "$work/java.err" || true
    frames=$(cut -f1 "$work/java.tsv" | paste -sd, -)
    [[ -n "$frames" ]] || { echo "wire-check: $f: no message of the procedure"; continue; }
    tshark -r "$f" -Y "frame.number in {$frames}" "${targs[@]}" 2>/dev/null > "$work/tshark.tsv"
    if diff -u "$work/tshark.tsv" "$work/java.tsv" > "$work/diff"; then echo "wire-check: $f: $(wc -l < "$work/java.tsv") messages, every field equal"
    else echo "wire-check: $f: tshark and the Java decoder differ:"; head -20 "$work/diff"; bad=1; fi
  done
  exit $bad
fi
kamf=src/test/resources/wire/kamf.hex
index=src/test/resources/wire/golden.tsv
faults=$(./srvcc simulate --help | awk '/^Faults/{f=1;next} f&&/^  [a-z]/{print $1}')
cases=()
for p in ts33501 draft-via-mme draft-direct; do
  for s in normal emergency emergency-unauth; do cases+=("$p-$s	--profile $p --session $s"); done
  for f in $faults; do cases+=("$p-$f	--profile $p --faults $f"); done
done

[[ $golden -eq 1 ]] && printf '# name\tsimulate arguments (with --kamf-file %s); written by tools/wire-check.sh --golden\n' "$kamf" > "$index"
checked=0; packets=0; bad=0
for c in "${cases[@]}"; do
  name=${c%%	*}; args=${c#*	}
  # shellcheck disable=SC2086
  if ! ./srvcc simulate $args --kamf-file "$kamf" --pcap "$work/$name.pcap" >"$work/out" 2>"$work/err"; then
    grep -q "no place to bite\|needs an MME_SRVCC" "$work/err" && continue   # fault not applicable to this profile
    grep -q "VIOLATED" "$work/out" || { echo "wire-check: $name: simulate failed: $(head -1 "$work/err")"; bad=1; continue; }
  fi
  [[ -s "$work/$name.pcap" ]] || continue
  expert=$(tshark -r "$work/$name.pcap" -Y '_ws.malformed || _ws.expert' -T fields -e frame.number 2>/dev/null | tr '\n' ' ')
  if [[ -n "$expert" ]]; then echo "wire-check: $name: malformed or expert items in frames $expert"; bad=1; fi
  tshark -r "$work/$name.pcap" "${targs[@]}" 2>/dev/null > "$work/$name.tshark.tsv"
  ./srvcc wire "$work/$name.pcap" > "$work/$name.java.tsv" 2>/dev/null
  editcap -F pcapng "$work/$name.pcap" "$work/$name.pcapng"
  ./srvcc wire "$work/$name.pcapng" 2>/dev/null | cmp -s - "$work/$name.java.tsv" \
    || { echo "wire-check: $name: the pcapng form (editcap) reads differently from the pcap"; bad=1; }
  if ! diff -u "$work/$name.tshark.tsv" "$work/$name.java.tsv" > "$work/$name.diff"; then
    echo "wire-check: $name: tshark and the Java decoder differ:"; head -20 "$work/$name.diff"; bad=1
  fi
  n=$(wc -l < "$work/$name.tshark.tsv"); packets=$((packets + n)); checked=$((checked + 1))
  if [[ $golden -eq 1 ]]; then
    cp "$work/$name.pcap" "src/test/resources/wire/$name.pcap"
    cp "$work/$name.tshark.tsv" "src/test/resources/wire/$name.tshark.tsv"
    printf '%s\t%s\n' "$name" "$args" >> "$index"
  fi
done
echo "wire-check: $checked captures, $packets GTPv2-C packets decoded by $(tshark -v | head -1 | cut -d' ' -f1-3); $([[ $bad -eq 0 ]] && echo 'zero malformed or expert items, every field equal' || echo 'DIFFERENCES')"
exit $bad
