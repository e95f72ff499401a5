/**
 * What the API accepts as input, read once and strictly for every endpoint: dates and instants,
 * JSON bodies (UTF-8, one value, storable strings), query and path parameters, and list cursors.
 * Refusals are 4xx problems with a stable code; nothing here touches storage.
 */
package vn.tangthu.archive.input;
