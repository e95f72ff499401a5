/** The archive application: configuration, wiring and start-up. */
package vn.tangthu.archive;
