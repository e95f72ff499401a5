package vn.tangthu.storage.internal.http;

import vn.tangthu.storage.internal.s3.S3Exception;
import vn.tangthu.storage.internal.store.ObjectMeta;

/**
 * The part a GET or HEAD with {@code partNumber} addresses: a part of a version completed from a
 * multipart upload, or part 1 (the whole object) of any other. Either is answered as a byte range
 * (206 with {@code Content-Range}), as S3 answers it, the whole object included.
 *
 * @param number the part number
 * @param range its bytes, or null when it has none (an empty part or object: 200)
 */
record PartRange(int number, Range range) {

  /**
   * The part {@code partNumber} names, or null when it is absent.
   *
   * @throws S3Exception InvalidArgument when it is not a number in 1..10000 or comes with a Range;
   *     InvalidPartNumber (416) when the object has no such part
   */
  static PartRange of(String partNumber, String rangeHeader, ObjectMeta m) {
    if (partNumber == null) {
      return null;
    }
    int n;
    try {
      n = Integer.parseInt(partNumber);
    } catch (NumberFormatException e) {
      n = 0;
    }
    if (n < 1 || n > 10000) {
      throw S3Exception.invalidArgument("Part number must be an integer between 1 and 10000");
    }
    if (rangeHeader != null) {
      throw S3Exception.invalidRequest("Cannot specify both Range header and partNumber query");
    }
    int count = m.parts().isEmpty() ? 1 : m.parts().size();
    if (n > count) {
      throw new S3Exception(
          416, "InvalidPartNumber", "The requested partnumber is not satisfiable");
    }
    if (m.parts().isEmpty()) {
      return new PartRange(n, m.size() == 0 ? null : new Range(0, m.size() - 1, false));
    }
    long first = 0;
    for (int i = 0; i < n - 1; i++) {
      first += m.parts().get(i).size();
    }
    long size = m.parts().get(n - 1).size();
    return new PartRange(n, size == 0 ? null : new Range(first, first + size - 1, false));
  }
}
