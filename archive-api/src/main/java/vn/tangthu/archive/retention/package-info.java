/**
 * Legal retention in the archive: schedules per series, dossiers (the unit of appraisal), the
 * effective retention stored with each record, legal holds, and the S3 Object Lock that enforces
 * them in storage. The rules themselves come from the {@code retention} module ({@link
 * vn.tangthu.retention.schedule}); this package keeps the database and storage in line with them.
 */
package vn.tangthu.archive.retention;
