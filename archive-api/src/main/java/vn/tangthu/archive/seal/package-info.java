/**
 * The archive's own seal: its signing and timestamp-authority keys ({@link
 * vn.tangthu.archive.seal.ArchiveKeys}), the signed ingest receipts ({@link
 * vn.tangthu.archive.seal.Receipts}) and the published certificate list ({@link
 * vn.tangthu.archive.seal.ArchiveCertificates}).
 */
package vn.tangthu.archive.seal;
