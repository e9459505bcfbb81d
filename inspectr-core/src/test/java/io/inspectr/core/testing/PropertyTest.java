package io.inspectr.core.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PropertyTest {

  @Test
  void namesTheFailingInputAndTheSeed() {
    assertThatThrownBy(
            () -> Property.forAll(100, r -> r.nextInt(10), n -> assertThat(n).isLessThan(9)))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("for input: 9")
        .hasMessageContaining("seed ");
  }

  @Test
  void runsEveryTryAndIsRepeatable() {
    List<Integer> first = new ArrayList<>();
    List<Integer> second = new ArrayList<>();

    Property.forAll(50, r -> r.nextInt(), first::add);
    Property.forAll(50, r -> r.nextInt(), second::add);

    assertThat(first).hasSize(50).isEqualTo(second);
  }
}
