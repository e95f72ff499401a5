package vn.tangthu.storage.internal.s3;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/** Minimal XML writing (S3 namespace) and hardened parsing (no DTD, no external entities). */
public final class Xml {
  public static final String NS = "http://s3.amazonaws.com/doc/2006-03-01/";

  private final StringBuilder out = new StringBuilder(256);

  private Xml(String root) {
    out.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<")
        .append(root)
        .append(" xmlns=\"")
        .append(NS)
        .append("\">");
  }

  /** Starts a document whose root element carries the S3 namespace. */
  public static Xml document(String root) {
    return new Xml(root);
  }

  public Xml open(String tag) {
    out.append('<').append(tag).append('>');
    return this;
  }

  public Xml close(String tag) {
    out.append("</").append(tag).append('>');
    return this;
  }

  public Xml elem(String tag, Object value) {
    if (value == null) {
      return this;
    }
    out.append('<').append(tag).append('>');
    escape(String.valueOf(value));
    return close(tag);
  }

  /** Closes the root element and returns the document. */
  public String end(String root) {
    return out.append("</").append(root).append('>').toString();
  }

  private void escape(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&apos;");
        default -> {
          if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
            out.append("&#").append((int) c).append(';');
          } else {
            out.append(c);
          }
        }
      }
    }
  }

  /**
   * Parses an XML request body.
   *
   * @throws S3Exception {@code MalformedXML} when the body is not well-formed
   */
  public static Element parse(byte[] body) {
    try {
      DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
      f.setNamespaceAware(true);
      f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      f.setXIncludeAware(false);
      f.setExpandEntityReferences(false);
      DocumentBuilder b = f.newDocumentBuilder();
      b.setErrorHandler(null);
      Document d = b.parse(new ByteArrayInputStream(body));
      return d.getDocumentElement();
    } catch (ParserConfigurationException | SAXException | IOException e) {
      throw S3Exception.malformedXml();
    }
  }

  /** Direct child elements with the given local name. */
  public static List<Element> children(Element parent, String name) {
    List<Element> result = new ArrayList<>();
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e && name.equals(localName(e))) {
        result.add(e);
      }
    }
    return result;
  }

  /** Text of the first direct child with the given name, or {@code null}. */
  public static String childText(Element parent, String name) {
    List<Element> c = children(parent, name);
    return c.isEmpty() ? null : c.get(0).getTextContent().trim();
  }

  /**
   * Text of the first direct child with the given name exactly as sent (object keys may begin or
   * end with whitespace), or {@code null}.
   */
  public static String childTextExact(Element parent, String name) {
    List<Element> c = children(parent, name);
    return c.isEmpty() ? null : c.get(0).getTextContent();
  }

  public static String localName(Element e) {
    return e.getLocalName() != null ? e.getLocalName() : e.getTagName();
  }
}
