/**
 * Plumbing behind {@link vn.tangthu.indexer.ocr.DocumentOcr} and {@link
 * vn.tangthu.indexer.ocr.Tesseract}: engine processes, TSV parsing, image and PDF page sources and
 * their pixel guard. Not for use outside the indexer module.
 */
package vn.tangthu.indexer.ocr.internal;
