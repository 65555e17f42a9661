package dev.ddbmodel.core.json;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ddbmodel.core.Diagnostic;
import dev.ddbmodel.core.SourceLocation;
import dev.ddbmodel.core.Validated;
import org.junit.jupiter.api.Test;

class JsonDocumentTest {

  @Test
  void remembersLineAndColumnOfEveryValue() {
    String text = "{\n  \"tables\": [\n    {\"TableName\": \"Orders\"}\n  ]\n}\n";
    JsonDocument doc = JsonDocument.parse("m.json", text).unwrap();
    SourceLocation loc = doc.locate("/tables/0/TableName");
    assertThat(loc.line()).isEqualTo(3);
    assertThat(loc.column()).isEqualTo(6);
    assertThat(doc.locate("/tables/0/Missing/deeper").line()).isEqualTo(3);
  }

  @Test
  void escapesPointerTokens() {
    JsonDocument doc = JsonDocument.parse("x.json", "{\"a/b\": {\"c~d\": 1}}").unwrap();
    assertThat(doc.locate("/a~1b/c~0d").column()).isEqualTo(10);
  }

  @Test
  void pythonLiteralsGetAHint() {
    Validated<JsonDocument> r = JsonDocument.parse("m.json", "{\n \"ok\": True\n}");
    Diagnostic d = r.errors().get(0);
    assertThat(d.id()).isEqualTo("Json.Syntax");
    assertThat(d.location().line()).isEqualTo(2);
    assertThat(d.hint()).contains("true, false or null");
  }

  @Test
  void duplicateKeysAreErrors() {
    Validated<JsonDocument> r = JsonDocument.parse("m.json", "{\"a\": 1, \"a\": 2}");
    assertThat(r.errors()).extracting(Diagnostic::id).containsExactly("Json.DuplicateKey");
  }

  @Test
  void duplicateKeysArePlacedWhereTheStrictParserFindsThem() {
    Diagnostic nested = JsonDocument.parse("m.json", "{\"x\": [{\"a\": {}, \"b\": 1,\n \"a\": []}]}").errors().get(0);
    assertThat(nested.id()).isEqualTo("Json.DuplicateKey");
    assertThat(nested.message()).isEqualTo("duplicate property `a`");
    assertThat(nested.location().line()).isEqualTo(2);
    assertThat(nested.location().column()).isEqualTo(5);
    // the duplicate comes first, even though its value is not valid JSON either
    assertThat(JsonDocument.parse("m.json", "{\"a\": 1, \"a\": tru}").errors())
        .extracting(Diagnostic::id).containsExactly("Json.DuplicateKey");
    assertThat(JsonDocument.parse("m.json", "{\"a\": {\"a\": 1}, \"b\": {\"a\": 2}}").isValid()).isTrue();
  }

  @Test
  void emptyAndTrailingContentAreErrors() {
    assertThat(JsonDocument.parse("m.json", "  ").errors().get(0).id()).isEqualTo("Json.Empty");
    assertThat(JsonDocument.parse("m.json", "{} {}").errors().get(0).message())
        .contains("after the end");
  }

  @Test
  void byteOrderMarkIsAccepted() {
    assertThat(JsonDocument.parse("m.json", "\uFEFF{\"a\": 1}").isValid()).isTrue();
  }

  @Test
  void prettyOutputIsDeterministic() {
    var m = new java.util.HashMap<String, Object>();
    m.put("b", 1);
    m.put("a", java.util.List.of(true, "x"));
    assertThat(Json.pretty(m)).isEqualTo("{\n  \"a\": [\n    true,\n    \"x\"\n  ],\n  \"b\": 1\n}\n");
  }

  /** Issue 22: parser internals (character codes, Jackson's vocabulary, source excerpts) never reach a message. */
  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.ValueSource(strings = {
    "{\"a\": 1,}", "{\"a\": 1 \"b\": 2}", "[1 2]", "{\"a\" 1}", "{\"a\": }", "{'a': 1}", "{\"a\": True}", "{\"a\": [1}",
    "{\"a\": \"x\ty\"}", "{\"a\": \"\\q\"}", "{\"a\": 01}", "{\"a\": 1", "{\"a\": 1, \"a\": 2}", "{\"a\": -}", "\u0000", "{\"a\": NaN}"})
  void syntaxMessagesAreInPlainWords(String text) {
    Validated<JsonDocument> r = JsonDocument.parse("m.json", text);
    assertThat(r.isValid()).isFalse();
    String message = r.errors().get(0).message();
    assertThat(message).as(text).doesNotContain("(code ", "Source:", "was expecting", "field name", "close marker", "JSON String",
        "Object entries", "Array entries", "CTRL-CHAR", "REDACTED", "\n");
  }

  @Test
  void aFolderIsReportedAsAFolder(@org.junit.jupiter.api.io.TempDir java.nio.file.Path tmp) {
    Diagnostic d = JsonDocument.read(tmp, "x").errors().get(0);
    assertThat(d.id()).isEqualTo("Json.Io");
    assertThat(d.kind()).isEqualTo(Diagnostic.Kind.USAGE);
    assertThat(d.message()).contains("is a folder, not a file").doesNotContain("does not exist");
    assertThat(JsonDocument.read(tmp.resolve("nope.json"), "nope.json").errors().get(0).kind()).isEqualTo(Diagnostic.Kind.USAGE);
  }

  /** A file that is not JSON (credentials, a key) is never replayed in the error; line and column say where. */
  @Test
  void syntaxErrorsDoNotQuoteTheFile() {
    String secret = "AKIAIOSFODNN7EXAMPLE";
    for (String text : java.util.List.of(secret, "aws_access_key_id = " + secret, "[default]\naws_secret_access_key=" + secret,
        "{\"a\": " + secret + "}", secret + " {", "'" + secret + "'", "\u00e9" + secret)) {
      Validated<JsonDocument> r = JsonDocument.parse("creds", text);
      assertThat(r.isValid()).as(text).isFalse();
      Diagnostic d = r.diagnostics().get(0);
      assertThat(d.id()).as(text).isEqualTo("Json.Syntax");
      assertThat(d.format()).as(text).doesNotContain(secret).doesNotContain("AKIA").doesNotContain("aws_");
      assertThat(d.location().line()).as(text).isPositive();
    }
  }
}
