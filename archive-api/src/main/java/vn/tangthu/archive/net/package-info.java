/**
 * The client's network address: IP literals parsed without name lookups, the trusted proxies of
 * {@code server.trustedProxies}, and the Jetty customizer that makes every part of the archive
 * (audit, failed-authentication limiting, request log) see the client behind them.
 */
package vn.tangthu.archive.net;
