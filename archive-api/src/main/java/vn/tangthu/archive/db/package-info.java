/**
 * Database set-up: schema migrations as plain SQL files, applied at start-up by the role that owns
 * the schema, and the exact privileges of the archive's runtime role, which owns nothing.
 */
package vn.tangthu.archive.db;
