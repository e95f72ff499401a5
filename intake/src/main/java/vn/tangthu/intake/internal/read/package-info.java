/** Format detection and the reader of each package format. */
package vn.tangthu.intake.internal.read;
