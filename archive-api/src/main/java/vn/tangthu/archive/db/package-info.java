/** Database set-up: schema migrations as plain SQL files applied at start-up. */
package vn.tangthu.archive.db;
