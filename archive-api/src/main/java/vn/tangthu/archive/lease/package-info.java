/**
 * Once-only work across API nodes: a lease per job in PostgreSQL ({@code job_leases}) with an
 * owner, an expiry and a fencing token. A node runs a job only while it holds its lease, renews it
 * while it works, and commits the writes that matter only under the token it took; a node that dies
 * has its lease lapse, and the next node to take it resumes the job.
 */
package vn.tangthu.archive.lease;
