/** Validated configuration records under one Dropwizard configuration class. */
package vn.tangthu.archive.config;
