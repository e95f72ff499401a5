package vn.tangthu.archive.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import vn.tangthu.archive.storage.ObjectNotFoundException;
import vn.tangthu.archive.storage.ObjectStore;
import vn.tangthu.archive.storage.StorageException;

/**
 * Where the trail's head is kept apart from PostgreSQL: one small JSON object in S3, by default
 * {@code audit/head.json} in the derived bucket, {@code {"version":1,"entryId":…,"hash":"…",
 * "occurredAt":"…","anchoredAt":"…"}}. Someone who can rewrite the database but not this object
 * cannot remove the newest entries unnoticed. Thread-safe.
 */
public final class AuditAnchor {

  public static final String DEFAULT_KEY = "audit/head.json";

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int ATTEMPTS = 3;

  private final ObjectStore store;
  private final String bucket;
  private final String key;

  public AuditAnchor(ObjectStore store, String bucket, String key) {
    this.store = store;
    this.bucket = bucket;
    this.key = key;
  }

  /**
   * The anchored head, or empty when none was ever written.
   *
   * @throws AnchorUnreadableException when the object exists but is not a valid anchor
   * @throws vn.tangthu.archive.storage.StorageException when storage cannot be reached
   */
  public Optional<AnchoredHead> read() {
    byte[] bytes;
    try {
      bytes = readRetrying();
    } catch (ObjectNotFoundException e) {
      return Optional.empty();
    }
    try {
      JsonNode n = JSON.readTree(bytes);
      if (n == null || n.path("version").asInt() != 1) {
        throw new AnchorUnreadableException("unknown anchor version in " + bucket + "/" + key);
      }
      if (!n.path("entryId").isIntegralNumber() || !n.path("hash").isTextual()) {
        throw new AnchorUnreadableException("no entryId and hash in " + bucket + "/" + key);
      }
      return Optional.of(
          new AnchoredHead(
              n.get("entryId").asLong(),
              n.get("hash").asText(),
              instant(n.get("occurredAt")),
              instant(n.get("anchoredAt"))));
    } catch (AnchorUnreadableException e) {
      throw e;
    } catch (Exception e) {
      throw new AnchorUnreadableException("unreadable anchor " + bucket + "/" + key + ": " + e);
    }
  }

  /**
   * The object's bytes, trying up to {@value #ATTEMPTS} times: a read racing the anchor's own
   * overwrite may fail transiently (seen on the storage node as a 500 InternalError).
   */
  private byte[] readRetrying() {
    for (int attempt = 1; ; attempt++) {
      try {
        return store.read(bucket, key);
      } catch (ObjectNotFoundException e) {
        throw e;
      } catch (StorageException e) {
        if (attempt >= ATTEMPTS) {
          throw e;
        }
        try {
          Thread.sleep(25L * attempt);
        } catch (InterruptedException ie) {
          Thread.currentThread().interrupt();
          throw e;
        }
      }
    }
  }

  /** Replaces the anchored head; returns once storage acknowledged it. */
  public void write(AnchoredHead head) {
    ObjectNode n = JSON.createObjectNode();
    n.put("version", 1);
    n.put("entryId", head.entryId());
    n.put("hash", head.hash());
    n.put("occurredAt", head.occurredAt() == null ? null : head.occurredAt().toString());
    n.put("anchoredAt", head.anchoredAt() == null ? null : head.anchoredAt().toString());
    store.put(bucket, key, n.toString().getBytes(StandardCharsets.UTF_8), "application/json");
  }

  public String location() {
    return bucket + "/" + key;
  }

  private static Instant instant(JsonNode n) {
    return n == null || n.isNull() ? null : Instant.parse(n.asText());
  }

  /** The anchor object exists but cannot be read as an anchor: treat the trail as unproven. */
  public static final class AnchorUnreadableException extends RuntimeException {
    AnchorUnreadableException(String message) {
      super(message);
    }
  }
}
