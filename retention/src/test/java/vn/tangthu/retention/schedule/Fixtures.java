package vn.tangthu.retention.schedule;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

final class Fixtures {
  private Fixtures() {}

  static Schedule years(String code, int years) {
    return Schedule.verified(
        code,
        "series " + code,
        RetentionPeriod.ofYears(years),
        DispositionAction.DESTROY,
        "Thông tư 10/2022/TT-BNV");
  }

  static Schedule permanent(String code) {
    return Schedule.verified(
        code,
        "series " + code,
        RetentionPeriod.PERMANENT,
        DispositionAction.TRANSFER,
        "Thông tư 10/2022/TT-BNV");
  }

  static Clock at(String instant) {
    return Clock.fixed(Instant.parse(instant), ZoneOffset.UTC);
  }
}
