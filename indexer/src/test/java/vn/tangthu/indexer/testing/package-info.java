/** Test helpers. */
package vn.tangthu.indexer.testing;
