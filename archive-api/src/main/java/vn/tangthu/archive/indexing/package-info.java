/**
 * The worker that turns the ordered change log ({@code outbox}) into the search index, extracting
 * text on the way, and the visibility fence that keeps searches from running ahead of a narrowing
 * change. The index stores the position it applied in its own commits.
 */
package vn.tangthu.archive.indexing;
