/** Shared helpers of the readers; not for use outside this module. */
package vn.tangthu.intake.internal;
