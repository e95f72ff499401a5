package vn.tangthu.retention.transfer.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;

class XmlTest {
  @Test
  void textThatXmlCannotCarryIsReplacedNotFatal() throws Exception {
    String hostile = "a\u0001b\u0000c\uD800d\uFFFEe <&> \"q\" 😀 tiếng Việt";
    byte[] doc =
        new Xml()
            .start("", "urn:x", "r")
            .ns("", "urn:x")
            .attr("v", hostile)
            .text(hostile)
            .end()
            .finish();
    var f = DocumentBuilderFactory.newInstance();
    f.setNamespaceAware(true);
    var root = f.newDocumentBuilder().parse(new ByteArrayInputStream(doc)).getDocumentElement();
    String expected = "a\uFFFDb\uFFFDc\uFFFDd\uFFFDe <&> \"q\" 😀 tiếng Việt";
    assertThat(root.getTextContent()).isEqualTo(expected);
    assertThat(root.getAttribute("v")).isEqualTo(expected);
  }

  @Test
  void cleanTextIsReturnedAsIs() {
    String s = "Quyết định 123/QĐ-UBND\tngày 1/1";
    assertThat(Xml.clean(s)).isSameAs(s);
  }
}
