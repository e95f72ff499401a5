package vn.tangthu.intake.internal.edxml;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import javax.xml.XMLConstants;
import javax.xml.namespace.QName;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * The JDK's own StAX reader (never one found on the class path), configured so that no document can
 * reach outside itself or expand: no DTD, no external entities, no resolver, character data
 * delivered in chunks. {@link MarkupGuard} in front of it refuses what it would still buffer.
 */
public final class SafeXml {

  private SafeXml() {}

  /** Markup characters whose bytes {@link MarkupGuard} must see as they are in ASCII. */
  private static final String MARKUP = "<!DOCTYPE[]-?>'\"= \t\r\n/:_.0123456789abcdefxyzXYZ";

  /**
   * A reader over {@code in}, whose declared encoding has been checked.
   *
   * @throws Unreadable when the document declares an encoding in which markup is not written in
   *     ASCII bytes (EBCDIC, UTF-16 without a byte-order mark, …): {@link MarkupGuard} could not
   *     see its tags, and edXML is exchanged in UTF-8
   */
  static XMLStreamReader reader(InputStream in) throws XMLStreamException {
    XMLStreamReader r = factory().createXMLStreamReader(in);
    String declared = r.getCharacterEncodingScheme();
    if (declared != null && !asciiCompatible(declared)) {
      r.close();
      throw new Unreadable(
          "the message declares the encoding " + declared + " (edXML is exchanged in UTF-8)");
    }
    return r;
  }

  /** The document's declared encoding cannot be read safely. */
  static final class Unreadable extends XMLStreamException {
    private static final long serialVersionUID = 1L;

    Unreadable(String message) {
      super(message);
    }
  }

  /** Whether {@code encoding} writes markup characters as their ASCII bytes, one byte each. */
  static boolean asciiCompatible(String encoding) {
    try {
      Charset c = Charset.forName(encoding.strip());
      return Arrays.equals(MARKUP.getBytes(c), MARKUP.getBytes(StandardCharsets.US_ASCII));
    } catch (IllegalArgumentException | UnsupportedOperationException e) {
      return false;
    }
  }

  private static XMLInputFactory factory() {
    XMLInputFactory f = XMLInputFactory.newDefaultFactory();
    f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    f.setProperty(XMLInputFactory.IS_COALESCING, false);
    f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
    f.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
    f.setXMLResolver(
        (publicId, systemId, baseUri, namespace) -> {
          throw new XMLStreamException("external resource refused: " + systemId);
        });
    return f;
  }

  /**
   * The root element of the XML document that {@code head} starts, or {@code null} when it is not
   * XML, is hostile, or its root does not start within {@code head}.
   */
  public static QName rootElement(InputStream head, int markupLimit) {
    try {
      XMLStreamReader r = reader(new MarkupGuard(head, markupLimit));
      try {
        while (r.hasNext()) {
          if (r.next() == XMLStreamConstants.START_ELEMENT) {
            return r.getName();
          }
        }
      } finally {
        r.close();
      }
    } catch (XMLStreamException | RuntimeException e) {
      return null;
    }
    return null;
  }

  /** The element names of an edXML message's root, in either form. */
  public static boolean isEdxmlRoot(QName name) {
    return name != null && EdxmlParser.formOf(name.getLocalPart()) != null;
  }

  /** Closes quietly. */
  static void close(InputStream in) {
    try {
      in.close();
    } catch (IOException e) {
      // nothing was written; nothing to lose
    }
  }
}
