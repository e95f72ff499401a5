/**
 * The search benchmark: a synthetic archive of paragraph-size records built from the Vietnamese
 * legal corpus (PostgreSQL rows through the archive's own schema, and the Lucene index through the
 * server's own document mapping), and a fixed mix of clerk queries run through the HTTP API and
 * against PostgreSQL full-text search over the same rows.
 */
package vn.tangthu.bench.search;
