/** Reconciliation of S3 with PostgreSQL, the source of truth. */
package vn.tangthu.archive.reconcile;
