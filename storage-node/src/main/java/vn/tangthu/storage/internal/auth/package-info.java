/** AWS Signature Version 4 verification (headers, presigned URLs, aws-chunked bodies). */
package vn.tangthu.storage.internal.auth;
