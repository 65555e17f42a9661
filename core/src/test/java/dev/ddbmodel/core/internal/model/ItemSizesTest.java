package dev.ddbmodel.core.internal.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ddbmodel.core.json.Json;
import org.junit.jupiter.api.Test;

/**
 * Each value type's size rule of {@link ItemSizes} with concrete byte counts (the same rules
 * {@code ItemSizeLocalIT} checks against DynamoDB Local at 400 KB).
 */
class ItemSizesTest {
  static long value(String json) {
    return ItemSizes.value(Json.parseTrusted(json));
  }

  @Test
  void stringsCountTheirUtf8Bytes() {
    assertThat(value("{\"S\": \"abc\"}")).isEqualTo(3);
    assertThat(value("{\"S\": \"d\u00e9f\"}")).isEqualTo(4);
    assertThat(value("{\"S\": \"\ud83d\ude00\"}")).isEqualTo(4);
    assertThat(value("{\"S\": \"\"}")).isZero();
  }

  @Test
  void binaryCountsTheDecodedBytes() {
    assertThat(value("{\"B\": \"AAECAwQFBgc=\"}")).isEqualTo(8);
    assertThat(value("{\"B\": \"not base64!\"}")).isZero();
  }

  @Test
  void booleansAndNullsAreOneByte() {
    assertThat(value("{\"BOOL\": false}")).isEqualTo(1);
    assertThat(value("{\"NULL\": true}")).isEqualTo(1);
  }

  @Test
  void mapsAndListsAddThreeBytesAndOnePerElement() {
    assertThat(value("{\"M\": {}}")).isEqualTo(3);
    assertThat(value("{\"L\": []}")).isEqualTo(3);
    // 3 + (1 + "ab" 2 + "xyz" 3) + (1 + "c" 1 + BOOL 1)
    assertThat(value("{\"M\": {\"ab\": {\"S\": \"xyz\"}, \"c\": {\"BOOL\": true}}}")).isEqualTo(12);
    // 3 + (1 + "xyz" 3) + (1 + N "12" 2)
    assertThat(value("{\"L\": [{\"S\": \"xyz\"}, {\"N\": \"12\"}]}")).isEqualTo(10);
    assertThat(value("{\"L\": [{\"L\": [{\"NULL\": true}]}]}")).isEqualTo(3 + 1 + (3 + 1 + 1));
  }

  @Test
  void setsAreTheSumOfTheirMembers() {
    assertThat(value("{\"SS\": [\"a\", \"bc\", \"d\u00e9f\"]}")).isEqualTo(1 + 2 + 4);
    assertThat(value("{\"NS\": [\"1\", \"2000\", \"3.25\"]}")).isEqualTo(2 + 2 + 3);
    assertThat(value("{\"BS\": [\"AAE=\", \"AAECAw==\"]}")).isEqualTo(2 + 4);
  }

  @Test
  void numbersCountDigitPairsPlusOneAndOneMoreWhenNegative() {
    assertThat(ItemSizes.number("0")).isEqualTo(1);
    assertThat(ItemSizes.number("7")).isEqualTo(2);
    assertThat(ItemSizes.number("-7")).isEqualTo(3);
    assertThat(ItemSizes.number("99")).isEqualTo(2);
    assertThat(ItemSizes.number("100")).isEqualTo(2);
    assertThat(ItemSizes.number("101")).isEqualTo(3);
    assertThat(ItemSizes.number("0.5")).isEqualTo(2);
    assertThat(ItemSizes.number(" 12 ")).isEqualTo(2);
    assertThat(ItemSizes.number("1" + "0".repeat(37))).isEqualTo(2);
    assertThat(ItemSizes.number("9".repeat(38))).isEqualTo(20);
    assertThat(ItemSizes.number("twelve")).isZero();
  }

  @Test
  void negativeNumbersThatFillAllTwentyDigitPairsCarryNoEndMark() {
    // 21 digits before the point and 17 after: 11 + 9 = 20 pairs, the most 38 digits can span
    String twentyPairs = "324980019170547904030.00088020008971103";
    assertThat(ItemSizes.number(twentyPairs)).isEqualTo(21);
    assertThat(ItemSizes.number("-" + twentyPairs)).isEqualTo(21);
    assertThat(ItemSizes.number("-32498001917054790403000088020008971103E-17")).isEqualTo(21);
    // 38 digits aligned on pairs: 19 pairs, so a negative one still ends with a mark
    assertThat(ItemSizes.number("-" + "7".repeat(38))).isEqualTo(21);
    assertThat(ItemSizes.number("7".repeat(38))).isEqualTo(20);
  }

  @Test
  void anItemIsItsAttributeNamesPlusItsValues() {
    assertThat(ItemSizes.of(Json.parseTrusted("{\"pk\": {\"S\": \"O#1\"}, \"n\u00e9\": {\"N\": \"-12.5\"}}")))
        .isEqualTo(2 + 3 + 3 + (1 + 1 + 1 + 1));
  }

  @Test
  void malformedValuesCountNothing() {
    assertThat(value("{\"S\": 5}")).isZero();
    assertThat(value("{\"N\": 5}")).isZero();
    assertThat(value("{\"B\": 5}")).isZero();
    assertThat(value("{\"X\": \"a\"}")).isZero();
    assertThat(value("{\"S\": \"a\", \"N\": \"1\"}")).isZero();
    assertThat(value("\"plain\"")).isZero();
    assertThat(ItemSizes.value(null)).isZero();
  }
}
