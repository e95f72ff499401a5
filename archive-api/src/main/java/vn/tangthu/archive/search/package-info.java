/** The search endpoint over the derived Lucene index. */
package vn.tangthu.archive.search;
