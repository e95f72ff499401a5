/**
 * Text extraction and the search index of the archive. The index is derived data: everything in it
 * can be rebuilt from the archive's database and its stored text objects.
 */
package vn.tangthu.indexer;
