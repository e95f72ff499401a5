/** Records: ingest of signed documents, their metadata, original bytes and text. */
package vn.tangthu.archive.record;
