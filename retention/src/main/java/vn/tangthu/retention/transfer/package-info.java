/**
 * Transfer packages: one E-ARK CSIP AIP per dossier as Circular 05/2025/TT-BNV Annex I requires
 * (root METS, EAD, PREMIS, representation METS and data, schemas), all AIPs of a sweep in one tar;
 * and plain BagIt (RFC 8493) exports of any record set. Bytes stream from a {@link
 * vn.tangthu.retention.transfer.ContentSource} straight into the archive, never held whole in
 * memory, and are checked against the expected size and SHA-256 on the way.
 */
package vn.tangthu.retention.transfer;
