/**
 * Public API of the Tàng Thư storage node: an S3-compatible, durable, WORM object store that runs
 * embedded ({@link vn.tangthu.storage.StorageNode#start}) or standalone ({@link
 * vn.tangthu.storage.StorageNodeMain}).
 */
package vn.tangthu.storage;
