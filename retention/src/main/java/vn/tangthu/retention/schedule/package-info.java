/**
 * Retention schedules and the eligibility rule: periods, disposition actions, the date a record
 * becomes eligible for disposition, the storage lock that follows from it, and whether a change of
 * schedule or metadata extends or would shorten that lock. Dates are civil dates in Vietnam.
 */
package vn.tangthu.retention.schedule;
