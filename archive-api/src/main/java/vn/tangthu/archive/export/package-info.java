/**
 * {@code GET /records/export}: the records matching a search that the caller may read, as one BagIt
 * (RFC 8493) bag in a tar, streamed from storage with every payload file checked against its
 * SHA-256.
 */
package vn.tangthu.archive.export;
