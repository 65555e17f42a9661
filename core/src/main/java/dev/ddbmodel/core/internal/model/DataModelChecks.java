package dev.ddbmodel.core.internal.model;

import dev.ddbmodel.core.Diagnostic;
import dev.ddbmodel.core.json.JsonDocument;
import dev.ddbmodel.core.internal.checks.DataModelRules;
import java.util.List;
import java.util.Set;

/**
 * Entry of the {@code dynamodb_data_model.json} checks for {@link DataModelLoader}: the rules
 * themselves are the classes of {@code dev.ddbmodel.core.internal.checks} (see
 * {@link DataModelRules}); this class keeps the names of the table keys the loader treats
 * specially.
 */
public final class DataModelChecks {
  /** The auto scaling block of a table or GSI (TEAM.md decision 2). */
  public static final String AUTO_SCALING = DataModelRules.AUTO_SCALING;

  /** Point-in-time recovery of a table (applied with UpdateContinuousBackups). */
  public static final String PITR = "PointInTimeRecoverySpecification";

  /** Table keys accepted in the file but not sent to CreateTable. */
  public static final Set<String> NON_CREATE_TABLE_KEYS = Set.of("TimeToLiveSpecification", AUTO_SCALING, PITR);

  private DataModelChecks() {}

  public static List<Diagnostic> check(JsonDocument doc) {
    return DataModelRules.check(doc);
  }
}
