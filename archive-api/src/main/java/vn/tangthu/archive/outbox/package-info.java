/**
 * The ordered change log: every change to a record appends an event in the same transaction; the
 * {@code indexing} package reads it in order.
 */
package vn.tangthu.archive.outbox;
