/** {@code metadata.csv} and {@code metadata.json}: parsed once, kept row by row on disk. */
package vn.tangthu.intake.internal.table;
