/** The embedded default: data directory, PostgreSQL and storage node on one machine. */
package vn.tangthu.archive.embedded;
