package vn.tangthu.storage.internal.post;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FormReaderTest {
  private static final String BOUNDARY = "----boundary42";

  /** A stream that hands out at most {@code chunk} bytes per read, as a network does. */
  private static InputStream trickle(byte[] b, int chunk) {
    return new FilterInputStream(new ByteArrayInputStream(b)) {
      @Override
      public int read(byte[] buf, int off, int len) throws IOException {
        return super.read(buf, off, Math.min(len, chunk));
      }
    };
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 7, 100, 8191, 65536})
  void fieldsAndFileSurviveAnyReadSizeAndLookalikeBoundaries(int chunk) throws Exception {
    byte[] file = new byte[300_000];
    new Random(chunk).nextBytes(file);
    byte[] lookalike = ("\r\n--" + BOUNDARY.substring(0, 10)).getBytes(StandardCharsets.US_ASCII);
    System.arraycopy(lookalike, 0, file, 1000, lookalike.length);
    System.arraycopy(lookalike, 0, file, file.length - lookalike.length, lookalike.length);
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    body.write(
        ("--"
                + BOUNDARY
                + "\r\nContent-Disposition: form-data; name=\"key\"\r\n\r\nuploads/${filename}\r\n"
                + "--"
                + BOUNDARY
                + "\r\nContent-Disposition: form-data; name=\"policy\"\r\n\r\neyJ4IjoxfQ==\r\n"
                + "--"
                + BOUNDARY
                + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a b.pdf\"\r\n"
                + "Content-Type: application/pdf\r\n\r\n")
            .getBytes(StandardCharsets.UTF_8));
    body.write(file);
    body.write(("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.US_ASCII));
    FormReader form =
        new FormReader(
            trickle(body.toByteArray(), chunk),
            FormReader.boundary("multipart/form-data; boundary=" + BOUNDARY));
    byte[] got = form.readToFile().readAllBytes();
    assertThat(form.fields())
        .containsEntry("key", "uploads/${filename}")
        .containsEntry("policy", "eyJ4IjoxfQ==");
    assertThat(form.fileName()).isEqualTo("a b.pdf");
    assertThat(form.fileContentType()).isEqualTo("application/pdf");
    assertThat(got).isEqualTo(file);
  }
}
