package dev.containerregistry.v1;

import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.jspecify.annotations.Nullable;

/**
 * The only place that knows Jackson: reads bytes into a tree and writes documents with the string
 * escaping Go's {@code encoding/json} uses, so that our bytes (and digests) match
 * go-containerregistry's for the same content.
 */
final class Json {

  private static final ObjectMapper MAPPER =
      JsonMapper.builder(new JsonFactoryBuilder().characterEscapes(new GoEscapes()).build())
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
          .build();

  private Json() {}

  /** Parses {@code json} into its top-level object, refusing anything else. */
  static JsonFields read(String document, byte[] json) throws MalformedDocumentException {
    JsonNode node;
    try {
      node = MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw new MalformedDocumentException(
          document, "", "not valid JSON: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw new UncheckedIOException("reading JSON from memory", e);
    }
    if (node == null || !node.isObject()) {
      throw new MalformedDocumentException(
          document,
          "",
          "expected a JSON object, got " + (node == null ? "nothing" : node.getNodeType()));
    }
    return new JsonFields(document, "", node);
  }

  /** Writes one top-level object through {@code body}: compact, UTF-8, Go's escaping. */
  static byte[] write(JsonWritable body) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(512);
    try (JsonGenerator generator = MAPPER.getFactory().createGenerator(out)) {
      JsonOut writer = new JsonOut(generator);
      writer.object(body);
    } catch (IOException e) {
      throw new UncheckedIOException("writing JSON to memory", e);
    }
    return out.toByteArray();
  }

  /** Something that writes its own fields into an open JSON object. */
  @FunctionalInterface
  interface JsonWritable {
    void writeFields(JsonOut out) throws IOException;
  }

  /**
   * Go escapes {@code <}, {@code >} and {@code &} (HTML safety), U+2028 and U+2029, uses the short
   * forms {@code \b \f \n \r \t}, and otherwise {@code \}{@code u00xx} with lower-case hex.
   */
  private static final class GoEscapes extends CharacterEscapes {
    private static final long serialVersionUID = 1L;
    private final int[] ascii = new int[128];

    GoEscapes() {
      for (int c = 0; c < 0x20; c++) {
        ascii[c] = ESCAPE_CUSTOM;
      }
      ascii['"'] = ESCAPE_CUSTOM;
      ascii['\\'] = ESCAPE_CUSTOM;
      ascii['<'] = ESCAPE_CUSTOM;
      ascii['>'] = ESCAPE_CUSTOM;
      ascii['&'] = ESCAPE_CUSTOM;
    }

    @Override
    public int[] getEscapeCodesForAscii() {
      return ascii.clone();
    }

    @Override
    public @Nullable SerializableString getEscapeSequence(int ch) {
      return switch (ch) {
        case '"' -> new SerializedString("\\\"");
        case '\\' -> new SerializedString("\\\\");
        case '\b' -> new SerializedString("\\b");
        case '\f' -> new SerializedString("\\f");
        case '\n' -> new SerializedString("\\n");
        case '\r' -> new SerializedString("\\r");
        case '\t' -> new SerializedString("\\t");
        default ->
            ch < 128 || ch == 0x2028 || ch == 0x2029
                ? new SerializedString(String.format("\\u%04x", ch))
                : null;
      };
    }
  }
}
