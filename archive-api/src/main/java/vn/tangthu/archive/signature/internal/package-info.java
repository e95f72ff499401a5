/** Implementation of signature verification; not for use outside this package tree. */
package vn.tangthu.archive.signature.internal;
