/** The Jetty handler translating S3 HTTP requests into store operations. */
package vn.tangthu.storage.internal.http;
