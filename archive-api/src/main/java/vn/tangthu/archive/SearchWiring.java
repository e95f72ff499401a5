package vn.tangthu.archive;

import java.nio.file.Path;
import vn.tangthu.archive.config.IndexConfig;
import vn.tangthu.archive.config.Isolation;
import vn.tangthu.archive.indexing.IndexDocuments;
import vn.tangthu.archive.indexing.IndexerWorker;
import vn.tangthu.archive.indexing.OcrStage;
import vn.tangthu.archive.indexing.TextStage;
import vn.tangthu.child.ForkSettings;
import vn.tangthu.indexer.extract.ExtractionLimits;
import vn.tangthu.indexer.extract.ForkedTextExtractor;
import vn.tangthu.indexer.extract.TextExtractor;
import vn.tangthu.indexer.extract.TikaTextExtractor;
import vn.tangthu.indexer.search.SearchIndex;

/**
 * Search and indexing, from the {@code index:} settings: the text extractor (in child JVMs or in
 * this one), the local search index, and the worker that follows the change log into it.
 *
 * @param extractor what ingest and the worker extract text with
 * @param index this node's search index
 * @param worker the indexer worker, the one writer of the index
 * @param ocr OCR of scanned pages, on its own pool
 */
record SearchWiring(
    TextExtractor extractor, SearchIndex index, IndexerWorker worker, OcrStage ocr) {

  static SearchWiring create(IndexConfig config, CoreWiring core) throws Exception {
    var env = core.env();
    ExtractionLimits limits =
        new ExtractionLimits(config.extractionTimeout().toJavaDuration(), config.maxTextChars());
    TextExtractor extractor =
        config.isolation() == Isolation.FORK
            ? new ForkedTextExtractor(
                limits,
                ForkSettings.fromThisJvm(config.extractionThreads(), config.extractorHeapMb()))
            : new TikaTextExtractor(limits);
    env.lifecycle().manage(Infrastructure.closing(extractor));
    Path indexDir = core.dataDir().root().resolve(config.directory());
    SearchIndex index = SearchIndex.open(indexDir, config.searchThreads());
    env.lifecycle().manage(Infrastructure.closing(index));

    OcrStage ocr =
        OcrStage.create(
            core.jdbi(),
            core.store(),
            core.originals(),
            core.derived(),
            config.ocr(),
            core.dataDir().tmp(),
            core.clock());
    TextStage text =
        new TextStage(
            core.jdbi(),
            core.store(),
            core.originals(),
            core.derived(),
            extractor,
            core.dataDir().tmp(),
            ocr);
    IndexerWorker worker =
        new IndexerWorker(
            core.jdbi(),
            index,
            text,
            new IndexDocuments(core.access()),
            config.extractionThreads(),
            core.clock());
    env.lifecycle().manage(worker);
    env.lifecycle().manage(ocr); // stops before the worker, the database and the storage
    return new SearchWiring(extractor, index, worker, ocr);
  }
}
