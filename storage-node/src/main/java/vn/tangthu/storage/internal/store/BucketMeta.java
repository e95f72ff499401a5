package vn.tangthu.storage.internal.store;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The metadata file of a bucket.
 *
 * @param name bucket name
 * @param owner access key that created it
 * @param created creation instant
 * @param objectLock whether Object Lock is enabled (then versioning is always Enabled)
 * @param versioning {@code ""} (never enabled), {@code Enabled} or {@code Suspended}
 * @param defaultMode default retention mode, or null
 * @param defaultDays default retention in days (0 if none)
 * @param defaultYears default retention in years (0 if none)
 */
public record BucketMeta(
    String name,
    String owner,
    Instant created,
    boolean objectLock,
    String versioning,
    String defaultMode,
    int defaultDays,
    int defaultYears) {

  public BucketMeta {
    Objects.requireNonNull(name);
    Objects.requireNonNull(owner);
    Objects.requireNonNull(created);
    versioning = versioning == null ? "" : versioning;
  }

  public boolean versioningEnabled() {
    return versioning.equals("Enabled");
  }

  /** Whether versions of this bucket ever got ids other than {@code null}. */
  public boolean versioned() {
    return !versioning.isEmpty();
  }

  public BucketMeta withVersioning(String v) {
    return new BucketMeta(
        name, owner, created, objectLock, v, defaultMode, defaultDays, defaultYears);
  }

  /** Object Lock enabled (on a bucket whose versioning is enabled, it stays enabled). */
  public BucketMeta withObjectLock() {
    return new BucketMeta(
        name, owner, created, true, "Enabled", defaultMode, defaultDays, defaultYears);
  }

  public BucketMeta withDefaultRetention(String mode, int days, int years) {
    return new BucketMeta(name, owner, created, objectLock, versioning, mode, days, years);
  }

  Map<String, String> toMap() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("name", name);
    m.put("owner", owner);
    m.put("created", created.toString());
    m.put("objectLock", Boolean.toString(objectLock));
    m.put("versioning", versioning);
    if (defaultMode != null) {
      m.put("defaultRetention.mode", defaultMode);
      m.put("defaultRetention.days", Integer.toString(defaultDays));
      m.put("defaultRetention.years", Integer.toString(defaultYears));
    }
    return m;
  }

  static BucketMeta fromMap(Map<String, String> m) {
    return new BucketMeta(
        m.get("name"),
        m.get("owner"),
        Instant.parse(m.get("created")),
        Boolean.parseBoolean(m.get("objectLock")),
        m.getOrDefault("versioning", ""),
        m.get("defaultRetention.mode"),
        Integer.parseInt(m.getOrDefault("defaultRetention.days", "0")),
        Integer.parseInt(m.getOrDefault("defaultRetention.years", "0")));
  }
}
