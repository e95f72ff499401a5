package vn.tangthu.signature.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** A sentence in English and Vietnamese. */
public record Text(String en, String vi) {
  public Text {
    Objects.requireNonNull(en, "en");
    Objects.requireNonNull(vi, "vi");
  }

  /** Joins sentences with spaces, skipping nulls. */
  public static Text join(List<Text> parts) {
    List<String> en = new ArrayList<>();
    List<String> vi = new ArrayList<>();
    for (Text t : parts) {
      if (t != null && !t.en.isEmpty()) {
        en.add(t.en);
        vi.add(t.vi);
      }
    }
    return new Text(String.join(" ", en), String.join(" ", vi));
  }
}
