/** The API's own OpenAPI description, served as built from {@code docs/openapi.yaml}. */
package vn.tangthu.archive.openapi;
