package vn.tangthu.signature.internal;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DLTaggedObject;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.SignerInfo;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.operator.DigestCalculator;
import org.bouncycastle.tsp.TimeStampToken;

/**
 * CAdES archive-time-stamp-v3 (ETSI EN 319 122-1, 5.5.3): recomputes each archive timestamp's
 * message imprint from the signature it protects, so that a copied or altered archive timestamp is
 * detected. The completeness of the ats-hash-index-v3 (which certificates, CRLs and unsigned
 * attributes it lists) is not checked.
 */
final class ArchiveTimestamps {
  static final ASN1ObjectIdentifier ARCHIVE_TIMESTAMP_V3 =
      new ASN1ObjectIdentifier("0.4.0.1733.2.4");
  static final ASN1ObjectIdentifier ATS_HASH_INDEX_V3 = new ASN1ObjectIdentifier("0.4.0.19122.1.5");

  /** The ats-hash-index of ETSI TS 101 733 V2.2.1 (same imprint computation). */
  static final ASN1ObjectIdentifier ATS_HASH_INDEX = new ASN1ObjectIdentifier("0.4.0.1733.2.5");

  private final Crypto crypto;
  private final TimestampChecker timestamps;

  ArchiveTimestamps(Crypto crypto, TimestampChecker timestamps) {
    this.crypto = crypto;
    this.timestamps = timestamps;
  }

  /** One result per archive-time-stamp-v3 attribute of {@code si}; empty when there is none. */
  List<TimestampChecker.Result> check(CMSSignedData sd, SignerInformation si, boolean content) {
    List<TimestampChecker.Result> out = new ArrayList<>();
    AttributeTable unsigned = si.getUnsignedAttributes();
    if (unsigned == null) {
      return out;
    }
    ASN1EncodableVector all = unsigned.getAll(ARCHIVE_TIMESTAMP_V3);
    for (int i = 0; i < all.size(); i++) {
      for (ASN1Encodable value : Attribute.getInstance(all.get(i)).getAttrValues().toArray()) {
        try {
          byte[] der = value.toASN1Primitive().getEncoded(ASN1Encoding.DER);
          byte[] index = hashIndex(der);
          if (index == null) {
            out.add(unbound());
            continue;
          }
          if (!content) {
            continue;
          }
          out.add(timestamps.check(der, alg -> imprint(alg, sd, si, index)));
        } catch (Exception e) {
          out.add(timestamps.check(new byte[0], alg -> new byte[0]));
        }
      }
    }
    return out;
  }

  /** An archive-time-stamp-v3 without its mandatory hash index cannot belong to the signature. */
  private static TimestampChecker.Result unbound() {
    return new TimestampChecker.Result(
        vn.tangthu.signature.TimestampStatus.INVALID,
        null,
        null,
        vn.tangthu.signature.Trust.UNKNOWN,
        false,
        new Text(
            "The archive timestamp lacks its mandatory hash index, so it cannot be tied to this"
                + " signature.",
            "Dấu thời gian lưu trữ thiếu chỉ mục băm bắt buộc nên không gắn được với chữ ký này."));
  }

  private static byte[] hashIndex(byte[] tokenDer) throws Exception {
    TimeStampToken token = new TimeStampToken(new CMSSignedData(tokenDer));
    AttributeTable attrs = token.getUnsignedAttributes();
    Attribute index = attrs == null ? null : attrs.get(ATS_HASH_INDEX_V3);
    if (index == null && attrs != null) {
      index = attrs.get(ATS_HASH_INDEX);
    }
    if (index == null || index.getAttrValues().size() != 1) {
      return null;
    }
    return index.getAttrValues().getObjectAt(0).toASN1Primitive().getEncoded(ASN1Encoding.DER);
  }

  private byte[] imprint(
      ASN1ObjectIdentifier alg, CMSSignedData sd, SignerInformation si, byte[] index)
      throws Exception {
    DigestCalculator content = crypto.digest(alg);
    try (OutputStream o = content.getOutputStream()) {
      sd.getSignedContent().write(o);
    }
    SignerInfo s = si.toASN1Structure();
    ByteArrayOutputStream in = new ByteArrayOutputStream();
    in.write(new ASN1ObjectIdentifier(sd.getSignedContentTypeOID()).getEncoded(ASN1Encoding.DER));
    in.write(content.getDigest());
    in.write(s.getVersion().getEncoded(ASN1Encoding.DER));
    in.write(s.getSID().toASN1Primitive().getEncoded(ASN1Encoding.DER));
    in.write(s.getDigestAlgorithm().getEncoded(ASN1Encoding.DER));
    if (s.getAuthenticatedAttributes() != null) {
      in.write(
          new DLTaggedObject(false, 0, s.getAuthenticatedAttributes()).getEncoded(ASN1Encoding.DL));
    }
    in.write(s.getDigestEncryptionAlgorithm().getEncoded(ASN1Encoding.DER));
    in.write(s.getEncryptedDigest().getEncoded(ASN1Encoding.DER));
    in.write(index);
    return crypto.digest(alg, in.toByteArray());
  }
}
