/**
 * Bulk intake ({@code /imports}): a package is received into S3 and read with the {@code intake}
 * module over ranged GETs (refused with 422 before anything is stored when it is not a package or a
 * bag fails verification), then a durable job, leased by one node at a time, turns each item into a
 * record through {@link vn.tangthu.archive.record.IngestService}, the path of {@code POST
 * /records}, and records each item's result with it.
 */
package vn.tangthu.archive.imports;
