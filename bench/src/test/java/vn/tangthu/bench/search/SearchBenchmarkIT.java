package vn.tangthu.bench.search;

import static org.assertj.core.api.Assertions.assertThat;

import io.dropwizard.configuration.EnvironmentVariableSubstitutor;
import io.dropwizard.configuration.SubstitutingSourceProvider;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.DropwizardTestSupport;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.tangthu.archive.ArchiveApplication;
import vn.tangthu.archive.config.ArchiveConfiguration;
import vn.tangthu.archive.config.FileOrResourceSourceProvider;

/**
 * The benchmark end to end on a small archive (no timing is asserted): the prepared data directory
 * is served as it is by the real application, and both engines count the same records for every
 * filter-only query of the mix.
 */
class SearchBenchmarkIT {

  private static final int DOCS = 5_000;

  @TempDir Path dataDir;

  @Test
  void serverServesThePreparedIndexAndFilterCountsAgreeWithPostgres() throws Exception {
    SyntheticArchive archive = SyntheticArchive.load(BenchCorpus.dir().resolve("vi-legal"));
    BenchData.prepare(dataDir, archive, DOCS);
    DropwizardTestSupport<ArchiveConfiguration> server =
        new DropwizardTestSupport<>(
            ArchiveApplication.class,
            FileOrResourceSourceProvider.EMBEDDED,
            new SubstitutingSourceProvider(
                new FileOrResourceSourceProvider(), new EnvironmentVariableSubstitutor(false)),
            ConfigOverride.config("dataDir", dataDir.toString()),
            ConfigOverride.config("storage.embeddedPort", "0"),
            ConfigOverride.config("server.applicationConnectors[0].port", "0"),
            ConfigOverride.config("server.adminConnectors[0].port", "0"),
            ConfigOverride.config("logging.level", "WARN"));
    List<BenchQuery> mix = ClerkQueries.mix(archive, DOCS, 60);
    long[] apiTotals;
    server.before();
    try {
      String token = ((ArchiveApplication) server.getApplication()).wiring().adminToken();
      URI api = URI.create("http://127.0.0.1:" + server.getLocalPort() + "/api/v1/");
      try (HttpSearch http = new HttpSearch(api, token);
          PostgresSearch pg = SearchBenchmark.postgres(dataDir)) {
        assertThat(
                http.total(
                    new BenchQuery(BenchQuery.Kind.FILTERS_ONLY, "", null, null, null, null)))
            .as("every prepared record is served without re-indexing")
            .isEqualTo(DOCS);
        SearchBenchmark.Comparison c =
            SearchBenchmark.compare(
                http,
                pg,
                mix,
                new SearchBenchmark.WarmUp(ClerkQueries.mix(archive, DOCS, 20, 7), Duration.ZERO),
                2,
                1,
                2);
        System.out.print(c.report(DOCS));
        for (int i = 0; i < mix.size(); i++) {
          BenchQuery q = mix.get(i);
          if (q.filterOnly()) {
            assertThat(c.apiTotals()[i]).as(q.toString()).isEqualTo(c.pgTotals()[i]);
          }
          if (q.kind() == BenchQuery.Kind.DOC_NUMBER) {
            assertThat(c.apiTotals()[i]).as(q.toString()).isPositive();
            assertThat(c.pgTotals()[i]).as(q.toString()).isPositive();
          }
        }
        assertThat(mix).anyMatch(BenchQuery::filterOnly);
        assertThat(c.api().queries()).isEqualTo(2 * mix.size());
        assertThat(c.pg().queries()).isEqualTo(mix.size());
        assertThat(c.apiHalfLoad().queries()).isEqualTo(2 * mix.size());
        assertThat(c.apiHalfLoad().byKind()).containsOnlyKeys(BenchQuery.Kind.values());
        apiTotals = c.apiTotals();
      }
    } finally {
      server.after();
    }
    assertReindexedIndexAnswersAsTheServedOne(archive, mix, apiTotals);
  }

  /**
   * {@code reindex} rebuilds the same index (the in-process search counts what the server counted
   * for every query) and {@code profile} reports every query class of the mix.
   */
  private void assertReindexedIndexAnswersAsTheServedOne(
      SyntheticArchive archive, List<BenchQuery> mix, long[] apiTotals) throws Exception {
    assertThat(BenchData.reindex(dataDir, archive, DOCS).docs()).isEqualTo(DOCS);
    assertThat(dataDir.resolve("index.new")).doesNotExist();
    try (IndexSearch index = IndexSearch.open(dataDir)) {
      for (int i = 0; i < mix.size(); i++) {
        assertThat(index.total(mix.get(i))).as(mix.get(i).toString()).isEqualTo(apiTotals[i]);
      }
      String report = Profile.run(index, mix, 1);
      for (BenchQuery.Kind kind : BenchQuery.Kind.values()) {
        assertThat(report).contains(kind.name());
      }
    }
  }
}
