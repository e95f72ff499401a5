package vn.tangthu.bench.storage;

/**
 * One measured figure of the table.
 *
 * @param name operation and size, e.g. {@code PUT 4 KiB}
 * @param unit {@code ops/s} or {@code MiB/s}
 */
record Row(String name, String unit) {}
