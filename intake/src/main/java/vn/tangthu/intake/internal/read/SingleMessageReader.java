package vn.tangthu.intake.internal.read;

import java.io.IOException;
import java.util.List;
import vn.tangthu.intake.IntakeItem;
import vn.tangthu.intake.PackageFormat;
import vn.tangthu.intake.internal.edxml.EdxmlItems;
import vn.tangthu.intake.internal.io.PackageChannel;
import vn.tangthu.intake.internal.io.RangeInputStream;

/** An {@code EDXML} package: the whole package is one message, one item. */
final class SingleMessageReader implements FormatReader {

  private final PackageChannel channel;
  private final EdxmlItems items;
  private final String name;

  SingleMessageReader(PackageChannel channel, EdxmlItems items, String name) {
    this.channel = channel;
    this.items = items;
    this.name = name;
  }

  @Override
  public PackageFormat format() {
    return PackageFormat.EDXML;
  }

  @Override
  public int size() {
    return 1;
  }

  @Override
  public IntakeItem read(int index) throws IOException {
    return items.read(
        index, name, () -> new RangeInputStream(channel, 0, channel.size()), channel.size());
  }

  @Override
  public List<String> warnings() {
    return List.of();
  }

  @Override
  public void close() {}
}
