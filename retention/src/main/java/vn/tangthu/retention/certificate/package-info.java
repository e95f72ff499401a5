/**
 * The content of a destruction certificate and its canonical bytes, which the archive-api signs
 * with the archive's key (signing is not done here).
 */
package vn.tangthu.retention.certificate;
