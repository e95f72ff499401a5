package vn.tangthu.archive.net;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;

/**
 * The proxies whose {@code X-Forwarded-For} the archive believes ({@code server.trustedProxies}:
 * addresses or CIDR ranges, IPv4 or IPv6), and the client address they vouch for. Immutable and
 * thread-safe.
 *
 * <p>The client is found by walking {@code X-Forwarded-For} from the right, starting at the
 * connection's peer: as long as the address at hand is a trusted proxy, the entry to its left is
 * the address that proxy received the request from; the first address that is not a trusted proxy
 * is the client. What lies further left was written by the client or by proxies nobody trusts, so
 * it is never read. An entry that is not an address (a name, {@code unknown}, garbage) ends the
 * walk at the trusted proxy that wrote it.
 */
public final class TrustedProxies {

  /** More hops than this are not walked: the proxy nearest the client among them is used. */
  static final int MAX_HOPS = 64;

  private final List<Range> ranges;

  private TrustedProxies(List<Range> ranges) {
    this.ranges = List.copyOf(ranges);
  }

  /** Nobody is trusted: the client is always the connection's peer. */
  public static TrustedProxies none() {
    return new TrustedProxies(List.of());
  }

  /**
   * Parses addresses and ranges such as {@code 10.0.0.5}, {@code 10.0.0.0/8}, {@code ::1} or {@code
   * fd00::/8}.
   *
   * @throws IllegalArgumentException naming the first entry that is neither
   */
  public static TrustedProxies of(List<String> entries) {
    List<Range> ranges = new ArrayList<>();
    for (String entry : entries) {
      ranges.add(Range.parse(entry));
    }
    return new TrustedProxies(ranges);
  }

  public boolean isEmpty() {
    return ranges.isEmpty();
  }

  /** Whether {@code address} is one of the trusted proxies. */
  public boolean trusts(InetAddress address) {
    for (Range r : ranges) {
      if (r.contains(address)) {
        return true;
      }
    }
    return false;
  }

  /**
   * The client behind {@code peer}, from the values of the request's {@code X-Forwarded-For}
   * headers in the order received (each a comma-separated list, nearest the client first).
   */
  public InetAddress clientOf(InetAddress peer, List<String> forwardedFor) {
    if (!trusts(peer) || forwardedFor.isEmpty()) {
      return peer;
    }
    List<String> hops = new ArrayList<>();
    for (String value : forwardedFor) {
      for (String hop : value.split(",", -1)) {
        hops.add(hop);
      }
    }
    InetAddress current = peer;
    for (int i = hops.size() - 1, walked = 0; i >= 0 && walked < MAX_HOPS; i--, walked++) {
      var hop = IpAddresses.parse(hops.get(i));
      if (hop.isEmpty()) {
        return current;
      }
      current = hop.get();
      if (!trusts(current)) {
        return current;
      }
    }
    return current;
  }

  @Override
  public String toString() {
    return ranges.toString();
  }

  /** One address ({@code bits} = its length) or a CIDR range. */
  private record Range(byte[] network, int bits, String text) {

    static Range parse(String entry) {
      String s = entry == null ? "" : entry.strip();
      int slash = s.indexOf('/');
      String host = slash < 0 ? s : s.substring(0, slash);
      InetAddress address =
          IpAddresses.parseBare(host)
              .orElseThrow(
                  () ->
                      new IllegalArgumentException(
                          "server.trustedProxies: not an IP address or CIDR range: " + entry));
      byte[] bytes = address.getAddress();
      int bits = bytes.length * 8;
      if (slash >= 0) {
        String prefix = s.substring(slash + 1);
        if (!prefix.matches("[0-9]{1,3}") || Integer.parseInt(prefix) > bytes.length * 8) {
          throw new IllegalArgumentException(
              "server.trustedProxies: bad prefix length in " + entry);
        }
        bits = Integer.parseInt(prefix);
      }
      return new Range(bytes, bits, s);
    }

    boolean contains(InetAddress address) {
      byte[] a = address.getAddress();
      if (a.length != network.length) {
        return false;
      }
      int whole = bits / 8;
      for (int i = 0; i < whole; i++) {
        if (a[i] != network[i]) {
          return false;
        }
      }
      int rest = bits % 8;
      if (rest == 0) {
        return true;
      }
      int mask = (0xff << (8 - rest)) & 0xff;
      return (a[whole] & mask) == (network[whole] & mask);
    }

    @Override
    public String toString() {
      return text;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Range r && r.text.equals(text);
    }

    @Override
    public int hashCode() {
      return text.hashCode();
    }
  }
}
