/**
 * Bytes: the cached, thread-safe package channel, ranges of it, limits enforced while reading,
 * spool files, magic numbers.
 */
package vn.tangthu.intake.internal.io;
