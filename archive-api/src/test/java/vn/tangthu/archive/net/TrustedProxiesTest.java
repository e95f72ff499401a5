package vn.tangthu.archive.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TrustedProxiesTest {

  private static final TrustedProxies PROXIES =
      TrustedProxies.of(List.of("10.0.0.0/8", "192.168.1.10", "fd00::/8", "2001:db8::5"));

  private static InetAddress ip(String s) {
    return IpAddresses.parse(s).orElseThrow();
  }

  private static String client(String peer, String... forwardedFor) {
    return PROXIES.clientOf(ip(peer), List.of(forwardedFor)).getHostAddress();
  }

  @Test
  void rangesAndSingleAddressesAreTrusted() {
    assertThat(PROXIES.trusts(ip("10.200.3.4"))).isTrue();
    assertThat(PROXIES.trusts(ip("11.0.0.1"))).isFalse();
    assertThat(PROXIES.trusts(ip("192.168.1.10"))).isTrue();
    assertThat(PROXIES.trusts(ip("192.168.1.11"))).isFalse();
    assertThat(PROXIES.trusts(ip("fd12::1"))).isTrue();
    assertThat(PROXIES.trusts(ip("fe00::1"))).isFalse();
    assertThat(PROXIES.trusts(ip("2001:db8::5"))).isTrue();
    assertThat(PROXIES.trusts(ip("2001:db8::6"))).isFalse();
    assertThat(PROXIES.trusts(ip("::ffff:10.1.1.1"))).as("IPv4-mapped").isTrue();
    assertThat(TrustedProxies.of(List.of("172.16.0.0/12")).trusts(ip("172.31.255.255"))).isTrue();
    assertThat(TrustedProxies.of(List.of("172.16.0.0/12")).trusts(ip("172.32.0.0"))).isFalse();
    assertThat(TrustedProxies.of(List.of("0.0.0.0/0")).trusts(ip("203.0.113.1"))).isTrue();
    assertThat(TrustedProxies.of(List.of("0.0.0.0/0")).trusts(ip("::1"))).isFalse();
  }

  @Test
  void anUntrustedPeerIsTheClientWhateverItClaims() {
    assertThat(client("203.0.113.9", "198.51.100.1")).isEqualTo("203.0.113.9");
    assertThat(TrustedProxies.none().clientOf(ip("10.0.0.1"), List.of("198.51.100.1")))
        .isEqualTo(ip("10.0.0.1"));
  }

  @Test
  void aTrustedPeerWithoutTheHeaderIsTheClient() {
    assertThat(PROXIES.clientOf(ip("10.0.0.1"), Collections.emptyList())).isEqualTo(ip("10.0.0.1"));
  }

  @Test
  void theWalkStopsAtTheFirstUntrustedHopFromTheRight() {
    assertThat(client("10.0.0.1", "198.51.100.1")).isEqualTo("198.51.100.1");
    assertThat(client("10.0.0.1", "203.0.113.66, 198.51.100.1"))
        .as("what the client wrote itself is not read")
        .isEqualTo("198.51.100.1");
    assertThat(client("10.0.0.1", "203.0.113.66, 198.51.100.1, 10.9.9.9, 192.168.1.10"))
        .isEqualTo("198.51.100.1");
    assertThat(client("10.0.0.1", "203.0.113.66", "198.51.100.1, 10.9.9.9"))
        .as("several headers are one list in order")
        .isEqualTo("198.51.100.1");
    assertThat(client("10.0.0.1", "[2001:db8::77]:4711, 10.2.2.2"))
        .isEqualTo("2001:db8:0:0:0:0:0:77");
  }

  @Test
  void onlyTrustedHopsMeanTheLeftmostIsTheClient() {
    assertThat(client("10.0.0.1", "10.0.0.7, 10.0.0.8")).isEqualTo("10.0.0.7");
  }

  @Test
  void anEntryThatIsNoAddressEndsTheWalkAtTheProxyThatWroteIt() {
    assertThat(client("10.0.0.1", "198.51.100.1, unknown")).isEqualTo("10.0.0.1");
    assertThat(client("10.0.0.1", "198.51.100.1, evil.example, 10.0.0.2")).isEqualTo("10.0.0.2");
    assertThat(client("10.0.0.1", "")).isEqualTo("10.0.0.1");
  }

  @Test
  void aVeryLongChainOfTrustedHopsIsNotWalkedPastItsLimit() {
    StringBuilder hops = new StringBuilder("198.51.100.1");
    for (int i = 0; i < TrustedProxies.MAX_HOPS + 10; i++) {
      hops.append(", 10.0.").append(i / 250).append('.').append(i % 250 + 1);
    }
    assertThat(PROXIES.trusts(ip(client("10.0.0.1", hops.toString())))).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"proxy.example", "10.0.0.0/33", "10.0.0.0/", "::/129", "10.0.0.1:80", "[::1]", ""})
  void entriesThatAreNeitherAddressNorRangeAreRefused(String entry) {
    assertThatThrownBy(() -> TrustedProxies.of(List.of(entry)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("server.trustedProxies");
  }

  @ParameterizedTest
  @CsvSource({"10.1.2.3/8, 10.255.0.1", "2001:db8:ffff::/32, 2001:db8:1::1"})
  void aRangeIgnoresTheHostBitsOfItsAddress(String range, String inside) {
    assertThat(TrustedProxies.of(List.of(range)).trusts(ip(inside))).isTrue();
  }
}
