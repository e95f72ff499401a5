/** S3 wire vocabulary shared by the node's internals: errors and XML. Not for other modules. */
package vn.tangthu.storage.internal.s3;
