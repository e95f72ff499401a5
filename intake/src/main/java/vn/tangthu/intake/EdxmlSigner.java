package vn.tangthu.intake;

import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * {@code SignerInfo}: who signed the document on paper terms, e.g. {@code KT. CHỦ TỊCH}, {@code PHÓ
 * CHỦ TỊCH}, {@code Nguyễn Văn A}. Any part may be {@code null}.
 */
public record EdxmlSigner(String competence, String position, String fullName) {

  /** The non-empty parts joined by {@code ", "}, as it goes into the record's description. */
  public String display() {
    return Stream.of(competence, position, fullName)
        .filter(Objects::nonNull)
        .collect(Collectors.joining(", "));
  }

  public boolean isEmpty() {
    return competence == null && position == null && fullName == null;
  }
}
