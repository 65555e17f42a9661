package dev.ddbmodel.validation.internal.awscli;

import static dev.ddbmodel.validation.internal.awscli.FlagSpec.Kind.ATTRIBUTE_MAP;
import static dev.ddbmodel.validation.internal.awscli.FlagSpec.Kind.BOOLEAN;
import static dev.ddbmodel.validation.internal.awscli.FlagSpec.Kind.INTEGER;
import static dev.ddbmodel.validation.internal.awscli.FlagSpec.Kind.JSON;
import static dev.ddbmodel.validation.internal.awscli.FlagSpec.Kind.NAME_MAP;
import static dev.ddbmodel.validation.internal.awscli.FlagSpec.Kind.STRING;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The flag tables of the supported {@code aws dynamodb} subcommands (AWS CLI v2 names). */
final class Subcommands {
  static final Map<String, Map<String, FlagSpec>> TABLE = build();

  /** Global AWS CLI options that are accepted and have no effect here. */
  static final Map<String, FlagSpec> IGNORED_GLOBALS =
      index(List.of(FlagSpec.of("region", STRING), FlagSpec.oneOf("output", "json", "text", "table", "yaml", "yaml-stream"),
          FlagSpec.of("cli-pager", BOOLEAN)));

  /** Global options that would send the call elsewhere or weaken it, with the reason. */
  static final Map<String, String> REFUSED_GLOBALS =
      Map.ofEntries(
          Map.entry("endpoint-url", "the endpoint is chosen by the validation run, not by the command"),
          Map.entry("profile", "credentials are chosen by the validation run, not by the command"),
          Map.entry("debug", "debug output is not available"),
          Map.entry("no-verify-ssl", "TLS verification cannot be turned off"),
          Map.entry("no-sign-request", "unsigned requests are not allowed"),
          Map.entry("ca-bundle", "the trust store is fixed"),
          Map.entry("cli-input-json", "pass every parameter as a flag so the command is self-contained"),
          Map.entry("cli-input-yaml", "pass every parameter as a flag so the command is self-contained"),
          Map.entry("generate-cli-skeleton", "it does not call DynamoDB"),
          Map.entry("query", "JMESPath output filtering is not supported; the full response is recorded"));

  private Subcommands() {}

  private static Map<String, Map<String, FlagSpec>> build() {
    FlagSpec rcc = FlagSpec.oneOf("return-consumed-capacity", "INDEXES", "TOTAL", "NONE");
    FlagSpec ricm = FlagSpec.oneOf("return-item-collection-metrics", "SIZE", "NONE");
    FlagSpec rvoccf = FlagSpec.oneOf("return-values-on-condition-check-failure", "ALL_OLD", "NONE");
    FlagSpec names = FlagSpec.of("expression-attribute-names", NAME_MAP);
    FlagSpec values = FlagSpec.of("expression-attribute-values", ATTRIBUTE_MAP);
    FlagSpec table = FlagSpec.required("table-name", STRING);
    FlagSpec select = FlagSpec.oneOf("select", "ALL_ATTRIBUTES", "ALL_PROJECTED_ATTRIBUTES", "SPECIFIC_ATTRIBUTES", "COUNT");
    List<FlagSpec> paging = List.of(FlagSpec.of("max-items", INTEGER), FlagSpec.of("page-size", INTEGER),
        FlagSpec.of("starting-token", STRING), FlagSpec.of("paginate", BOOLEAN));
    Map<String, Map<String, FlagSpec>> t = new LinkedHashMap<>();
    t.put("get-item", index(List.of(table, FlagSpec.required("key", ATTRIBUTE_MAP), FlagSpec.of("consistent-read", BOOLEAN),
        FlagSpec.of("projection-expression", STRING), names, rcc)));
    List<FlagSpec> query = new ArrayList<>(List.of(table, FlagSpec.of("index-name", STRING),
        FlagSpec.required("key-condition-expression", STRING), FlagSpec.of("filter-expression", STRING),
        FlagSpec.of("projection-expression", STRING), names, values, FlagSpec.of("scan-index-forward", BOOLEAN),
        FlagSpec.of("consistent-read", BOOLEAN), select, FlagSpec.of("limit", INTEGER),
        FlagSpec.of("exclusive-start-key", ATTRIBUTE_MAP), rcc));
    query.addAll(paging);
    t.put("query", index(query));
    List<FlagSpec> scan = new ArrayList<>(List.of(table, FlagSpec.of("index-name", STRING),
        FlagSpec.of("filter-expression", STRING), FlagSpec.of("projection-expression", STRING), names, values,
        FlagSpec.of("consistent-read", BOOLEAN), select, FlagSpec.of("limit", INTEGER), FlagSpec.of("segment", INTEGER),
        FlagSpec.of("total-segments", INTEGER), FlagSpec.of("exclusive-start-key", ATTRIBUTE_MAP), rcc));
    scan.addAll(paging);
    t.put("scan", index(scan));
    t.put("put-item", index(List.of(table, FlagSpec.required("item", ATTRIBUTE_MAP), FlagSpec.of("condition-expression", STRING),
        names, values, FlagSpec.oneOf("return-values", "NONE", "ALL_OLD"), rvoccf, rcc, ricm)));
    t.put("update-item", index(List.of(table, FlagSpec.required("key", ATTRIBUTE_MAP), FlagSpec.of("update-expression", STRING),
        FlagSpec.of("condition-expression", STRING), names, values,
        FlagSpec.oneOf("return-values", "NONE", "ALL_OLD", "UPDATED_OLD", "ALL_NEW", "UPDATED_NEW"), rvoccf, rcc, ricm)));
    t.put("delete-item", index(List.of(table, FlagSpec.required("key", ATTRIBUTE_MAP), FlagSpec.of("condition-expression", STRING),
        names, values, FlagSpec.oneOf("return-values", "NONE", "ALL_OLD"), rvoccf, rcc, ricm)));
    t.put("batch-get-item", index(List.of(FlagSpec.required("request-items", JSON), rcc)));
    t.put("batch-write-item", index(List.of(FlagSpec.required("request-items", JSON), rcc, ricm)));
    t.put("transact-get-items", index(List.of(FlagSpec.required("transact-items", JSON), rcc)));
    t.put("transact-write-items", index(List.of(FlagSpec.required("transact-items", JSON), rcc, ricm,
        FlagSpec.of("client-request-token", STRING))));
    t.put("describe-table", index(List.of(table)));
    t.put("list-tables", index(List.of(FlagSpec.of("exclusive-start-table-name", STRING), FlagSpec.of("limit", INTEGER),
        FlagSpec.of("max-items", INTEGER), FlagSpec.of("page-size", INTEGER), FlagSpec.of("starting-token", STRING),
        FlagSpec.of("paginate", BOOLEAN))));
    return t;
  }

  private static Map<String, FlagSpec> index(List<FlagSpec> specs) {
    Map<String, FlagSpec> m = new LinkedHashMap<>();
    specs.forEach(s -> m.put(s.name(), s));
    return m;
  }

  /** The operation name (GetItem, Query, ...) of a subcommand. */
  static String operationName(String subcommand) {
    StringBuilder sb = new StringBuilder();
    for (String part : subcommand.split("-")) {
      sb.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
    }
    return sb.toString();
  }
}
