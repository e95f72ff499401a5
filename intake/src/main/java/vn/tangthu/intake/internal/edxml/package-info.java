/**
 * edXML messages (QCVN 102:2016 and {@code EdXMLEnvelope}): a hardened streaming parse, strict
 * streaming base64, the mapping of the header to record metadata, attachments.
 */
package vn.tangthu.intake.internal.edxml;
