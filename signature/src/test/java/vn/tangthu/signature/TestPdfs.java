package vn.tangthu.signature;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.Calendar;
import java.util.Date;
import java.util.TimeZone;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.PDPageContentStream.AppendMode;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.SignatureInterface;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.SignatureOptions;

/**
 * Makes and signs PDFs with PDFBox's signing API (incremental saves).
 *
 * <p>Public for archive-api's tests, which use it through this module's test jar.
 */
public final class TestPdfs {
  private TestPdfs() {}

  /** A one-page PDF whose (uncompressed) content shows {@code text}. */
  public static byte[] newPdf(String text) throws IOException {
    try (PDDocument doc = new PDDocument()) {
      PDPage page = new PDPage();
      doc.addPage(page);
      write(doc, page, AppendMode.OVERWRITE, text, 700);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      doc.save(out);
      return out.toByteArray();
    }
  }

  private static void write(PDDocument doc, PDPage page, AppendMode mode, String text, int y)
      throws IOException {
    try (PDPageContentStream cs = new PDPageContentStream(doc, page, mode, false)) {
      cs.beginText();
      cs.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
      cs.newLineAtOffset(72, y);
      cs.showText(text);
      cs.endText();
    }
  }

  /** Signs with a CAdES detached signature; {@code tsTime} null for no signature timestamp. */
  public static byte[] sign(byte[] pdf, TestPki pki, Instant at, Instant tsTime)
      throws IOException {
    return addSignature(
        pdf,
        PDSignature.SUBFILTER_ETSI_CADES_DETACHED,
        false,
        at,
        content -> {
          try {
            byte[] data = content.readAllBytes();
            return (tsTime == null
                    ? pki.sign(data, at, false)
                    : pki.signWithTimestamp(data, at, tsTime, false))
                .getEncoded("DER");
          } catch (Exception e) {
            throw new IOException(e);
          }
        });
  }

  /** Adds a document timestamp (ETSI.RFC3161) from the test TSA. */
  static byte[] documentTimestamp(byte[] pdf, TestPki pki, Instant at) throws IOException {
    return addSignature(
        pdf,
        COSName.getPDFName("ETSI.RFC3161"),
        true,
        at,
        content -> {
          try {
            return pki.timestamp(content.readAllBytes(), at).getEncoded();
          } catch (Exception e) {
            throw new IOException(e);
          }
        });
  }

  private static byte[] addSignature(
      byte[] pdf, COSName subFilter, boolean docTimestamp, Instant at, SignatureInterface signer)
      throws IOException {
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      PDSignature sig = new PDSignature();
      if (docTimestamp) {
        sig.setType(COSName.DOC_TIME_STAMP);
      }
      sig.setFilter(PDSignature.FILTER_ADOBE_PPKLITE);
      sig.setSubFilter(subFilter);
      Calendar c = Calendar.getInstance(TimeZone.getTimeZone("UTC"));
      c.setTime(Date.from(at));
      sig.setSignDate(c);
      SignatureOptions options = new SignatureOptions();
      options.setPreferredSignatureSize(20000);
      doc.addSignature(sig, signer, options);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      doc.saveIncremental(out);
      options.close();
      return out.toByteArray();
    }
  }

  /** An incremental update that adds a line of text to the first page. */
  static byte[] appendText(byte[] pdf, String text) throws IOException {
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      PDPage page = doc.getPage(0);
      write(doc, page, AppendMode.APPEND, text, 600);
      page.getCOSObject().setNeedToBeUpdated(true);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      doc.saveIncremental(out);
      return out.toByteArray();
    }
  }

  /** An incremental update that adds a blank page. */
  static byte[] addPage(byte[] pdf) throws IOException {
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      doc.addPage(new PDPage());
      doc.getPages().getCOSObject().setNeedToBeUpdated(true);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      doc.saveIncremental(out);
      return out.toByteArray();
    }
  }
}
