package vn.tangthu.archive;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import vn.tangthu.archive.evidence.EvidenceDao;
import vn.tangthu.archive.id.Ids;
import vn.tangthu.archive.indexing.ReextractResource;
import vn.tangthu.archive.indexing.VisibilityFence;
import vn.tangthu.archive.record.GrantResource;
import vn.tangthu.archive.record.IngestService;
import vn.tangthu.archive.record.RecordCorrections;
import vn.tangthu.archive.record.RecordReader;
import vn.tangthu.archive.record.RecordResource;
import vn.tangthu.archive.retention.RetentionFeature;
import vn.tangthu.archive.seal.ArchiveResource;
import vn.tangthu.archive.seal.Receipts;
import vn.tangthu.archive.search.SearchResource;
import vn.tangthu.archive.search.VisibilityFenceFilter;
import vn.tangthu.archive.signature.history.SignatureHistoryResource;

/**
 * Records: the one ingest path, reading and correcting records, grants, search, signature history
 * and the archive's certificates.
 *
 * @param ingest the one ingest path ({@code POST /records}, imports)
 * @param reader reads records with the caller's visibility
 * @param resources the records' HTTP resources and the visibility fence
 */
record RecordsWiring(IngestService ingest, RecordReader reader, List<Object> resources) {

  private static final long MAX_FILE_BYTES = 64L * 1024 * 1024 * 1024;

  static RecordsWiring create(
      CoreWiring core,
      SearchWiring search,
      SignatureWiring signing,
      EvidenceWiring evidence,
      RetentionFeature retention)
      throws IOException {
    var jdbi = core.jdbi();
    var clock = core.clock();
    var json = core.env().getObjectMapper();
    IngestService ingest =
        new IngestService(
            jdbi,
            core.store(),
            core.originals(),
            search.extractor(),
            core.access(),
            core.agencies(),
            json,
            new Ids(clock),
            clock,
            core.dataDir().tmp(),
            MAX_FILE_BYTES,
            signing.inspection(),
            new Receipts(signing.keys(), clock),
            core.audit(),
            retention.hook());
    RecordReader reader = new RecordReader(jdbi, core.access(), core.audit());
    RecordCorrections corrections =
        new RecordCorrections(
            jdbi,
            reader,
            core.access(),
            search.worker(),
            json,
            clock,
            core.audit(),
            retention.hook());
    RecordResource.EvidenceLookup lookup =
        new RecordResource.EvidenceLookup() {
          @Override
          public Optional<byte[]> find(UUID id) {
            return jdbi.withExtension(EvidenceDao.class, d -> d.evidence(id));
          }

          @Override
          public Instant nextRun() {
            return evidence.scheduler().nextRun();
          }
        };
    List<Object> resources =
        List.of(
            new RecordResource(
                ingest,
                reader,
                core.store(),
                core.originals(),
                core.derived(),
                search.worker(),
                corrections,
                lookup,
                NodeWiring.content(
                    jdbi, core.store(), core.originals(), clock, core.dataDir(), core.env())),
            new GrantResource(jdbi, reader, core.access(), search.worker(), clock, core.audit()),
            new SearchResource(search.index(), core.access(), core.audit()),
            new VisibilityFenceFilter(
                new VisibilityFence(jdbi, search.worker(), VisibilityFence.DEFAULT_WAIT)),
            new SignatureHistoryResource(jdbi, reader, json),
            new ArchiveResource(signing.keys()),
            new ReextractResource(search.ocr(), core.audit()));
    return new RecordsWiring(ingest, reader, resources);
  }
}
