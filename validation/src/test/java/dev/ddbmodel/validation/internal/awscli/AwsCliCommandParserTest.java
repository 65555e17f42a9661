package dev.ddbmodel.validation.internal.awscli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ddbmodel.core.Diagnostic;
import dev.ddbmodel.core.Validated;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AwsCliCommandParserTest {

  static Validated<AwsCliCommand> parse(String s) {
    return AwsCliCommandParser.parse(s);
  }

  @Test
  void parsesQuotedJsonBooleansAndIntegers() {
    AwsCliCommand c = parse("aws dynamodb query --table-name Orders --index-name ByCustomer "
        + "--key-condition-expression '#c = :c AND begins_with(#d, :p)' "
        + "--expression-attribute-names '{\"#c\":\"customer_id\",\"#d\":\"date\"}' "
        + "--expression-attribute-values '{\":c\":{\"S\":\"C1\"},\":p\":{\"S\":\"2025\"}}' "
        + "--no-scan-index-forward --max-items 5 --region us-west-2").unwrap();
    assertThat(c.subcommand()).isEqualTo("query");
    assertThat(c.operation()).isEqualTo("Query");
    assertThat(c.tableName()).contains("Orders");
    assertThat(c.string("key-condition-expression")).contains("#c = :c AND begins_with(#d, :p)");
    assertThat(c.json("expression-attribute-values").orElseThrow().path(":c").path("S").asText()).isEqualTo("C1");
    assertThat(c.bool("scan-index-forward")).contains(false);
    assertThat(c.integer("max-items")).contains(5);
    assertThat(c.notes()).singleElement().asString().contains("--region");
  }

  @Test
  void acceptsDoubleQuotesEqualsFormAndShorthand() {
    AwsCliCommand c = parse("aws dynamodb get-item --table-name=Users --key pk={S=USER#1},sk={S=PROFILE} "
        + "--projection-expression \"#n, #e\" --expression-attribute-names '#n=name,#e=email' --consistent-read").unwrap();
    assertThat(c.json("key").orElseThrow().path("sk").path("S").asText()).isEqualTo("PROFILE");
    assertThat(c.json("expression-attribute-names").orElseThrow().path("#e").asText()).isEqualTo("email");
    assertThat(c.string("projection-expression")).contains("#n, #e");
    assertThat(c.bool("consistent-read")).contains(true);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '§', textBlock = """
      pipe                 § aws dynamodb scan --table-name T | jq .           § Command.Shell
      and-and              § aws dynamodb scan --table-name T && rm -rf /      § Command.Shell
      semicolon            § aws dynamodb scan --table-name T; echo hi         § Command.Shell
      backticks            § aws dynamodb scan --table-name `whoami`           § Command.Shell
      dollar-paren         § aws dynamodb scan --table-name $(whoami)          § Command.Shell
      variable             § aws dynamodb scan --table-name $TABLE             § Command.Shell
      dollar in dquotes    § aws dynamodb scan --table-name "$TABLE"           § Command.Shell
      redirect             § aws dynamodb scan --table-name T > out.json       § Command.Shell
      unterminated         § aws dynamodb scan --table-name 'T                 § Command.Shell
      not aws              § python -c 'print(1)'                              § Command.NotDynamoDb
      other service        § aws s3 ls                                         § Command.NotDynamoDb
      no subcommand        § aws dynamodb --table-name T                       § Command.MissingSubcommand
      typo subcommand      § aws dynamodb querry --table-name T                § Command.UnknownSubcommand
      endpoint override    § aws dynamodb scan --table-name T --endpoint-url http://evil.example § Command.RefusedOption
      profile override     § aws dynamodb scan --table-name T --profile prod   § Command.RefusedOption
      jmespath             § aws dynamodb scan --table-name T --query Items    § Command.RefusedOption
      unknown flag         § aws dynamodb scan --table-name T --filter-expresion x § Command.UnknownOption
      table on batch       § aws dynamodb batch-get-item --table-name T --request-items '{}' § Command.UnknownOption
      missing value        § aws dynamodb scan --table-name                    § Command.MissingValue
      missing required     § aws dynamodb get-item --table-name T              § Command.MissingOption
      bad json             § aws dynamodb get-item --table-name T --key '{"pk":{"S":"1"}' § Command.BadJson
      python booleans      § aws dynamodb put-item --table-name T --item '{"b":{"BOOL":True}}' § Command.BadJson
      bad attribute type   § aws dynamodb get-item --table-name T --key '{"pk":{"X":"1"}}' § Command.BadAttributeValue
      string bool          § aws dynamodb put-item --table-name T --item '{"b":{"BOOL":"true"}}' § Command.BadAttributeValue
      bad number           § aws dynamodb put-item --table-name T --item '{"n":{"N":"ten"}}' § Command.BadAttributeValue
      bad enum             § aws dynamodb query --table-name T --key-condition-expression 'a = :a' --select EVERYTHING § Command.BadValue
      bad integer          § aws dynamodb scan --table-name T --limit -3       § Command.BadValue
      duplicate flag       § aws dynamodb scan --table-name T --table-name U   § Command.DuplicateOption
      stray argument       § aws dynamodb scan T                               § Command.UnexpectedArgument
      segment alone        § aws dynamodb scan --table-name T --segment 1      § Command.ParallelScan
      switch with value    § aws dynamodb scan --table-name T --consistent-read=yes § Command.BadValue
      empty                § '   '                                             § Command.Empty
      """)
  void refusesMalformedCommands(String name, String command, String id) {
    Validated<AwsCliCommand> r = parse(command);
    assertThat(r.isValid()).as(name).isFalse();
    assertThat(r.errors()).as(name).extracting(Diagnostic::id).contains(id);
    assertThat(r.errors()).as(name).allSatisfy(d -> assertThat(d.hint()).isNotBlank());
  }

  @Test
  void didYouMeanForOptions() {
    Diagnostic d = parse("aws dynamodb scan --table-name T --filter-expresion x").errors().get(0);
    assertThat(d.hint()).isEqualTo("did you mean `--filter-expression`?");
    assertThat(parse("aws dynamodb querry").errors().get(0).hint()).isEqualTo("did you mean `query`?");
  }

  @Test
  void reportsAllProblemsOfACommandAtOnce() {
    var r = parse("aws dynamodb put-item --profile x --itemm '{}' --return-values EVERYTHING");
    assertThat(r.errors()).extracting(Diagnostic::id)
        .containsExactlyInAnyOrder("Command.RefusedOption", "Command.UnknownOption", "Command.BadValue", "Command.MissingOption", "Command.MissingOption");
  }

  @Test
  void operatorsInsideQuotesAreData() {
    AwsCliCommand c = parse("aws dynamodb scan --table-name T --filter-expression 'a < :x OR b > :y' "
        + "--expression-attribute-values '{\":x\":{\"S\":\"a|b;c&d$e`f\"},\":y\":{\"N\":\"1\"}}'").unwrap();
    assertThat(c.json("expression-attribute-values").orElseThrow().path(":x").path("S").asText()).isEqualTo("a|b;c&d$e`f");
  }

  /** Issue 22: awscli global options before the subcommand are refused or ignored as such, not "no subcommand". */
  @Test
  void globalOptionsBeforeTheSubcommand() {
    Validated<AwsCliCommand> refused = AwsCliCommandParser.parse(
        "aws --endpoint-url http://localhost:8000 dynamodb query --table-name T --key-condition-expression \"pk = :p\""
            + " --expression-attribute-values '{\":p\": {\"S\": \"a\"}}'");
    assertThat(refused.errors()).extracting(Diagnostic::id).containsExactly("Command.RefusedOption");
    Validated<AwsCliCommand> between = AwsCliCommandParser.parse("aws dynamodb --endpoint-url x query --table-name T");
    assertThat(between.errors()).extracting(Diagnostic::id).contains("Command.RefusedOption").doesNotContain("Command.MissingSubcommand");
    Validated<AwsCliCommand> region = AwsCliCommandParser.parse("aws --region us-east-1 --no-cli-pager dynamodb get-item --table-name T --key '{\"pk\": {\"S\": \"a\"}}'");
    assertThat(region.isValid()).as("%s", region.diagnostics()).isTrue();
    assertThat(region.unwrap().subcommand()).isEqualTo("get-item");
    assertThat(AwsCliCommandParser.parse("aws dynamodb --table-name T").errors()).extracting(Diagnostic::id).containsExactly("Command.MissingSubcommand");
  }
}
