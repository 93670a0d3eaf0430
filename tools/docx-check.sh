#!/usr/bin/env bash
# Opens a contribution (DOCX) with the tools a delegate's colleagues use: Debian's LibreOffice converts
# it to PDF headless, pdftoppm renders every page to PNG, and the check fails on a conversion error,
# a PDF without pages, or a page that rendered blank.
# Usage: tools/docx-check.sh [FILE.docx]   (default: target/docx-check/contribution.docx, written here
# by ./srvcc contribution for one finding with a counterexample)
# Installs libreoffice-writer-nogui and poppler-utils when missing (needs root and the Debian mirror).
set -euo pipefail
home="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
need=()
command -v soffice >/dev/null 2>&1 || need+=(libreoffice-writer-nogui)
command -v pdftoppm >/dev/null 2>&1 || need+=(poppler-utils)
command -v python3 >/dev/null 2>&1 || need+=(python3)
if [ ${#need[@]} -gt 0 ]; then
  echo "docx-check: installing ${need[*]} ..." >&2
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null) \
    || { echo "docx-check: could not install ${need[*]}" >&2; exit 2; }
fi
docx="${1:-}"
if [ -z "$docx" ]; then
  mkdir -p "$home/target/docx-check"
  docx="$home/target/docx-check/contribution.docx"
  "$home/srvcc" contribution --finding count-increment --out "$docx" --force
fi
[ -f "$docx" ] || { echo "docx-check: no file $docx" >&2; exit 2; }
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
# LibreOffice wants a profile folder of its own, or a second instance waits on the first
soffice -env:UserInstallation="file://$work/profile" --headless --convert-to pdf --outdir "$work" "$docx" >"$work/soffice.log" 2>&1 \
  || { echo "docx-check: LibreOffice failed: $(tail -1 "$work/soffice.log")" >&2; exit 1; }
pdf="$work/$(basename "${docx%.docx}").pdf"
[ -s "$pdf" ] || { echo "docx-check: LibreOffice wrote no PDF" >&2; exit 1; }
pdftoppm -r 50 -png "$pdf" "$work/page"
pages=$(ls "$work"/page-*.png 2>/dev/null | wc -l)
[ "$pages" -gt 0 ] || { echo "docx-check: the PDF has no pages" >&2; exit 1; }
out="$(dirname "$docx")/$(basename "${docx%.docx}")-pages"
rm -rf "$out" && mkdir -p "$out" && cp "$work"/page-*.png "$out"/
# a page is blank when (almost) no pixel is dark: count them in an uncompressed greyscale rendering (PGM)
pdftoppm -r 50 -gray "$pdf" "$work/grey"
blank=0
for pgm in "$work"/grey-*.pgm; do
  inked=$(python3 -c '
import sys
d = open(sys.argv[1], "rb").read()
fields, pos = [], 0
while len(fields) < 4:                       # magic, width, height, maximum value
    while d[pos:pos + 1].isspace(): pos += 1
    end = pos
    while not d[end:end + 1].isspace(): end += 1
    fields.append(d[pos:end]); pos = end
print(sum(1 for b in d[pos + 1:] if b < 128))' "$pgm")
  if [ "$inked" -lt 50 ]; then blank=$((blank + 1)); echo "docx-check: $(basename "$pgm" .pgm) is blank" >&2; fi
done
echo "docx-check: $pages pages rendered to $out, $blank blank"
[ "$blank" -eq 0 ] || { echo "docx-check: FAILED" >&2; exit 1; }
echo "docx-check: passed"
