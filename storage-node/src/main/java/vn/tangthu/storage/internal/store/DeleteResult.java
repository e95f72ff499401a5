package vn.tangthu.storage.internal.store;

/**
 * Outcome of a delete.
 *
 * @param versionId version created (delete marker) or removed; null for unversioned buckets
 * @param deleteMarker whether a delete marker was created or removed
 */
public record DeleteResult(String versionId, boolean deleteMarker) {}
