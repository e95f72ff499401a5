package vn.tangthu.signature.internal;

import java.time.Instant;
import vn.tangthu.signature.Integrity;
import vn.tangthu.signature.TimestampStatus;
import vn.tangthu.signature.Trust;

/** What was found about one CMS SignerInfo (or counter-signature). */
public record SignerOutcome(
    Integrity integrity,
    Trust trust,
    TimestampStatus timestamp,
    String signer,
    Instant signingTime,
    Text why) {}
