/**
 * Optical character recognition of scanned documents: {@link vn.tangthu.indexer.ocr.OcrEngine}
 * reads one page image ({@link vn.tangthu.indexer.ocr.Tesseract} through Tesseract's command line),
 * {@link vn.tangthu.indexer.ocr.DocumentOcr} finds the pages of an image file or PDF that need
 * reading, guards against hostile images, applies the limits and Vietnamese post-processing ({@link
 * vn.tangthu.indexer.ocr.VietnameseOcrText}). Everything here is meant to run inside an isolated
 * extraction process.
 */
package vn.tangthu.indexer.ocr;
