package vn.tangthu.archive.net;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * IP address literals as they appear in configuration and in {@code X-Forwarded-For}: parsed
 * strictly and never looked up in DNS (a name, or an ambiguous form such as {@code 127.1}, is not
 * an address). Stateless and thread-safe.
 */
public final class IpAddresses {

  private static final String OCTET = "(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])";
  private static final Pattern IPV4 = Pattern.compile(OCTET + "(\\." + OCTET + "){3}");
  private static final Pattern IPV4_WITH_PORT = Pattern.compile("([0-9.]+):([0-9]{1,5})");
  private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:][0-9A-Fa-f:.]*");
  private static final Pattern BRACKETED = Pattern.compile("\\[([^\\]]*)\\](?::([0-9]{1,5}))?");

  private IpAddresses() {}

  /**
   * The address {@code literal} names: IPv4 dotted quad or IPv6 (also in brackets), optionally
   * followed by a port, which is ignored. An IPv4-mapped IPv6 address is its IPv4 address. Empty
   * for anything else (host names, zone ids, obfuscated identifiers, {@code unknown}).
   */
  public static Optional<InetAddress> parse(String literal) {
    if (literal == null) {
      return Optional.empty();
    }
    String s = literal.strip();
    var bracketed = BRACKETED.matcher(s);
    if (bracketed.matches()) {
      return port(bracketed.group(2)) ? ipv6(bracketed.group(1)) : Optional.empty();
    }
    var withPort = IPV4_WITH_PORT.matcher(s);
    if (withPort.matches()) {
      return port(withPort.group(2)) ? parseBare(withPort.group(1)) : Optional.empty();
    }
    return parseBare(s);
  }

  /** Like {@link #parse} for a bare address: no brackets, no port. */
  public static Optional<InetAddress> parseBare(String literal) {
    if (literal == null) {
      return Optional.empty();
    }
    String s = literal.strip();
    if (IPV4.matcher(s).matches()) {
      byte[] bytes = new byte[4];
      String[] parts = s.split("\\.");
      for (int i = 0; i < 4; i++) {
        bytes[i] = (byte) Integer.parseInt(parts[i]);
      }
      return Optional.of(byAddress(bytes));
    }
    return ipv6(s);
  }

  /**
   * The key under which failures from {@code address} are counted: an IPv4 address itself; for
   * IPv6, its /64 network (what one subscriber is usually given, so hopping through it does not
   * escape the limit).
   */
  public static String limitKey(InetAddress address) {
    if (address instanceof Inet6Address) {
      byte[] network = Arrays.copyOf(address.getAddress(), 16);
      Arrays.fill(network, 8, 16, (byte) 0);
      return byAddress(network).getHostAddress() + "/64";
    }
    return address.getHostAddress();
  }

  private static boolean port(String digits) {
    return digits == null || Integer.parseInt(digits) <= 65535;
  }

  private static Optional<InetAddress> ipv6(String s) {
    // A literal with a colon that starts with a hex digit or a colon is parsed by the JDK as an
    // IPv6 literal (or refused): it never reaches a name lookup.
    if (s.indexOf(':') < 0 || !IPV6.matcher(s).matches()) {
      return Optional.empty();
    }
    try {
      return Optional.of(InetAddress.getByName(s));
    } catch (UnknownHostException e) {
      return Optional.empty();
    }
  }

  private static InetAddress byAddress(byte[] bytes) {
    try {
      return InetAddress.getByAddress(bytes);
    } catch (UnknownHostException e) {
      throw new IllegalStateException("a 4- or 16-byte address is always valid", e);
    }
  }
}
