package vn.tangthu.archive.net;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class IpAddressesTest {

  @ParameterizedTest
  @CsvSource({
    "192.0.2.7, 192.0.2.7",
    "' 192.0.2.7 ', 192.0.2.7",
    "192.0.2.7:443, 192.0.2.7",
    "192.0.2.7:65535, 192.0.2.7",
    "0.0.0.0, 0.0.0.0",
    "255.255.255.255, 255.255.255.255",
    "2001:db8::1, 2001:db8:0:0:0:0:0:1",
    "[2001:db8::1], 2001:db8:0:0:0:0:0:1",
    "[2001:db8::1]:8443, 2001:db8:0:0:0:0:0:1",
    "::1, 0:0:0:0:0:0:0:1",
    "::ffff:192.0.2.9, 192.0.2.9",
  })
  void addressLiteralsAreParsed(String literal, String expected) {
    assertThat(IpAddresses.parse(literal).map(InetAddress::getHostAddress)).contains(expected);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "unknown",
        "_hidden",
        "localhost",
        "example.org",
        "127.1",
        "0x7f.0.0.1",
        "192.0.2.256",
        "192.0.2.07",
        "192.0.2",
        "1.2.3.4.5",
        ".1.2.3",
        "fe80::1%eth0",
        "2001:db8::g",
        "[192.0.2.7]",
        "192.0.2.7:99999",
        "[::1]:70000"
      })
  void anythingElseIsNotAnAddressAndIsNeverLookedUp(String literal) {
    assertThat(IpAddresses.parse(literal)).isEmpty();
  }

  @ParameterizedTest
  @CsvSource({
    "192.0.2.7, 192.0.2.7",
    "2001:db8:1:2:3:4:5:6, 2001:db8:1:2:0:0:0:0/64",
    "2001:db8:1:2:ffff::1, 2001:db8:1:2:0:0:0:0/64",
  })
  void failuresAreCountedPerIpv4AddressAndPerIpv6Network(String literal, String key) {
    assertThat(IpAddresses.limitKey(IpAddresses.parse(literal).orElseThrow())).isEqualTo(key);
  }
}
