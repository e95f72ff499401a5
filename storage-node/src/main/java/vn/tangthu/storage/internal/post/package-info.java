/**
 * Browser-based uploads ({@code POST /bucket} with a {@code multipart/form-data} body and a signed
 * policy document): the form reader, the policy check and the minimal JSON reader they need.
 */
package vn.tangthu.storage.internal.post;
