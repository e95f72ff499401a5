/**
 * Storage benchmark: the storage node next to S3Proxy (filesystem backend) and the disk's own fsync
 * limits, measured in one run.
 */
package vn.tangthu.bench.storage;
