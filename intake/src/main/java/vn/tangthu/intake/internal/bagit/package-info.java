/** BagIt (RFC 8493) verification of a bag inside a zip or tar. */
package vn.tangthu.intake.internal.bagit;
