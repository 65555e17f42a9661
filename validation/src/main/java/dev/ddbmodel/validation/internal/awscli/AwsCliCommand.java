package dev.ddbmodel.validation.internal.awscli;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A parsed {@code aws dynamodb <subcommand> ...} command: the subcommand and its flag values,
 * already typed (text, JSON tree, boolean or integer). Produced only by
 * {@link AwsCliCommandParser}, so every flag is known and every value well-formed.
 *
 * @param subcommand e.g. {@code query}
 * @param flags flag name without dashes (e.g. {@code table-name}) to its value, in command order
 * @param notes remarks about accepted-but-ignored options (e.g. {@code --region})
 */
public record AwsCliCommand(String subcommand, Map<String, Object> flags, List<String> notes) {
  public AwsCliCommand {
    Objects.requireNonNull(subcommand, "subcommand");
    flags = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(flags));
    notes = List.copyOf(notes);
  }

  /** The DynamoDB operation name, e.g. {@code Query}, {@code BatchWriteItem}. */
  public String operation() {
    return Subcommands.operationName(subcommand);
  }

  public boolean has(String flag) {
    return flags.containsKey(flag);
  }

  public Optional<String> string(String flag) {
    return Optional.ofNullable((String) flags.get(flag));
  }

  public Optional<JsonNode> json(String flag) {
    return Optional.ofNullable((JsonNode) flags.get(flag));
  }

  public Optional<Boolean> bool(String flag) {
    return Optional.ofNullable((Boolean) flags.get(flag));
  }

  public Optional<Integer> integer(String flag) {
    return Optional.ofNullable((Integer) flags.get(flag));
  }

  /** The table this command targets, when it names exactly one with {@code --table-name}. */
  public Optional<String> tableName() {
    return string("table-name");
  }
}
