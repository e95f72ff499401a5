package vn.tangthu.archive.imports;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import vn.tangthu.archive.support.RunningArchive;

/**
 * Every package format end to end, through the HTTP API of one running archive: each item becomes a
 * record exactly as {@code POST /records} makes one (metadata mapped field by field, attachments
 * linked, searchable, its {@code source} telling where it came from), the same package twice adds
 * nothing, and a package that is not one or a bag that does not verify is refused before anything
 * is stored.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ImportFormatsIT {

  static final String BN_ORGAN = "000.00.00.H06";
  static final String SNV_ORGAN = "000.00.01.H06";

  @TempDir static Path dataDir;
  private RunningArchive archive;
  private ImportClient imports;
  private String admin;
  private String submitter;

  @BeforeAll
  void start() throws Exception {
    archive =
        RunningArchive.start(
            dataDir, io.dropwizard.testing.ConfigOverride.config("imports.pollInterval", "PT0.5S"));
    admin = archive.adminToken();
    imports = new ImportClient(archive);
    imports.agency(
        admin,
        "{\"code\":\"BN\",\"name\":\"UBND tỉnh Bắc Ninh\",\"edxmlOrganId\":\"" + BN_ORGAN + "\"}");
    imports.agency(
        admin,
        "{\"code\":\"BN-SNV\",\"name\":\"Sở Nội vụ\",\"parentCode\":\"BN\",\"edxmlOrganId\":\""
            + SNV_ORGAN
            + "\"}");
    submitter = imports.user(admin, "imp-sub-bn", "BN", "SUBMITTER");
  }

  @AfterAll
  void stop() {
    archive.close();
  }

  @Test
  void anEdxmlMessageBecomesARecordWithItsHeaderMappedFieldByField() throws Exception {
    Edxml m = Edxml.message(BN_ORGAN, "UBND tỉnh Bắc Ninh", 123, "Nội dung quyết định zzqd123");
    m.attach("att-2", "phu-luc-123.txt", "text/plain", "Phụ lục kèm theo zzpl123");
    JsonNode job = imports.run(submitter, m.bytes(), "qd-123.xml", null);
    assertThat(job.get("status").asText()).isEqualTo("DONE");
    assertThat(job.get("format").asText()).isEqualTo("EDXML");
    List<JsonNode> items = imports.items(submitter, job.get("id").asText(), null);
    assertThat(job.get("counts").toString())
        .as("%s", items)
        .isEqualTo("{\"total\":1,\"imported\":1,\"duplicate\":0,\"failed\":0}");
    assertThat(items).hasSize(1);
    assertThat(items.get(0).get("path").asText()).isEqualTo("qd-123.xml");
    assertThat(items.get(0).get("status").asText()).isEqualTo("IMPORTED");

    JsonNode r = imports.record(submitter, items.get(0).get("recordId").asText());
    assertThat(r.get("agencyCode").asText()).isEqualTo("BN");
    assertThat(r.get("subject").asText()).isEqualTo("Về việc phê duyệt kế hoạch số 123");
    assertThat(r.get("typeName").asText()).isEqualTo("Quyết định");
    assertThat(r.get("number").asText()).isEqualTo("123");
    assertThat(r.get("notation").asText()).isEqualTo("QĐ-UBND");
    assertThat(r.get("issuedDate").asText()).isEqualTo("2024-03-15");
    assertThat(r.get("issuer").asText()).isEqualTo("UBND tỉnh Bắc Ninh");
    assertThat(r.get("docCode").asText()).isEqualTo(BN_ORGAN + ",2024/03/15,123/QĐ-UBND");
    assertThat(r.get("description").asText())
        .isEqualTo("Người ký: KT. CHỦ TỊCH, PHÓ CHỦ TỊCH, Nguyễn Văn An\nNơi ban hành: Bắc Ninh");
    assertThat(r.get("confidence").asText()).isEqualTo("ORIGINAL_ELECTRONIC");
    assertThat(r.get("accessLevel").asText()).isEqualTo("INTERNAL");
    assertThat(r.get("fileName").asText()).isEqualTo("quyet-dinh-123.txt");
    assertThat(r.get("createdBy").asText()).isEqualTo("imp-sub-bn");
    assertThat(r.get("receipt").asText()).isNotBlank();
    assertThat(r.get("source").toString())
        .isEqualTo(
            "{\"kind\":\"EDXML\",\"importId\":\""
                + job.get("id").asText()
                + "\",\"edxmlDocumentId\":\""
                + BN_ORGAN
                + ",2024/03/15,123/QĐ-UBND\",\"fromOrganId\":\""
                + BN_ORGAN
                + "\"}");
    assertThat(content(r.get("id").asText())).isEqualTo("Nội dung quyết định zzqd123");
    assertThat(r.get("attachmentIds")).hasSize(1);
    JsonNode attachment = imports.record(submitter, r.get("attachmentIds").get(0).asText());
    assertThat(attachment.get("mainRecordId").asText()).isEqualTo(r.get("id").asText());
    assertThat(attachment.get("fileName").asText()).isEqualTo("phu-luc-123.txt");
    assertThat(attachment.get("source").get("kind").asText()).isEqualTo("EDXML");
    assertThat(content(attachment.get("id").asText())).isEqualTo("Phụ lục kèm theo zzpl123");
    assertThat(imports.awaitSearch(submitter, "zzqd123", 1)).isEqualTo(1);
    assertThat(imports.awaitSearch(submitter, "zzpl123", 1)).isEqualTo(1);
  }

  @Test
  void anEdxmlBatchOfBothFormsImportsOnceAndAgainIsAllDuplicate() throws Exception {
    Edxml older = Edxml.message(SNV_ORGAN, "Sở Nội vụ", 7, "Công văn cũ zzenv7");
    older.envelope = true;
    byte[] batch =
        new Entries()
            .add("msg/1.xml", Edxml.message(BN_ORGAN, "UBND tỉnh", 201, "zzbatch201").bytes())
            .add("msg/2.xml", older.bytes())
            .add("msg/3.xml", Edxml.message(SNV_ORGAN, "Sở Nội vụ", 203, "zzbatch203").bytes())
            .zip();
    long before = records();
    JsonNode first = imports.run(submitter, batch, "lo-1.zip", null);
    assertThat(first.get("format").asText()).isEqualTo("EDXML_BATCH");
    assertThat(first.get("counts").get("imported").asInt()).isEqualTo(3);
    List<JsonNode> items = imports.items(submitter, first.get("id").asText(), null);
    assertThat(items)
        .extracting(i -> i.get("path").asText())
        .containsExactly("msg/1.xml", "msg/2.xml", "msg/3.xml");
    JsonNode env = imports.record(submitter, items.get(1).get("recordId").asText());
    assertThat(env.get("agencyCode").asText()).as("the older form's sender").isEqualTo("BN-SNV");
    assertThat(env.get("source").get("fromOrganId").asText()).isEqualTo(SNV_ORGAN);
    assertThat(records()).isEqualTo(before + 3);

    JsonNode again = imports.run(submitter, batch, "lo-1.zip", null);
    assertThat(again.get("id").asText()).isNotEqualTo(first.get("id").asText());
    assertThat(again.get("counts").toString())
        .isEqualTo("{\"total\":3,\"imported\":0,\"duplicate\":3,\"failed\":0}");
    List<JsonNode> dup = imports.items(submitter, again.get("id").asText(), "DUPLICATE");
    assertThat(dup)
        .extracting(i -> i.get("recordId").asText())
        .containsExactlyElementsOf(items.stream().map(i -> i.get("recordId").asText()).toList());
    assertThat(dup).allSatisfy(i -> assertThat(i.get("code").asText()).isEqualTo("DUPLICATE"));
    assertThat(records()).as("nothing new").isEqualTo(before + 3);
  }

  @Test
  void aBagImportsItsRowsAndFilesWithOptionsAsDefaultsAndAgainIsAllDuplicate() throws Exception {
    Bag bag =
        new Bag()
            .add("qd-45.txt", "Quyết định số 45 zzbag45")
            .add("phu-luc/pl-45.txt", "Phụ lục zzbagpl45")
            .add("cv-46.txt", "Công văn zzbag46")
            .add("khong-ten.txt", "Tệp không có dòng zzbagnone");
    bag.metadataCsv =
        "path,subject,typeName,number,notation,issuedDate,docCode,keywords,attachmentPaths\n"
            + "qd-45.txt,Quyết định 45 về lưu trữ,Quyết định,45,QĐ-SNV,2023-12-01,SNV-45,"
            + "\"lưu trữ; số hóa\",phu-luc/pl-45.txt\n"
            + "cv-46.txt,Công văn 46,Công văn,46,SNV-VP,01/02/2024,,,\n";
    byte[] pkg = bag.entries().zip();
    String options = "{\"agencyCode\":\"BN-SNV\",\"accessLevel\":\"PUBLIC\"}";
    long before = records();
    JsonNode job = imports.run(submitter, pkg, "bag.zip", options);
    assertThat(job.get("format").asText()).isEqualTo("BAGIT");
    assertThat(job.get("agencyCode").asText()).isEqualTo("BN-SNV");
    assertThat(job.get("counts").toString())
        .isEqualTo("{\"total\":3,\"imported\":3,\"duplicate\":0,\"failed\":0}");
    Map<String, JsonNode> byPath = byPath(imports.items(submitter, job.get("id").asText(), null));
    JsonNode qd = imports.record(submitter, byPath.get("data/qd-45.txt").get("recordId").asText());
    assertThat(qd.get("agencyCode").asText()).isEqualTo("BN-SNV");
    assertThat(qd.get("accessLevel").asText()).isEqualTo("PUBLIC");
    assertThat(qd.get("subject").asText()).isEqualTo("Quyết định 45 về lưu trữ");
    assertThat(qd.get("typeName").asText()).isEqualTo("Quyết định");
    assertThat(qd.get("number").asText()).isEqualTo("45");
    assertThat(qd.get("notation").asText()).isEqualTo("QĐ-SNV");
    assertThat(qd.get("issuedDate").asText()).isEqualTo("2023-12-01");
    assertThat(qd.get("docCode").asText()).isEqualTo("SNV-45");
    assertThat(qd.get("keywords").asText()).isEqualTo("lưu trữ; số hóa");
    assertThat(qd.get("source").toString())
        .isEqualTo("{\"kind\":\"IMPORT\",\"importId\":\"" + job.get("id").asText() + "\"}");
    assertThat(qd.get("attachmentIds")).hasSize(1);
    assertThat(content(qd.get("attachmentIds").get(0).asText())).isEqualTo("Phụ lục zzbagpl45");
    JsonNode cv = imports.record(submitter, byPath.get("data/cv-46.txt").get("recordId").asText());
    assertThat(cv.get("issuedDate").asText()).isEqualTo("2024-02-01");
    JsonNode unnamed =
        imports.record(submitter, byPath.get("data/khong-ten.txt").get("recordId").asText());
    assertThat(unnamed.get("subject").asText()).isEqualTo("khong-ten.txt");
    assertThat(content(unnamed.get("id").asText())).isEqualTo("Tệp không có dòng zzbagnone");
    assertThat(imports.awaitSearch(submitter, "zzbagnone", 1)).isEqualTo(1);
    assertThat(records()).isEqualTo(before + 4);

    JsonNode again = imports.run(submitter, pkg, "bag.zip", options);
    assertThat(again.get("counts").get("duplicate").asInt()).isEqualTo(3);
    assertThat(records()).as("nothing new, docCode or not").isEqualTo(before + 4);
  }

  @Test
  void zipWithMetadataCsvAndTarWithMetadataJsonImportEveryRow() throws Exception {
    byte[] zip =
        new Entries()
            .add(
                "metadata.csv",
                "path,agencyCode,subject,issuedDate,docCode,issuer,attachmentPaths\n"
                    + "a/cv-1.txt,BN,Công văn một,2022-05-06,ZIP-1,UBND tỉnh,a/pl-1.txt;a/pl-2.txt\n")
            .add("a/cv-1.txt", "Công văn một zzzip1")
            .add("a/pl-1.txt", "Phụ lục một zzzippl1")
            .add("a/pl-2.txt", "Phụ lục hai zzzippl2")
            .zip();
    JsonNode z = imports.run(submitter, zip, "zip.zip", null);
    assertThat(z.get("format").asText()).isEqualTo("ZIP");
    JsonNode cv =
        imports.record(
            submitter,
            imports.items(submitter, z.get("id").asText(), null).get(0).get("recordId").asText());
    assertThat(cv.get("issuer").asText()).isEqualTo("UBND tỉnh");
    assertThat(cv.get("attachmentIds")).hasSize(2);
    assertThat(content(cv.get("attachmentIds").get(1).asText())).isEqualTo("Phụ lục hai zzzippl2");

    byte[] tar =
        new Entries()
            .add(
                "metadata.json",
                "[{\"path\":\"bc.txt\",\"agencyCode\":\"BN\",\"subject\":\"Báo cáo năm\","
                    + "\"typeName\":\"Báo cáo\",\"docCode\":\"TAR-1\",\"workEndDate\":\"2024-12-31\"}]")
            .add("bc.txt", "Báo cáo tổng kết zztar1")
            .tar();
    JsonNode t = imports.run(submitter, tar, "tar.tar", null);
    assertThat(t.get("format").asText()).isEqualTo("TAR");
    JsonNode bc =
        imports.record(
            submitter,
            imports.items(submitter, t.get("id").asText(), null).get(0).get("recordId").asText());
    assertThat(bc.get("typeName").asText()).isEqualTo("Báo cáo");
    assertThat(bc.get("workEndDate").asText()).isEqualTo("2024-12-31");
    assertThat(imports.awaitSearch(submitter, "zztar1", 1)).isEqualTo(1);
  }

  @Test
  void aBagWhoseManifestDoesNotMatchIsRefusedAndNothingIsStored() throws Exception {
    Bag bag = new Bag().add("qd-9.txt", "Quyết định 9").add("qd-10.txt", "Quyết định 10");
    bag.tampered = "data/qd-10.txt";
    Stored before = stored();
    HttpResponse<String> r = imports.post(submitter, bag.entries().zip(), "bad-bag.zip", null);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(422);
    assertThat(RunningArchive.json(r).get("code").asText()).isEqualTo("BAG_INVALID");
    assertThat(r.headers().firstValue("Content-Type").orElse("")).contains("problem+json");
    assertNothingNew(before);
  }

  @Test
  void somethingThatIsNotAPackageIsRefusedAndNothingIsStored() throws Exception {
    Stored before = stored();
    HttpResponse<String> r =
        imports.post(
            submitter, "%PDF-1.4 không phải gói".getBytes(StandardCharsets.UTF_8), "x.pdf", null);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(422);
    assertThat(RunningArchive.json(r).get("code").asText()).isEqualTo("UNSUPPORTED_PACKAGE");
    byte[] noMetadata = new Entries().add("a.txt", "a").add("b.txt", "b").zip();
    HttpResponse<String> z = imports.post(submitter, noMetadata, "x.zip", null);
    assertThat(z.statusCode()).as(z.body()).isEqualTo(422);
    assertThat(RunningArchive.json(z).get("code").asText()).isEqualTo("UNSUPPORTED_PACKAGE");
    assertNothingNew(before);
  }

  @Test
  void hostileMessagesEachFailWithACodeAndTheRestOfTheBatchImports() throws Exception {
    Edxml xxe = Edxml.message(BN_ORGAN, "UBND", 301, "xxe");
    xxe.doctype = "<!DOCTYPE edXML:edXML [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>\n";
    xxe.setRaw("Subject", "&xxe;");
    StringBuilder laughs = new StringBuilder("<!DOCTYPE edXML:edXML [<!ENTITY lol \"lol\">");
    for (int i = 1; i <= 9; i++) {
      laughs.append("<!ENTITY lol").append(i).append(" \"");
      laughs.append(("&lol" + (i == 1 ? "" : i - 1) + ";").repeat(10)).append("\">");
    }
    Edxml bomb = Edxml.message(BN_ORGAN, "UBND", 302, "bomb");
    bomb.doctype = laughs.append("]>\n").toString();
    bomb.setRaw("Subject", "&lol9;");
    Edxml garbage = Edxml.message(BN_ORGAN, "UBND", 303, "x");
    garbage.attachments.clear();
    garbage.attachBase64("att-1", "qd-303.txt", "text/plain", "!!!không phải base64***");
    Edxml stranger = Edxml.message("999.99.99.X99", "Cơ quan lạ", 304, "lạ");
    byte[] batch =
        new Entries()
            .add("1-good.xml", Edxml.message(BN_ORGAN, "UBND", 300, "zzgood300").bytes())
            .add("2-xxe.xml", xxe.bytes())
            .add("3-laughs.xml", bomb.bytes())
            .add("4-base64.xml", garbage.bytes())
            .add("5-stranger.xml", stranger.bytes())
            .add("../../6-slip.xml", Edxml.message(BN_ORGAN, "UBND", 306, "slip").bytes())
            .zeros("7-zeros.xml", 1024)
            .add("8-good.xml", Edxml.message(BN_ORGAN, "UBND", 308, "zzgood308").bytes())
            .zip();
    JsonNode job = imports.run(submitter, batch, "hostile.zip", null);
    assertThat(job.get("status").asText()).isEqualTo("DONE");
    Map<String, JsonNode> byPath = byPath(imports.items(submitter, job.get("id").asText(), null));
    assertThat(codes(byPath))
        .containsEntry("1-good.xml", "IMPORTED")
        .containsEntry("2-xxe.xml", "XML_HOSTILE")
        .containsEntry("3-laughs.xml", "XML_HOSTILE")
        .containsEntry("4-base64.xml", "ATTACHMENT_INVALID")
        .containsEntry("5-stranger.xml", "UNKNOWN_SENDER")
        .containsEntry("../../6-slip.xml", "UNSAFE_PATH")
        .containsEntry("8-good.xml", "IMPORTED");
    assertThat(byPath.get("7-zeros.xml").get("status").asText()).isEqualTo("FAILED");
    assertThat(byPath.get("2-xxe.xml").get("message").asText()).doesNotContain("root:");
    assertThat(job.get("counts").get("imported").asInt()).isEqualTo(2);
    assertThat(job.get("counts").get("failed").asInt()).isEqualTo(6);
    assertThat(imports.awaitSearch(submitter, "zzgood308", 1)).isEqualTo(1);
  }

  @Test
  void hostileFilesAndRowsEachFailWithACodeAndTheRestOfTheZipImports() throws Exception {
    byte[] zip =
        new Entries()
            .add(
                "metadata.csv",
                "path,agencyCode,subject,docCode\n"
                    + "ok.txt,BN,Tệp tốt,HZ-1\n"
                    + "short.txt,BN\n"
                    + "zeros.txt,BN,Một gigabyte số không,HZ-3\n"
                    + "nosubject.txt,BN,,HZ-4\n")
            .add("ok.txt", "Tệp tốt zzhz1")
            .add("short.txt", "thiếu cột")
            .zeros("zeros.txt", 1024)
            .add("nosubject.txt", "không có trích yếu")
            .add("../evil.txt", "leo ra ngoài")
            .zip();
    JsonNode job = imports.run(submitter, zip, "hostile-files.zip", null);
    assertThat(job.get("status").asText()).isEqualTo("DONE");
    Map<String, String> codes =
        codes(byPath(imports.items(submitter, job.get("id").asText(), null)));
    assertThat(codes)
        .containsEntry("ok.txt", "IMPORTED")
        .containsEntry("zeros.txt", "ENTRY_TOO_LARGE");
    assertThat(codes.values()).filteredOn("INVALID_METADATA"::equals).hasSize(2);
    assertThat(codes.values()).contains("UNSAFE_PATH");
    assertThat(job.get("counts").get("imported").asInt()).isEqualTo(1);
    assertThat(archive.get("imports?size=5", submitter).statusCode())
        .as("responsive")
        .isEqualTo(200);
  }

  private static Map<String, JsonNode> byPath(List<JsonNode> items) {
    return items.stream().collect(Collectors.toMap(i -> i.get("path").asText(), i -> i));
  }

  private static Map<String, String> codes(Map<String, JsonNode> byPath) {
    return byPath.entrySet().stream()
        .collect(
            Collectors.toMap(
                Map.Entry::getKey,
                e ->
                    e.getValue().get("status").asText().equals("FAILED")
                        ? e.getValue().get("code").asText()
                        : e.getValue().get("status").asText()));
  }

  private String content(String id) throws Exception {
    HttpResponse<InputStream> r = archive.download("records/" + id + "/content", submitter);
    try (InputStream in = r.body()) {
      assertThat(r.statusCode()).isEqualTo(200);
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private long records() {
    return archive
        .wiring()
        .jdbi()
        .withHandle(h -> h.select("SELECT count(*) FROM records").mapTo(Long.class).one());
  }

  /** What an import leaves behind: jobs, records, package objects and upload intents. */
  private record Stored(long jobs, long records, List<String> packages, long intents) {}

  /** No job, record or upload intent more than before, and no package object that was not there. */
  private void assertNothingNew(Stored before) {
    Stored after = stored();
    assertThat(after.jobs()).as("import jobs").isEqualTo(before.jobs());
    assertThat(after.records()).as("records").isEqualTo(before.records());
    assertThat(after.intents()).as("upload intents").isEqualTo(before.intents());
    assertThat(after.packages()).as("package objects").isSubsetOf(before.packages());
  }

  private Stored stored() {
    long[] counts =
        archive
            .wiring()
            .jdbi()
            .withHandle(
                h ->
                    new long[] {
                      h.select("SELECT count(*) FROM import_jobs").mapTo(Long.class).one(),
                      h.select("SELECT count(*) FROM records").mapTo(Long.class).one(),
                      h.select("SELECT count(*) FROM upload_intents").mapTo(Long.class).one()
                    });
    List<String> objects =
        archive
            .wiring()
            .store()
            .list(archive.configuration().getStorage().derivedBucket(), "imports/", null, 1000);
    return new Stored(counts[0], counts[1], objects, counts[2]);
  }
}
