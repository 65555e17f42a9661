package dev.ddbmodel.validation.internal.run;

import dev.ddbmodel.core.Diagnostic;
import dev.ddbmodel.core.SourceLocation;
import dev.ddbmodel.core.AccessPatternSpec;
import dev.ddbmodel.core.DataModel;
import dev.ddbmodel.validation.internal.awscli.AwsCliCommand;
import java.util.List;

/** Entry point to the static design checks for the runner (internal API). */
public final class StaticChecksAccess {
  private StaticChecksAccess() {}

  public static List<Diagnostic> check(DataModel model, AccessPatternSpec ap, AwsCliCommand cmd, SourceLocation where) {
    return StaticChecks.check(model, ap, cmd, where);
  }
}
