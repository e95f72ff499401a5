/** Maintenance commands that need the data directory to themselves (offline reindex). */
package vn.tangthu.archive.maintenance;
