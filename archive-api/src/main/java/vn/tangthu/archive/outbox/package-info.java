/**
 * The ordered change log and the worker that turns it into the search index (extracting text on the
 * way). The index stores the position it applied in its own commits.
 */
package vn.tangthu.archive.outbox;
