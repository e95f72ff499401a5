/**
 * Commands that act for a person ({@code sweep}, {@code hold}, {@code import}): clients of a
 * running server over its HTTP API ({@code --url}, {@code --token}), so identity, the two-person
 * rule and the audit trail hold exactly as for any other client.
 */
package vn.tangthu.archive.cli;
