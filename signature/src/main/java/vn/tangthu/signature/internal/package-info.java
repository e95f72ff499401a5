/**
 * Implementation of signature verification (PDF revisions and byte ranges, CMS signers, chains,
 * timestamps, OOXML) and the child process's side; not for use outside this module.
 */
package vn.tangthu.signature.internal;
