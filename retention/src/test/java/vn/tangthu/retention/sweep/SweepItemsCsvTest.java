package vn.tangthu.retention.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import vn.tangthu.retention.schedule.DispositionAction;

class SweepItemsCsvTest {
  @Test
  void writesHeaderAndQuotedFieldsWithCrlf() {
    var out = new StringBuilder();
    SweepItemsCsv.write(
        List.of(
            new SweepItem(
                "r1", Optional.of("HS-01"), DispositionAction.DESTROY, LocalDate.of(2031, 1, 1)),
            new SweepItem(
                "r2", Optional.empty(), DispositionAction.REVIEW, LocalDate.of(2030, 1, 1)),
            new SweepItem(
                "r3",
                Optional.of("Hồ sơ \"A\", 2020"),
                DispositionAction.TRANSFER,
                LocalDate.of(2029, 1, 1))),
        out);
    assertThat(out.toString())
        .isEqualTo(
            "recordId,fileCode,action,eligibleOn\r\n"
                + "r1,HS-01,DESTROY,2031-01-01\r\n"
                + "r2,,REVIEW,2030-01-01\r\n"
                + "r3,\"Hồ sơ \"\"A\"\", 2020\",TRANSFER,2029-01-01\r\n");
  }

  @Test
  void formulaLikeFieldsAreDefused() {
    assertThat(SweepItemsCsv.field("=HYPERLINK(\"x\")")).isEqualTo("\"'=HYPERLINK(\"\"x\"\")\"");
    assertThat(SweepItemsCsv.field("@SUM(A1)")).isEqualTo("'@SUM(A1)");
    assertThat(SweepItemsCsv.field("HS-01")).isEqualTo("HS-01");
  }
}
