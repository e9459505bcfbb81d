package io.inspectr.core.version;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Patterns from annotations must not hang a scan, however they backtrack. */
class RegexBudgetTest {
  private static final String CATASTROPHIC = "(.*a){12}b";
  private static final String TAG = "a".repeat(40);

  @Test
  void aBacktrackingTagPatternEndsWithATypedError() {
    // Only versions reach the patterns, so the long run of 'a's rides in the channel suffix.
    List<String> tags = List.of("1.1-" + TAG);

    for (UpgradePolicy policy :
        List.of(
            UpgradePolicy.defaults().withIncludeTags(CATASTROPHIC),
            UpgradePolicy.defaults().withExcludeTags(CATASTROPHIC))) {
      assertThatThrownBy(
              () -> UpgradeFinder.find("1.0-" + TAG, tags, policy, Duration.ofMillis(50)))
          .isInstanceOf(RegexTimeoutException.class)
          .hasMessageContaining(CATASTROPHIC)
          .hasMessageContaining("simplify it");
    }
  }

  @Test
  void aBacktrackingRegexSchemeEndsWithATypedError() {
    VersionScheme scheme = VersionScheme.of("regex:^(?<major>\\d+)-(.*a){12}b$");
    UpgradePolicy policy = UpgradePolicy.defaults().withScheme(scheme);

    assertThatThrownBy(() -> scheme.parse("1-" + TAG)).isInstanceOf(RegexTimeoutException.class);
    assertThatThrownBy(
            () ->
                UpgradeFinder.find(
                    "1-" + "a".repeat(12) + "b",
                    List.of("2-" + TAG),
                    policy,
                    Duration.ofMillis(50)))
        .isInstanceOf(RegexTimeoutException.class);
  }

  @Test
  void saneUserPatternsStillMatch() {
    UpgradePolicy policy =
        UpgradePolicy.defaults().withIncludeTags("^1\\.").withExcludeTags("rc|beta");

    assertThat(UpgradeFinder.find("1.0", List.of("1.1", "1.2rc1", "2.0"), policy).upgrades())
        .containsExactly("1.1");
  }
}
