package vn.tangthu.child;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.DataInputStream;
import java.io.EOFException;
import org.junit.jupiter.api.Test;

class MessagesTest {

  @Test
  void fieldsComeBackAsWritten() throws Exception {
    byte[] message =
        Messages.encode(
            out -> {
              out.writeUTF("Quyết định");
              Messages.writeNullable(out, null);
              Messages.writeNullable(out, "số 7/QĐ-UBND");
              out.writeLong(-1L);
            });
    DataInputStream in = Messages.decode(message);
    assertThat(in.readUTF()).isEqualTo("Quyết định");
    assertThat(Messages.readNullable(in)).isNull();
    assertThat(Messages.readNullable(in)).isEqualTo("số 7/QĐ-UBND");
    assertThat(in.readLong()).isEqualTo(-1L);
    assertThatThrownBy(in::readByte).isInstanceOf(EOFException.class);
  }
}
