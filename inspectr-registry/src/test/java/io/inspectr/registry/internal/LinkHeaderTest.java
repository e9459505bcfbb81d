package io.inspectr.registry.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

class LinkHeaderTest {
  private static final URI REQUEST = URI.create("https://r.example/v2/a/tags/list?n=100");

  @Test
  void resolvesARelativeTargetAgainstTheRequest() {
    assertThat(LinkHeader.next(List.of("</v2/a/tags/list?last=x&n=100>; rel=\"next\""), REQUEST))
        .contains(URI.create("https://r.example/v2/a/tags/list?last=x&n=100"));
  }

  @Test
  void takesAnAbsoluteTargetWithAnOpaqueCursorAsItIs() {
    String target = "https://quay.io/v2/ns/repo/tags/list?n=100&next_page=gAAA%3D%3D";
    assertThat(LinkHeader.next(List.of("<" + target + ">; rel=next"), REQUEST))
        .contains(URI.create(target));
  }

  @Test
  void picksTheNextLinkAmongOthers() {
    assertThat(
            LinkHeader.next(
                List.of("</first>; rel=\"first\", </second>; rel=\"prev next\""), REQUEST))
        .contains(URI.create("https://r.example/second"));
  }

  @Test
  void findsNoneWithoutANextRelation() {
    assertThat(LinkHeader.next(List.of("</x>; rel=\"prev\""), REQUEST)).isEmpty();
    assertThat(LinkHeader.next(List.of(), REQUEST)).isEmpty();
  }
}
