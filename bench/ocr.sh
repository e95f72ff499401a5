#!/usr/bin/env bash
# OCR benchmark: generates a seeded test set of scanned pages from the Vietnamese legal corpus (8
# conditions: clean at 300 and 200 dpi; noise, blur, 2° skew, JPEG artefacts, photocopy at 300 dpi;
# a mix of those at 200 dpi; as image-only PDF, PNG, TIFF and JPEG, every third page under a
# two-column heading), reads every page with Tesseract through the indexer's OCR (vn.tangthu.indexer.ocr)
# and prints per condition: CER and WER, search recall (a 4-syllable phrase of the page typed without
# diacritics finds the page in the top 10 of the archive's own index, among ~1,400 distractor passages),
# pages/s and mean confidence; then CER/WER after each post-processing step.
# Usage: bench/ocr.sh [mode] [pages per condition] [threads]
#   mode: run (default) | engines (Tika's TesseractOCRParser vs the command-line adapter) |
#         dpi (PDF pages rendered at 200/300/400 dpi) | preprocess (binarisation, deskew, page segmentation)
#   pages: default 12 (a few minutes); BENCH_LARGE=1 for 40
# BENCH_USE=<n> reads only the first n pages of each condition (comparisons on a larger kept set).
# BENCH_DATA=<dir> keeps the generated set there and reuses it (same pages and seed) on the next run.
# Needs tesseract-ocr, tesseract-ocr-vie, tesseract-ocr-eng, fonts-liberation2, fonts-noto-core, fonts-dejavu-core
# (BENCH_ANY_FONTS=1 leaves out the missing faces: another set from the same seed).
set -euo pipefail
cd "$(dirname "$0")/.."
mode=${1:-run}
pages=${2:-$([ -n "${BENCH_LARGE:-}" ] && echo 40 || echo 12)}
threads=${3:-2}
mvn -B -q -pl indexer,bench -am -DskipTests compile dependency:build-classpath \
  -Dmdep.outputFile="$PWD/bench/target/ocr.cp"
cp="indexer/target/classes:bench/target/classes:$(cat bench/target/ocr.cp)"
keep=${BENCH_DATA:-}
data=${BENCH_DATA:-$(mktemp -d)}
[ -n "$keep" ] || trap 'rm -rf "$data"' EXIT
mkdir -p "$data"
printf '<configuration><root level="WARN"/></configuration>\n' > "$data/logback-bench.xml"
# one engine thread per page: pages are read in parallel instead (also for Tika's parser, which
# cannot set the engine's environment itself)
export OMP_THREAD_LIMIT=1
java_bench() {
  java -Dlogback.configurationFile="$data/logback-bench.xml" -cp "$cp" vn.tangthu.bench.ocr.OcrBenchmark "$@"
}
set_dir="$data/set-$pages"
only=
[ "$mode" = dpi ] && set_dir="$data/pdf-$pages" && only=PDF
if [ ! -f "$set_dir/manifest.tsv" ]; then
  if [ -n "$only" ]; then
    java_bench generate ../shared/corpus/vi-legal "$set_dir" "$pages" 20251207 clean-300,clean-200,photocopy-300,degraded-200 PDF
  else
    java_bench generate ../shared/corpus/vi-legal "$set_dir" "$pages"
  fi
fi
echo "machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg); $(tesseract --version 2>&1 | head -1)"
java_bench "$mode" ../shared/corpus/vi-legal "$set_dir" "$threads" ${BENCH_USE:-}
