/** Identifier generation. */
package vn.tangthu.archive.id;
