package vn.tangthu.archive.metrics;

/**
 * What bulk imports report to the metrics ({@code tangthu_imports{status}}, {@code
 * tangthu_import_items_failed}): supplied by the import feature through {@link
 * ArchiveMetrics#imports}, read with the other figures (so at most once per refresh); all zero
 * until an import feature supplies them.
 *
 * @param queued import jobs waiting to start
 * @param running import jobs running
 * @param itemsFailed items of unfinished jobs that could not be imported
 */
public record ImportFigures(long queued, long running, long itemsFailed) {

  public static final ImportFigures NONE = new ImportFigures(0, 0, 0);
}
