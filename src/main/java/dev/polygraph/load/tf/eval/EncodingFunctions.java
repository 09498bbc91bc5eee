package dev.polygraph.load.tf.eval;

import static dev.polygraph.load.tf.eval.Args.fail;

import dev.polygraph.source.SourceFile;
import dev.polygraph.value.Text;
import dev.polygraph.value.Value;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/** JSON and base64 encoding, and the functions that read files: {@code file}, {@code templatefile}. */
final class EncodingFunctions {

  private EncodingFunctions() {}

  static Value jsonencode(Args a) {
    return a.evaluator().json().encode(a.get(0), a.span());
  }

  static Value jsondecode(Args a) {
    a.text(0);
    return a.evaluator().json().structure(a.get(0));
  }

  static Value base64encode(Args a) {
    return Text.of(Base64.getEncoder().encodeToString(a.literal(0).getBytes(StandardCharsets.UTF_8)), a.span());
  }

  static Value base64decode(Args a) {
    try {
      byte[] bytes = Base64.getDecoder().decode(a.literal(0));
      return Text.of(StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString(), a.span());
    } catch (IllegalArgumentException | CharacterCodingException e) {
      throw fail("base64decode() needs base64 of UTF-8 text");
    }
  }

  static Value file(Args a) {
    String path = a.literal(0);
    Optional<SourceFile> source = a.evaluator().scope().file(path);
    if (source.isEmpty()) {
      throw fail("file '" + path + "' cannot be read");
    }
    Text text = Text.of(source.get().text(), a.span());
    a.evaluator().json().rememberFile(text, source.get());
    return text;
  }

  static Value templatefile(Args a) {
    return new TemplateFiles(a.evaluator()).render(a.literal(0), a.map(1), a.span());
  }
}
