/** Zip and tar listed once and read entry by entry over the package channel; entry paths. */
package vn.tangthu.intake.internal.container;
