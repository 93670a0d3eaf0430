#!/usr/bin/env bash
# Independent known-answer values for the KDF tests, computed with OpenSSL only (no project code).
# Each line: name, key, S (FC || P0 || L0 ...), HMAC-SHA-256(key, S). Run: bash tools/kat-openssl.sh
set -euo pipefail
hmac() { printf '%s' "$2" | xxd -r -p | openssl dgst -sha256 -mac HMAC -macopt "hexkey:$1" | awk '{print $NF}'; }
K1=000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f
K2=ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff
line() { echo "$1 key=$2 S=$3 out=$(hmac "$2" "$3")"; }
line "A.14.1 K'ASME idle (FC 0x73, UL COUNT 0x000102)" $K1 73000001020004
line "A.14.2 K'ASME handover (FC 0x74, DL COUNT 5)" $K1 74000000050004
line "A.21 KASME_SRVCC (FC 0x7D, DL COUNT 5)" $K1 7d000000050004
line "A.21 KASME_SRVCC (FC 0x7D, DL COUNT 0xFFFFFF)" $K2 7d00ffffff0004
line "draft-direct CK||IK (FC 0xFF01, DL COUNT 16)" $K1 ff01000000100004
line "draft-via-mme as written, unnumbered FC (placeholder 0xFF01), DL COUNT 5" $K1 ff01000000050004
line "generic: FC 0x10, P0=abcd, P1=empty, P2=00" $K1 10abcd00020000000001
line "generic: FC 0xFF 0x7F, no parameters" $K2 ff7f
# TS 33.401 A.12 with a COUNT other than 0 (what mmeCount=received feeds in), keyed by the A.21
# KASME_SRVCC of K1 at COUNT 5 (the value printed above); the split mode is that KASME's halves.
KS=7bc7153c2c3a7774a8026825ba4519cd0ae139dca00604c5de8fd9395bb84d36
line "A.12 CK||IK (FC 0x1A, COUNT 5)" $KS 1a000000050004
line "A.12 CK||IK (FC 0x1A, COUNT 0xFFFFFF)" $KS 1a00ffffff0004
# The full Annex J chains: A.21 then A.12 with COUNT 0.
for spec in "$K1 00000005" "$K2 00ffffff" "$K1 00000000"; do
  set -- $spec
  kasme=$(hmac "$1" "7d${2}0004")
  echo "chain KAMF=$1 COUNT=$2 KASME_SRVCC=$kasme CK||IK=$(hmac "$kasme" 1a000000000004)"
done
