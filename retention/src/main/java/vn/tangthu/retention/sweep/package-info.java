/**
 * Disposition sweeps without a database: which records a sweep takes (and why others stay), the
 * sweep's life cycle with the two-person approval rule, and the re-check of every item at
 * execution. Pure functions over values; the archive-api supplies the facts and stores the results.
 */
package vn.tangthu.retention.sweep;
