/**
 * Synthetic import packages ({@link vn.tangthu.bench.intake.PackageGenerator}): edXML messages and
 * batches, BagIt bags, zips and tars of files with {@code metadata.csv}/{@code metadata.json}, of
 * any size, with the expectations the reader's tests compare against. The repository's {@code
 * samples/} come from here.
 */
package vn.tangthu.bench.intake;
