package vn.tangthu.retention.transfer.internal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import vn.tangthu.retention.transfer.ExtraFile;
import vn.tangthu.retention.transfer.TransferDossier;
import vn.tangthu.retention.transfer.TransferRecord;

/**
 * Where everything of one dossier's AIP goes, and the IDs used for it. IDs are name-based UUIDs of
 * the package OBJID and the item, so the same input always gives the same package.
 */
public final class AipLayout {
  public static final String REP = "rep1";
  public static final String REP_DIR = "representations/" + REP + "/";
  public static final String EAD = "metadata/descriptive/EAD.xml";
  public static final String PREMIS = "metadata/preservation/PREMIS.xml";
  public static final String REP_METS = REP_DIR + "METS.xml";

  /** A record's original inside the representation. */
  public record DataEntry(TransferRecord record, String repPath, String fileId) {
    /** Path from the package root. */
    public String packagePath() {
      return REP_DIR + repPath;
    }
  }

  /** An extra preservation file inside {@code metadata/preservation/}. */
  public record ExtraEntry(TransferRecord record, ExtraFile file, String path, String id) {}

  private final TransferDossier dossier;
  private final List<DataEntry> data = new ArrayList<>();
  private final List<ExtraEntry> extras = new ArrayList<>();

  public AipLayout(TransferDossier dossier) {
    this.dossier = dossier;
    Set<String> used = new HashSet<>();
    int n = 0;
    for (TransferRecord r : dossier.records()) {
      n++;
      String name = unique(used, String.format("%03d_%s", n, Names.segment(r.fileName())));
      data.add(new DataEntry(r, "data/" + name, fileId(r.recordId())));
      for (ExtraFile x : r.extras()) {
        String dir =
            x.kind() == ExtraFile.Kind.SIGNATURE_REPORT ? "signature-reports" : "evidence-records";
        String path =
            unique(
                used,
                "metadata/preservation/"
                    + dir
                    + "/"
                    + String.format("%03d_%s", n, Names.segment(x.fileName())));
        extras.add(new ExtraEntry(r, x, path, id("digiprov", path)));
      }
    }
  }

  public TransferDossier dossier() {
    return dossier;
  }

  public List<DataEntry> data() {
    return data;
  }

  public List<ExtraEntry> extras() {
    return extras;
  }

  /** A stable ID {@code <prefix>-<uuid>} for {@code item} within this package. */
  public String id(String prefix, String item) {
    String key = dossier.objId() + "\n" + prefix + "\n" + item;
    return prefix + "-" + UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * A stable METS file ID for {@code item}: E-ARK AIP requirement AIP9 wants file IDs to start with
   * {@code ID}.
   */
  public String fileId(String item) {
    return "ID-" + id("file", item).substring("file-".length());
  }

  private static String unique(Set<String> used, String path) {
    String candidate = path;
    for (int i = 2; !used.add(candidate); i++) {
      candidate = path + "_" + i;
    }
    return candidate;
  }
}
