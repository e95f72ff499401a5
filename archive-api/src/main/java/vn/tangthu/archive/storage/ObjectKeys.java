package vn.tangthu.archive.storage;

import java.util.UUID;

/**
 * Object keys by record id, spread by a two-hex-digit prefix taken from the random part of the
 * UUIDv7; never by user-supplied names.
 */
public final class ObjectKeys {

  private ObjectKeys() {}

  public static String original(UUID id) {
    return "originals/" + shard(id) + "/" + id;
  }

  public static String detachedSignature(UUID id) {
    return "signatures/" + shard(id) + "/" + id + ".p7s";
  }

  public static String text(UUID id) {
    return "text/" + shard(id) + "/" + id + ".txt";
  }

  static String shard(UUID id) {
    String s = id.toString();
    return s.substring(s.length() - 2);
  }
}
