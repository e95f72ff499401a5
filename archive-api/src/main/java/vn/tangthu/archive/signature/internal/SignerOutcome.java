package vn.tangthu.archive.signature.internal;

import java.time.Instant;
import vn.tangthu.archive.signature.Integrity;
import vn.tangthu.archive.signature.TimestampStatus;
import vn.tangthu.archive.signature.Trust;

/** What was found about one CMS SignerInfo (or counter-signature). */
public record SignerOutcome(
    Integrity integrity,
    Trust trust,
    TimestampStatus timestamp,
    String signer,
    Instant signingTime,
    Text why) {}
