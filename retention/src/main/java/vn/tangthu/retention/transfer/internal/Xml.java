package vn.tangthu.retention.transfer.internal;

import java.io.ByteArrayOutputStream;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * A small indenting XML writer into memory (metadata files are small). Not thread-safe; one
 * document per instance.
 */
public final class Xml {
  private static final XMLOutputFactory FACTORY = XMLOutputFactory.newFactory();

  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream(8192);
  private final XMLStreamWriter w;
  private int depth;
  private boolean lastWasStart;
  private boolean hadChild;

  public Xml() {
    try {
      w = FACTORY.createXMLStreamWriter(bytes, "UTF-8");
      w.writeStartDocument("UTF-8", "1.0");
    } catch (XMLStreamException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Opens an element; the first element must then declare its namespaces with {@link #ns}. */
  public Xml start(String prefix, String uri, String local) {
    try {
      newline();
      w.writeStartElement(prefix, local, uri);
      depth++;
      lastWasStart = true;
      hadChild = false;
      return this;
    } catch (XMLStreamException e) {
      throw new IllegalStateException(e);
    }
  }

  public Xml ns(String prefix, String uri) {
    try {
      if (prefix.isEmpty()) {
        w.writeDefaultNamespace(uri);
      } else {
        w.writeNamespace(prefix, uri);
      }
      return this;
    } catch (XMLStreamException e) {
      throw new IllegalStateException(e);
    }
  }

  public Xml attr(String local, String value) {
    try {
      w.writeAttribute(local, value);
      return this;
    } catch (XMLStreamException e) {
      throw new IllegalStateException(e);
    }
  }

  public Xml attr(String prefix, String uri, String local, String value) {
    try {
      w.writeAttribute(prefix, uri, local, value);
      return this;
    } catch (XMLStreamException e) {
      throw new IllegalStateException(e);
    }
  }

  public Xml text(String value) {
    try {
      w.writeCharacters(value);
      lastWasStart = false;
      hadChild = false;
      return this;
    } catch (XMLStreamException e) {
      throw new IllegalStateException(e);
    }
  }

  public Xml end() {
    try {
      depth--;
      if (hadChild) {
        w.writeCharacters("\n" + "  ".repeat(depth));
      }
      w.writeEndElement();
      hadChild = true;
      lastWasStart = false;
      return this;
    } catch (XMLStreamException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Writes {@code <prefix:local>text</prefix:local>}. */
  public Xml leaf(String prefix, String uri, String local, String value) {
    return start(prefix, uri, local).text(value).end();
  }

  /** Ends the document and returns its UTF-8 bytes. */
  public byte[] finish() {
    try {
      w.writeCharacters("\n");
      w.writeEndDocument();
      w.close();
      return bytes.toByteArray();
    } catch (XMLStreamException e) {
      throw new IllegalStateException(e);
    }
  }

  private void newline() throws XMLStreamException {
    if (depth > 0 || lastWasStart) {
      w.writeCharacters("\n" + "  ".repeat(depth));
    } else {
      w.writeCharacters("\n");
    }
  }
}
