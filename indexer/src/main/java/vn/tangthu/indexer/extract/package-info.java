/** Turns stored documents into plain text, media type, language and page count, within limits. */
package vn.tangthu.indexer.extract;
