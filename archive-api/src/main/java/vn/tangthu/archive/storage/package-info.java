/** The storage adapter: S3 through the MinIO SDK, and the object key layout. */
package vn.tangthu.archive.storage;
