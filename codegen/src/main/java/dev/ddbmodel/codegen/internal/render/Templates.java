package dev.ddbmodel.codegen.internal.render;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Mustache templates (and verbatim files) under {@code /dev/ddbmodel/codegen/templates/<target>/}, read as UTF-8. */
public final class Templates {
  private final String target;
  private final DefaultMustacheFactory factory;

  public Templates(String target) {
    this.target = target;
    this.factory = new DefaultMustacheFactory("dev/ddbmodel/codegen/templates/" + target);
  }

  /** Renders {@code name} with a view object (records, maps, lists). */
  public String render(String name, Object view) {
    Mustache m = factory.compile(name);
    StringWriter w = new StringWriter();
    m.execute(w, view);
    return w.toString();
  }

  /** A file copied as is. */
  public String verbatim(String name) {
    try (InputStream in = Templates.class.getResourceAsStream("/dev/ddbmodel/codegen/templates/" + target + "/" + name)) {
      if (in == null) {
        throw new IllegalStateException("missing template " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
