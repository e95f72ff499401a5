package vn.tangthu.retention.transfer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import vn.tangthu.retention.transfer.internal.AipLayout;
import vn.tangthu.retention.transfer.internal.EadDocument;
import vn.tangthu.retention.transfer.internal.Hashing;
import vn.tangthu.retention.transfer.internal.MetsDocument;
import vn.tangthu.retention.transfer.internal.MetsDocument.Listed;
import vn.tangthu.retention.transfer.internal.MetsDocument.MdRef;
import vn.tangthu.retention.transfer.internal.PremisDocument;
import vn.tangthu.retention.transfer.internal.PremisDocument.ExtraChecksum;
import vn.tangthu.retention.transfer.internal.TarSink;

/**
 * Writes the transfer packages of a sweep: one E-ARK CSIP AIP per dossier (Circular 05/2025/TT-BNV
 * Annex I), all in one POSIX tar, each in a folder named from its OBJID ({@code urn_uuid_…}):
 *
 * <pre>
 * METS.xml                              TYPE, csip:OAISPACKAGETYPE=AIP, PROFILE, metsHdr (+07:00, agents),
 *                                       dmdSec→EAD, amdSec→PREMIS and evidence, fileSec, structMap CSIP
 * metadata/descriptive/EAD.xml          the dossier and one component per record (EAD 2002)
 * metadata/preservation/PREMIS.xml      objects with SHA-256, size, format; ingestion, signature
 *                                       validation and transfer events; agents
 * metadata/preservation/signature-reports/*, evidence-records/*   the records' extra files
 * representations/rep1/METS.xml, representations/rep1/data/*      the originals and attachments
 * schemas/*.xsd                         METS 1.12 (with CSIP extension), xlink, CSIP extension
 * </pre>
 *
 * Originals stream from their {@link ContentSource} into the tar and are checked against the
 * declared size and SHA-256; metadata is generated in memory first. The same input and clock give
 * byte-identical output. Thread-safe (no mutable state); one call writes one archive.
 */
public final class TransferPackageWriter {
  private static final String SCHEMA_RESOURCES = "/vn/tangthu/retention/transfer/schemas/";

  /** The schema files shipped in every package's {@code schemas/} folder. */
  public static final List<String> SCHEMA_FILES =
      List.of("mets1_12.xsd", "xlink.xsd", "DILCISExtensionMETS.xsd", "DILCISExtensionSIPMETS.xsd");

  private final Clock clock;
  private final TransferContext context;

  public TransferPackageWriter(Clock clock, TransferContext context) {
    this.clock = Objects.requireNonNull(clock, "clock");
    this.context = Objects.requireNonNull(context, "context");
  }

  /**
   * Writes one AIP per dossier into a tar on {@code out} (left open).
   *
   * @throws IllegalArgumentException when two dossiers share a package id, or none is given
   * @throws TransferException when content does not match its declared size or SHA-256, or cannot
   *     be read or written; the output is then incomplete and must be discarded
   */
  public void writeTar(List<TransferDossier> dossiers, OutputStream out) {
    if (dossiers.isEmpty()) {
      throw new IllegalArgumentException("no dossiers to transfer");
    }
    Set<String> folders = new HashSet<>();
    for (TransferDossier d : dossiers) {
      if (!folders.add(d.folderName())) {
        throw new IllegalArgumentException("package id " + d.packageId() + " is used twice");
      }
    }
    Instant now = clock.instant();
    TarSink tar = new TarSink(out);
    for (TransferDossier d : dossiers) {
      writePackage(tar, new AipLayout(d), now);
    }
    tar.finish();
  }

  private void writePackage(TarSink tar, AipLayout layout, Instant now) {
    String root = layout.dossier().folderName() + "/";
    byte[] ead = EadDocument.write(layout, context, now);
    List<ExtraChecksum> extras = extraChecksums(layout);
    byte[] premis = PremisDocument.write(layout, context, now, extras);
    byte[] repMets = MetsDocument.representation(layout, context, now, dataListing(layout));
    List<byte[]> schemaBytes = SCHEMA_FILES.stream().map(TransferPackageWriter::schema).toList();
    List<Listed> schemas = new ArrayList<>();
    for (int i = 0; i < SCHEMA_FILES.size(); i++) {
      String path = "schemas/" + SCHEMA_FILES.get(i);
      schemas.add(listed(layout.fileId(path), path, "application/xml", schemaBytes.get(i), now));
    }
    MdRef eadRef =
        mdRef(
            layout.id("mdref", AipLayout.EAD),
            layout.id("dmd", AipLayout.EAD),
            AipLayout.EAD,
            "EAD",
            ead);
    Listed repMetsFile =
        listed(layout.fileId(AipLayout.REP_METS), AipLayout.REP_METS, "text/xml", repMets, now);
    byte[] rootMets =
        MetsDocument.root(
            layout,
            context,
            now,
            eadRef,
            preservationRefs(layout, premis, extras),
            schemas,
            repMetsFile);

    tar.addBytes(root + "METS.xml", rootMets, now);
    tar.addBytes(root + AipLayout.EAD, ead, now);
    tar.addBytes(root + AipLayout.PREMIS, premis, now);
    for (AipLayout.ExtraEntry e : layout.extras()) {
      tar.addBytes(root + e.path(), e.file().bytes(), now);
    }
    for (int i = 0; i < SCHEMA_FILES.size(); i++) {
      tar.addBytes(root + "schemas/" + SCHEMA_FILES.get(i), schemaBytes.get(i), now);
    }
    tar.addBytes(root + AipLayout.REP_METS, repMets, now);
    for (AipLayout.DataEntry e : layout.data()) {
      TransferRecord r = e.record();
      tar.addStream(root + e.packagePath(), r.size(), r.sha256(), r.content(), r.createdAt());
    }
  }

  private static List<ExtraChecksum> extraChecksums(AipLayout layout) {
    List<ExtraChecksum> out = new ArrayList<>();
    for (AipLayout.ExtraEntry e : layout.extras()) {
      byte[] bytes = e.file().bytes();
      out.add(new ExtraChecksum(e, Hashing.sha256Hex(bytes), bytes.length));
    }
    return out;
  }

  private static List<Listed> dataListing(AipLayout layout) {
    List<Listed> out = new ArrayList<>();
    for (AipLayout.DataEntry e : layout.data()) {
      TransferRecord r = e.record();
      out.add(
          new Listed(e.fileId(), e.repPath(), r.mediaType(), r.size(), r.sha256(), r.createdAt()));
    }
    return out;
  }

  private static List<MdRef> preservationRefs(
      AipLayout layout, byte[] premis, List<ExtraChecksum> extras) {
    List<MdRef> out = new ArrayList<>();
    out.add(
        mdRef(
            layout.id("mdref", AipLayout.PREMIS),
            layout.id("digiprov", AipLayout.PREMIS),
            AipLayout.PREMIS,
            "PREMIS",
            premis));
    for (ExtraChecksum c : extras) {
      ExtraFile f = c.entry().file();
      String other =
          f.kind() == ExtraFile.Kind.SIGNATURE_REPORT
              ? "SIGNATURE-VALIDATION-REPORT"
              : "RFC4998-EVIDENCE-RECORD";
      out.add(
          new MdRef(
              layout.id("mdref", c.entry().path()),
              c.entry().id(),
              c.entry().path(),
              "OTHER",
              other,
              f.mediaType(),
              c.size(),
              c.sha256()));
    }
    return out;
  }

  private static MdRef mdRef(String id, String secId, String href, String type, byte[] bytes) {
    return new MdRef(
        id, secId, href, type, null, "text/xml", bytes.length, Hashing.sha256Hex(bytes));
  }

  private static Listed listed(String id, String href, String mime, byte[] bytes, Instant created) {
    return new Listed(id, href, mime, bytes.length, Hashing.sha256Hex(bytes), created);
  }

  private static byte[] schema(String name) {
    try (InputStream in =
        TransferPackageWriter.class.getResourceAsStream(SCHEMA_RESOURCES + name)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + SCHEMA_RESOURCES + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
