package vn.tangthu.signature.internal;

import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.tsp.TimeStampToken;
import vn.tangthu.signature.TimestampStatus;
import vn.tangthu.signature.Trust;

/**
 * Verifies an RFC 3161 timestamp token: its signature by the TSA certificate it carries, the TSA
 * certificate's timestamping purpose, and that its message imprint equals the digest of the data it
 * claims to cover. Thread-safe.
 */
public final class TimestampChecker {
  private final Crypto crypto;
  private final ChainValidator chains;

  public TimestampChecker(Crypto crypto, ChainValidator chains) {
    this.crypto = crypto;
    this.chains = chains;
  }

  /** Computes the digest of the timestamped data with the token's imprint algorithm. */
  @FunctionalInterface
  public interface Imprint {
    byte[] digest(ASN1ObjectIdentifier algorithm) throws Exception;
  }

  /**
   * The outcome. {@code status} is {@code NONE} when the token could not be checked at all (no TSA
   * certificate, unsupported algorithm): present, but neither proven good nor proven bad.
   */
  public record Result(
      TimestampStatus status,
      Instant genTime,
      String tsa,
      Trust tsaTrust,
      boolean imprintMatches,
      Text why) {

    /** True when the time can be relied on: valid token from a trusted TSA. */
    public boolean trustedTime() {
      return status == TimestampStatus.VALID && tsaTrust == Trust.TRUSTED;
    }
  }

  /** Checks a DER-encoded token (a CMS ContentInfo with TSTInfo). Never throws. */
  public Result check(byte[] token, Imprint imprint) {
    TimeStampToken tst;
    try {
      tst = new TimeStampToken(new CMSSignedData(token));
    } catch (Exception e) {
      return invalid(
          null,
          null,
          false,
          new Text(
              "The timestamp is damaged and cannot be read.",
              "Dấu thời gian bị hỏng, không đọc được."));
    }
    Instant genTime = tst.getTimeStampInfo().getGenTime().toInstant();
    boolean imprintOk;
    try {
      byte[] expected = imprint.digest(tst.getTimeStampInfo().getMessageImprintAlgOID());
      imprintOk = Crypto.sameBytes(expected, tst.getTimeStampInfo().getMessageImprintDigest());
    } catch (Exception e) {
      return new Result(
          TimestampStatus.NONE,
          genTime,
          null,
          Trust.UNKNOWN,
          false,
          new Text(
              "The timestamp uses an algorithm this archive cannot check.",
              "Dấu thời gian dùng thuật toán mà hệ thống chưa kiểm tra được."));
    }
    if (!imprintOk) {
      return invalid(
          genTime,
          null,
          false,
          new Text(
              "The timestamp does not belong to this signature or document (it was made for other"
                  + " data).",
              "Dấu thời gian không thuộc về chữ ký hoặc tài liệu này (được cấp cho dữ liệu khác)."));
    }
    return checkSignature(tst, genTime);
  }

  private Result checkSignature(TimeStampToken tst, Instant genTime) {
    @SuppressWarnings("unchecked")
    Collection<X509CertificateHolder> matches = tst.getCertificates().getMatches(tst.getSID());
    if (matches.isEmpty()) {
      return new Result(
          TimestampStatus.NONE,
          genTime,
          null,
          Trust.UNKNOWN,
          true,
          new Text(
              "The timestamp does not include the certificate of the authority that issued it, so"
                  + " it cannot be checked.",
              "Dấu thời gian không kèm chứng thư số của tổ chức cấp nên không kiểm tra được."));
    }
    X509CertificateHolder holder = matches.iterator().next();
    String tsa = Crypto.commonName(holder.getSubject());
    try {
      tst.validate(crypto.verifier(holder));
    } catch (Exception e) {
      if (Crypto.unsupportedAlgorithm(e)) {
        return new Result(
            TimestampStatus.NONE,
            genTime,
            tsa,
            Trust.UNKNOWN,
            true,
            new Text(
                "The timestamp uses an algorithm this archive cannot check.",
                "Dấu thời gian dùng thuật toán mà hệ thống chưa kiểm tra được."));
      }
      return invalid(
          genTime,
          tsa,
          true,
          new Text(
              "The timestamp's own signature is not valid.",
              "Chữ ký của dấu thời gian không hợp lệ."));
    }
    ChainValidator.Result trust;
    try {
      X509Certificate cert = crypto.toX509(holder);
      List<X509Certificate> extra = crypto.certificates(tst.getCertificates());
      trust = chains.validate(cert, extra, genTime);
    } catch (Exception e) {
      trust = new ChainValidator.Result(Trust.UNKNOWN, new Text("", ""));
    }
    Text why =
        trust.trust() == Trust.TRUSTED
            ? new Text(
                "The timestamp from \"" + tsa + "\" is valid.",
                "Dấu thời gian của \"" + tsa + "\" hợp lệ.")
            : new Text(
                "The timestamp from \"" + tsa + "\" is intact, but its authority is not trusted.",
                "Dấu thời gian của \""
                    + tsa
                    + "\" còn nguyên vẹn nhưng tổ chức cấp chưa được tin cậy.");
    return new Result(TimestampStatus.VALID, genTime, tsa, trust.trust(), true, why);
  }

  private static Result invalid(Instant genTime, String tsa, boolean imprintOk, Text why) {
    return new Result(TimestampStatus.INVALID, genTime, tsa, Trust.UNKNOWN, imprintOk, why);
  }
}
