package vn.tangthu.bench.ocr;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import javax.imageio.ImageIO;
import org.apache.tika.config.Param;
import org.apache.tika.exception.TikaConfigException;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.ocr.TesseractOCRConfig;
import org.apache.tika.parser.ocr.TesseractOCRParser;
import org.apache.tika.sax.BodyContentHandler;
import vn.tangthu.indexer.ocr.Cancellation;
import vn.tangthu.indexer.ocr.EngineStatus;
import vn.tangthu.indexer.ocr.OcrEngine;
import vn.tangthu.indexer.ocr.OcrFailure;
import vn.tangthu.indexer.ocr.OcrSettings;
import vn.tangthu.indexer.ocr.PageImage;
import vn.tangthu.indexer.ocr.PageReading;

/**
 * Tika's own {@link TesseractOCRParser} behind the same {@link OcrEngine} interface, for the engine
 * comparison only: the page goes to it as a PNG (with its resolution), Tika writes it to a
 * temporary file, runs {@code tesseract} with the same languages and page segmentation mode, and
 * reads the text file back. It gives no confidence, cannot be cancelled mid-page, and the process's
 * environment ({@code OMP_THREAD_LIMIT}) is the JVM's.
 */
final class TikaTesseractEngine implements OcrEngine {

  private final TesseractOCRParser parser = new TesseractOCRParser();
  private final OcrSettings settings;

  TikaTesseractEngine(OcrSettings settings) throws TikaConfigException {
    this.settings = settings;
    parser.setTesseractPath(settings.tesseractPath().getParent().toString() + "/");
    parser.setLanguage(settings.languageArgument());
    parser.setPageSegMode(Integer.toString(settings.pageSegmentation()));
    parser.setTimeout((int) settings.pageTimeout().toSeconds());
    parser.initialize(Map.<String, Param>of());
  }

  @Override
  public EngineStatus status() {
    try {
      return parser.hasTesseract()
          ? EngineStatus.available(
              "tika "
                  + TesseractOCRParser.class.getPackage().getImplementationVersion()
                  + " tesseract",
              settings.languages())
          : EngineStatus.absent("tika tesseract", settings.languages(), "no tesseract");
    } catch (TikaConfigException e) {
      return EngineStatus.absent("tika tesseract", settings.languages(), e.getMessage());
    }
  }

  @Override
  public PageReading read(PageImage page, Duration timeLimit, Cancellation cancellation) {
    long start = System.nanoTime();
    try {
      ByteArrayOutputStream png = new ByteArrayOutputStream();
      ImageIO.write(page.image(), "png", png);
      TesseractOCRConfig config = new TesseractOCRConfig();
      config.setLanguage(settings.languageArgument());
      config.setPageSegMode(Integer.toString(settings.pageSegmentation()));
      config.setTimeoutSeconds((int) Math.max(1, timeLimit.toSeconds()));
      if (page.dpi() > 0) {
        config.addOtherTesseractConfig("user_defined_dpi", Integer.toString(page.dpi()));
      }
      ParseContext context = new ParseContext();
      context.set(TesseractOCRConfig.class, config);
      BodyContentHandler handler = new BodyContentHandler(-1);
      Metadata metadata = new Metadata();
      metadata.set(Metadata.CONTENT_TYPE, "image/png");
      parser.parse(new ByteArrayInputStream(png.toByteArray()), handler, metadata, context);
      String text = handler.toString().strip();
      return PageReading.read(
          text,
          Double.NaN,
          text.isEmpty() ? 0 : text.split("\\s+").length,
          Duration.ofNanos(System.nanoTime() - start));
    } catch (IOException | org.xml.sax.SAXException | org.apache.tika.exception.TikaException e) {
      return PageReading.failed(
          OcrFailure.ENGINE_FAILED, e.getMessage(), Duration.ofNanos(System.nanoTime() - start));
    }
  }

  @Override
  public void close() {}
}
