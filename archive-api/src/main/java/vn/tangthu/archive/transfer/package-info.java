/**
 * Transfer of dossiers to the historical archive: the Circular 05/2025/TT-BNV packages (one E-ARK
 * AIP per dossier, in one tar) of a sweep's TRANSFER items, streamed from storage with every
 * original checked against its SHA-256.
 */
package vn.tangthu.archive.transfer;
