package dev.ddbmodel.adapter.mcp.tools;

import dev.ddbmodel.adapter.mcp.Arguments;
import dev.ddbmodel.adapter.mcp.ToolBinding;
import dev.ddbmodel.adapter.mcp.ToolResult;
import dev.ddbmodel.adapter.mcp.ToolSpec;
import dev.ddbmodel.core.Guide;
import dev.ddbmodel.core.Guides;
import java.util.Map;

/** The two tools that return guidance: modeling and schema conversion. */
public final class GuideTools {
  private GuideTools() {}

  /** {@code dynamodb_data_modeling}: the modeling method and file templates. */
  public static final class Modeling implements ToolBinding {
    @Override
    public ToolSpec spec() {
      return new ToolSpec("dynamodb_data_modeling", "DynamoDB data modeling guide",
          "Returns the working method for designing a DynamoDB data model with the user: a requirements interview"
              + " written to dynamodb_requirement.md, then a design written to dynamodb_data_model.md, with the limits,"
              + " hot-key checks, cost rules, lifecycle and routing guidance to apply. Use at the start of any DynamoDB"
              + " design or migration conversation, before any other tool; follow the method step by step with the user rather than"
              + " designing in one go. Not for questions about an existing table's data (this server never reads your AWS tables)."
              + " If the user has a relational database to migrate, offer source_db_analyzer first. When the design is written,"
              + " continue with compute_performances_and_costs and dynamodb_data_model_validation.",
          "/dev/ddbmodel/adapter/mcp/tools/no_arguments.input.json", true, false, true, false);
    }

    @Override
    public ToolResult call(Arguments args) {
      Guide g = Guides.expect("data-modeling");
      String next = section(Guides.expect("next-steps").text(), "After `dynamodb_data_modeling`");
      return ToolResult.ok(g.text() + "\n\n## Next steps\n\n" + next,
          Map.of("status", "success", "guide", g.id(), "version", g.version()));
    }
  }

  /** {@code dynamodb_data_model_schema_converter}: how to write schema.json (and usage data). */
  public static final class SchemaConverter implements ToolBinding {
    @Override
    public ToolSpec spec() {
      return new ToolSpec("dynamodb_data_model_schema_converter", "Convert the design into schema.json",
          "Returns the instructions for turning dynamodb_data_model.md into schema.json for code generation (and,"
              + " unless generate_usage_data is false, usage_data.json with realistic values). Write the files next to"
              + " the design, then validate them with dynamodb_data_model_schema_validator and fix every error before calling"
              + " generate_data_access_layer. Use when the user wants application code; for infrastructure only, generate_resources"
              + " works from dynamodb_data_model.json without schema.json.",
          "/dev/ddbmodel/adapter/mcp/tools/dynamodb_data_model_schema_converter.input.json", true, false, true, false);
    }

    @Override
    public ToolResult call(Arguments args) {
      boolean usage = args.bool("generate_usage_data", true);
      StringBuilder sb = new StringBuilder(Guides.expect("schema-converter").text());
      if (usage) {
        sb.append("\n\n## Additional task\n\n").append(Guides.expect("usage-data").text());
      }
      sb.append("\n\n## Next steps\n\n").append(section(Guides.expect("next-steps").text(), "After `dynamodb_data_model_schema_converter`"));
      return ToolResult.ok(sb.toString(), Map.of("status", "success", "generate_usage_data", usage));
    }
  }

  /** The body of a {@code ## title} section. */
  static String section(String text, String title) {
    int i = text.indexOf("## " + title);
    if (i < 0) {
      return "";
    }
    int start = text.indexOf('\n', i) + 1;
    int end = text.indexOf("\n## ", start);
    return text.substring(start, end < 0 ? text.length() : end).strip();
  }
}
