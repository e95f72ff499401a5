/**
 * Tika plumbing behind the public extractors: one synchronous, limited parse; failure reasons;
 * language guessing; the child-process protocol. Not for use outside the indexer module.
 */
package vn.tangthu.indexer.extract.internal;
