package vn.tangthu.intake.internal.edxml;

import java.io.IOException;
import java.io.InputStream;
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

  static XMLStreamReader reader(InputStream in) throws XMLStreamException {
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
    return f.createXMLStreamReader(in);
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
