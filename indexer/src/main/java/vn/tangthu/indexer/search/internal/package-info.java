/**
 * Lucene plumbing of the search index: analysers, field layout, query building, visibility filter,
 * cursors, facet counting. Not for use outside the indexer module.
 */
package vn.tangthu.indexer.search.internal;
