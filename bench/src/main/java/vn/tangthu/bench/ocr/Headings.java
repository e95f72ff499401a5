package vn.tangthu.bench.ocr;

import java.util.List;
import java.util.Random;

/** Headings of first pages: an agency of Bắc Ninh, a document number, the motto, a date. */
final class Headings {

  private static final String[][] AGENCIES = {
    {"ỦY BAN NHÂN DÂN", "TỈNH BẮC NINH", "UBND"},
    {"UBND TỈNH BẮC NINH", "SỞ TÀI NGUYÊN VÀ MÔI TRƯỜNG", "STNMT"},
    {"UBND THÀNH PHỐ BẮC NINH", "PHÒNG QUẢN LÝ ĐÔ THỊ", "QLĐT"},
    {"HỘI ĐỒNG NHÂN DÂN", "TỈNH BẮC NINH", "HĐND"},
    {"UBND HUYỆN TIÊN DU", "VĂN PHÒNG HĐND VÀ UBND", "VP"},
    {"UBND TỈNH BẮC NINH", "SỞ NỘI VỤ", "SNV"},
  };

  private static final String[] KINDS = {"QĐ", "CV", "TB", "KH", "BC", "TTr"};

  private Headings() {}

  static PageLayout.Heading random(Random random) {
    String[] agency = AGENCIES[random.nextInt(AGENCIES.length)];
    String number =
        String.format(
            "Số: %d/%s-%s",
            1 + random.nextInt(2400), KINDS[random.nextInt(KINDS.length)], agency[2]);
    String date =
        String.format(
            "Bắc Ninh, ngày %d tháng %d năm %d",
            1 + random.nextInt(28), 1 + random.nextInt(12), 2015 + random.nextInt(10));
    return new PageLayout.Heading(
        List.of(agency[0], agency[1], number),
        List.of("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", date));
  }
}
