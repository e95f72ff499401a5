#!/usr/bin/env bash
# Writes an import package of synthetic documents (text from ../shared/corpus/vi-legal) for the import
# benchmark and for trying imports, and beside it what the reader must make of each item.
# Usage: bench/packages.sh KIND ITEMS OUT [--seed N]
#   KIND: edxml, edxml-batch-zip, edxml-batch-tar, edxml-batch-tgz, bag-zip, bag-tar, files-zip,
#         files-tar, files-tgz, files-zip-json
#   e.g. bench/packages.sh edxml-batch-zip 10000 /tmp/batch.zip   (writes /tmp/batch.zip.expected.tsv too)
#        bench/packages.sh samples samples                       (the repository's samples/)
set -euo pipefail
cd "$(dirname "$0")/.."
[ $# -ge 2 ] || { sed -n '2,8p' "$0"; exit 2; }
[ -f archive-api/target/archive-api.jar ] && [ -d bench/target/classes ] || mvn -B -q -DskipTests package
printf '<configuration><root level="WARN"/></configuration>\n' > "${TMPDIR:-/tmp}/logback-packages.xml"
cp="bench/target/classes:archive-api/target/archive-api.jar"
log="-Dlogback.configurationFile=${TMPDIR:-/tmp}/logback-packages.xml"
if [ "$1" = samples ]; then
  rm -rf "$2/folder" "$2/bag" "$2/edxml"
  exec java "$log" -cp "$cp" vn.tangthu.bench.intake.PackageGenerator samples "$2" "${@:3}"
fi
exec java "$log" -cp "$cp" vn.tangthu.bench.intake.PackageGenerator "$1" "$2" "$3" --expect "$3.expected.tsv" "${@:4}"
