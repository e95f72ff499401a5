package vn.tangthu.signature.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.io.SequenceInputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.cms.CMSObjectIdentifiers;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSTypedData;

/** The bytes of a PDF /ByteRange (two ranges of a file), streamed, never fully in memory. */
final class RangeContent implements CMSTypedData {
  private final Path file;
  private final long start1;
  private final long length1;
  private final long start2;
  private final long length2;

  RangeContent(Path file, long start1, long length1, long start2, long length2) {
    this.file = file;
    this.start1 = start1;
    this.length1 = length1;
    this.start2 = start2;
    this.length2 = length2;
  }

  InputStream open() throws IOException {
    FileChannel a = FileChannel.open(file, StandardOpenOption.READ);
    FileChannel b = FileChannel.open(file, StandardOpenOption.READ);
    a.position(start1);
    b.position(start2);
    return new SequenceInputStream(
        bounded(Channels.newInputStream(a), length1), bounded(Channels.newInputStream(b), length2));
  }

  private static InputStream bounded(InputStream in, long limit) {
    return new InputStream() {
      private long left = limit;

      @Override
      public int read() throws IOException {
        if (left <= 0) {
          return -1;
        }
        int c = in.read();
        if (c >= 0) {
          left--;
        }
        return c;
      }

      @Override
      public int read(byte[] b, int off, int len) throws IOException {
        if (left <= 0) {
          return -1;
        }
        int n = in.read(b, off, (int) Math.min(len, left));
        if (n > 0) {
          left -= n;
        }
        return n;
      }

      @Override
      public void close() throws IOException {
        in.close();
      }
    };
  }

  @Override
  public ASN1ObjectIdentifier getContentType() {
    return CMSObjectIdentifiers.data;
  }

  @Override
  public void write(OutputStream out) throws IOException, CMSException {
    try (InputStream in = open()) {
      in.transferTo(out);
    }
  }

  @Override
  public Object getContent() {
    return file;
  }

  static byte[] readAt(Path file, long start, int length) throws IOException {
    try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r")) {
      byte[] buf = new byte[length];
      raf.seek(start);
      raf.readFully(buf);
      return buf;
    }
  }
}
