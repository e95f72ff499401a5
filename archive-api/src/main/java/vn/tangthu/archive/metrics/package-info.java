/** Metrics exposition for operators. */
package vn.tangthu.archive.metrics;
