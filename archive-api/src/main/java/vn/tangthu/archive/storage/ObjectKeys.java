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

  /** The signed XML message (edXML) a record was decoded from; ends in {@code .xml}. */
  public static String signedMessage(UUID id) {
    return "signatures/" + shard(id) + "/" + id + ".xml";
  }

  /** Whether a record's signature object is a signed XML message rather than a CMS signature. */
  public static boolean isSignedMessage(String key) {
    return key != null && key.endsWith(".xml");
  }

  public static String text(UUID id) {
    return "text/" + shard(id) + "/" + id + ".txt";
  }

  static String shard(UUID id) {
    String s = id.toString();
    return s.substring(s.length() - 2);
  }
}
