package dev.ddbmodel.adapter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ddbmodel.core.testing.StringAttacks;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 17 item 1: a hostile database name never reaches the SQL file. */
class AnalyzeInjectionTest {
  @TempDir Path tmp;

  @Test
  void newlineInTheDatabaseWritesNoFileAndExits2() {
    CliTestSupport.Run r = CliTestSupport.run("analyze", "queries", "--db", "mysql", "--database", "shop\nDROP DATABASE victim; -- ",
        "--output-dir", tmp.toString(), "--out", tmp.resolve("q.sql").toString());
    assertThat(r.exit()).as(r.out() + r.err()).isEqualTo(ExitCodes.USAGE);
    assertThat(r.out() + r.err()).contains("Analyzer.InvalidValue").contains("U+000A").doesNotContain("shop\nDROP");
    assertThat(tmp.resolve("q.sql")).doesNotExist();
  }

  @Test
  void everyAttackIsRefusedWithExit2OrWrittenQuoted() throws Exception {
    int i = 0;
    for (var a : StringAttacks.all()) {
      for (String db : new String[] {"mysql", "postgresql"}) {
        Path q = tmp.resolve("q" + i++ + ".sql");
        CliTestSupport.Run r = CliTestSupport.run("analyze", "queries", "--db", db, "--database", a.value(), "--output-dir", tmp.toString(),
            "--out", q.toString());
        if (r.exit() == ExitCodes.OK) {
          assertThat(Files.readString(q)).startsWith("-- READ-ONLY");
        } else {
          assertThat(r.exit()).as(a + " " + db + ": " + r.out() + r.err()).isEqualTo(ExitCodes.USAGE);
          assertThat(q).doesNotExist();
        }
      }
    }
  }
}
