package vn.tangthu.archive.input;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;

/**
 * Makes an {@link ObjectMapper} read request bodies strictly: one JSON value and nothing after it,
 * no repeated member names, no scalar of one type taken for another ({@code 123} is not a string,
 * {@code "5"} not a number, {@code ""} not an object), and dates and instants only in the forms
 * {@link Dates} reads ({@code 20240315} or {@code ""} is not a date).
 */
public final class StrictJsonModule extends SimpleModule {

  public StrictJsonModule() {
    super("tangthu-strict-json");
    addDeserializer(LocalDate.class, new DateReader());
    addDeserializer(Instant.class, new InstantReader());
  }

  /** Registers the module on {@code mapper} and turns on the strict features. */
  public static ObjectMapper apply(ObjectMapper mapper) {
    mapper.registerModule(new StrictJsonModule());
    mapper.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    mapper.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    mapper.disable(MapperFeature.ALLOW_COERCION_OF_SCALARS);
    mapper
        .coercionConfigFor(LogicalType.Textual)
        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
    mapper
        .coercionConfigFor(LogicalType.Integer)
        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
    return mapper;
  }

  private static final class DateReader extends StdScalarDeserializer<LocalDate> {
    DateReader() {
      super(LocalDate.class);
    }

    @Override
    public LocalDate deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      if (!p.hasToken(JsonToken.VALUE_STRING)) {
        return (LocalDate) ctxt.handleUnexpectedToken(LocalDate.class, p);
      }
      try {
        return Dates.parse(p.getText());
      } catch (Dates.Refused e) {
        return (LocalDate) ctxt.handleWeirdStringValue(LocalDate.class, p.getText(), e.reasonEn());
      }
    }
  }

  private static final class InstantReader extends StdScalarDeserializer<Instant> {
    InstantReader() {
      super(Instant.class);
    }

    @Override
    public Instant deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      if (!p.hasToken(JsonToken.VALUE_STRING)) {
        return (Instant) ctxt.handleUnexpectedToken(Instant.class, p);
      }
      try {
        return Dates.parseInstant(p.getText());
      } catch (Dates.Refused e) {
        return (Instant) ctxt.handleWeirdStringValue(Instant.class, p.getText(), e.reasonEn());
      }
    }
  }
}
