/**
 * Disposition sweeps over the archive's records: planning from the database through the retention
 * library's rules, two-person approval, resumable execution with a re-check of every item, the
 * signed destruction and transfer certificates, and the {@code /retention/sweeps} and {@code
 * /retention/certificates} endpoints.
 */
package vn.tangthu.archive.sweep;
