package vn.tangthu.indexer.search.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.Test;

class FacetKeyTest {

  @Test
  void roundTripsVietnameseValuesAndAbsentOnes() {
    FacetKey key = new FacetKey("UBND-BN", "Quyết định", "2021");
    assertThat(FacetKey.decode(key.encode())).isEqualTo(key);
    FacetKey sparse = new FacetKey("SO-TP", null, null);
    assertThat(FacetKey.decode(sparse.encode())).isEqualTo(new FacetKey("SO-TP", "", ""));
  }

  @Test
  void separatorInsideAValueCannotShiftTheOthers() {
    FacetKey key = new FacetKey("A\u001fB", "Công văn", "2020");
    FacetKey decoded = FacetKey.decode(key.encode());
    assertThat(decoded.typeName()).isEqualTo("Công văn");
    assertThat(decoded.year()).isEqualTo("2020");
  }

  @Test
  void aValueThatIsNoKeyIsRefused() {
    assertThatThrownBy(() -> FacetKey.decode(new BytesRef("plain")))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
