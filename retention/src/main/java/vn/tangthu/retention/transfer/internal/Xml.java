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
  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream(8192);
  private final XMLStreamWriter w;
  private int depth;
  private boolean lastWasStart;
  private boolean hadChild;

  public Xml() {
    try {
      w = XMLOutputFactory.newFactory().createXMLStreamWriter(bytes, "UTF-8");
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
      w.writeAttribute(local, clean(value));
      return this;
    } catch (XMLStreamException e) {
      throw new IllegalStateException(e);
    }
  }

  public Xml attr(String prefix, String uri, String local, String value) {
    try {
      w.writeAttribute(prefix, uri, local, clean(value));
      return this;
    } catch (XMLStreamException e) {
      throw new IllegalStateException(e);
    }
  }

  public Xml text(String value) {
    try {
      w.writeCharacters(clean(value));
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

  /**
   * Replaces what XML 1.0 cannot carry (control characters other than tab, CR, LF; lone surrogates;
   * U+FFFE/U+FFFF) with U+FFFD, so user-supplied text never breaks a document.
   */
  static String clean(String s) {
    StringBuilder out = null;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      boolean ok;
      if (Character.isHighSurrogate(c)) {
        ok = i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
        if (ok) {
          if (out != null) {
            out.append(c).append(s.charAt(i + 1));
          }
          i++;
          continue;
        }
      } else {
        ok =
            c == '\t'
                || c == '\n'
                || c == '\r'
                || (c >= 0x20 && c <= 0xD7FF)
                || (c >= 0xE000 && c <= 0xFFFD);
      }
      if (!ok && out == null) {
        out = new StringBuilder(s.length()).append(s, 0, i);
      }
      if (out != null) {
        out.append(ok ? c : '\uFFFD');
      }
    }
    return out == null ? s : out.toString();
  }

  private void newline() throws XMLStreamException {
    if (depth > 0 || lastWasStart) {
      w.writeCharacters("\n" + "  ".repeat(depth));
    } else {
      w.writeCharacters("\n");
    }
  }
}
