/** The clerks' web UI: static files served at {@code /}, and the browser security headers. */
package vn.tangthu.archive.ui;
