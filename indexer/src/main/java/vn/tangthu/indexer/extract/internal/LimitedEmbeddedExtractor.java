package vn.tangthu.indexer.extract.internal;

import java.io.IOException;
import java.io.InputStream;
import org.apache.tika.extractor.ParsingEmbeddedDocumentExtractor;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.parser.ParseContext;
import org.xml.sax.ContentHandler;
import org.xml.sax.SAXException;

/**
 * Parses embedded documents (attachments, archive entries) into the container's text, but skips
 * them beyond a nesting depth or a total count, so recursive archives ("droste" zips) and
 * containers with huge numbers of entries stay bounded. One instance per parse (not thread-safe).
 */
final class LimitedEmbeddedExtractor extends ParsingEmbeddedDocumentExtractor {

  private final int maxDepth;
  private final int maxDocuments;
  private int depth;
  private int documents;

  LimitedEmbeddedExtractor(ParseContext context, int maxDepth, int maxDocuments) {
    super(context);
    this.maxDepth = maxDepth;
    this.maxDocuments = maxDocuments;
  }

  @Override
  public boolean shouldParseEmbedded(Metadata metadata) {
    return depth < maxDepth && documents < maxDocuments && super.shouldParseEmbedded(metadata);
  }

  @Override
  public void parseEmbedded(
      InputStream stream, ContentHandler handler, Metadata metadata, boolean outputHtml)
      throws SAXException, IOException {
    if (depth >= maxDepth || documents >= maxDocuments) {
      return;
    }
    documents++;
    depth++;
    try {
      super.parseEmbedded(stream, handler, metadata, outputHtml);
    } finally {
      depth--;
    }
  }
}
