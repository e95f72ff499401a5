/**
 * The on-disk object store: buckets, object versions as plain files with properties sidecars,
 * durable commits, key-ordered listing, multipart uploads, object lock and scrubbing.
 */
package vn.tangthu.storage.internal.store;
