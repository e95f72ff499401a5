package vn.tangthu.indexer.ocr.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.tangthu.indexer.ocr.EngineStatus;
import vn.tangthu.indexer.ocr.OcrFailure;
import vn.tangthu.indexer.ocr.OcrPage;
import vn.tangthu.indexer.ocr.OcrResult;
import vn.tangthu.indexer.ocr.OcrSettings;

class OcrProtocolTest {

  @Test
  void settingsCrossToTheChildUnchanged() throws IOException {
    OcrSettings settings =
        OcrSettings.DEFAULT
            .withTesseractPath(Path.of("/opt/tesseract/bin/tesseract"))
            .withReading(List.of("vie"), 6, 200, Map.of("thresholding_method", "2"))
            .withLimits(5_000_000L, 7, Duration.ofSeconds(9), Duration.ofMinutes(3))
            .withDeskew(false);
    assertThat(OcrProtocol.readGreeting(OcrProtocol.greeting(settings))).isEqualTo(settings);
  }

  @Test
  void aPageRequestAndItsAnswerCrossUnchanged() throws IOException {
    var request = new OcrProtocol.PageRequest(Path.of("/tmp/a.pdf"), "application/pdf", 3, 1234);
    assertThat(OcrProtocol.readRequest(OcrProtocol.request(request))).isEqualTo(request);
    EngineStatus engine = EngineStatus.available("tesseract 5.3.0", List.of("vie", "eng"));
    OcrPage page =
        new OcrPage(
            3, OcrPage.Kind.READ, "Điều 1. Phê duyệt", 91.5, null, null, Duration.ofMillis(7));
    var answer = new OcrProtocol.PageAnswer(null, page, 12, 10, engine);
    assertThat(OcrProtocol.readAnswer(OcrProtocol.answer(answer))).isEqualTo(answer);
  }

  @Test
  void aDocumentThatCannotBeOpenedCrossesAsAFailedResult() throws IOException {
    EngineStatus engine = EngineStatus.absent("tesseract", List.of("vie"), "not installed");
    OcrResult failed =
        new OcrResult(
            OcrResult.Status.FAILED,
            OcrFailure.DECOMPRESSION_BOMB,
            "100000 x 100000 pixels in 2 KB",
            0,
            List.of(),
            engine);
    var answer =
        OcrProtocol.readAnswer(
            OcrProtocol.answer(new OcrProtocol.PageAnswer(failed, null, 0, 0, engine)));
    assertThat(answer.failure()).isEqualTo(failed);
    assertThat(answer.page()).isNull();
  }
}
