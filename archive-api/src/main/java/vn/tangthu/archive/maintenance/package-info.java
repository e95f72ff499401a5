/**
 * Maintenance commands that need the data directory to themselves: offline reindex, evidence
 * verification and renewal ({@code evidence-verify}, {@code evidence-renew}) and explicit signature
 * re-verification ({@code reverify-signatures}).
 */
package vn.tangthu.archive.maintenance;
