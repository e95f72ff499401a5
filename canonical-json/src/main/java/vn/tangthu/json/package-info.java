/**
 * The canonical JSON text that the archive hashes (the audit trail's details) and signs
 * (destruction certificates): {@link vn.tangthu.json.CanonicalJson}. A base module: it depends on
 * no other module of Tàng Thư, and any of them may use it.
 */
package vn.tangthu.json;
