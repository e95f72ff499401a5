/**
 * The Lucene search index: documents in, visibility-filtered search out, with the change-log
 * position it has applied stored in its own commits.
 */
package vn.tangthu.indexer.search;
