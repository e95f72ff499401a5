/** The one error shape of the API: problem+json with a stable {@code code}, in vi or en. */
package vn.tangthu.archive.error;
