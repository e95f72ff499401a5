/** Identity: bearer tokens, users, roles and the bootstrap administrator. */
package vn.tangthu.archive.auth;
