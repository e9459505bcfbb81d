package io.inspectr.registry.ecr;

import io.inspectr.core.config.ConfigReader;
import io.inspectr.core.config.Secret;
import io.inspectr.core.image.Repository;
import io.inspectr.registry.OciRegistryProvider;
import io.inspectr.registry.RegistryFlavor;
import io.inspectr.registry.StaticCredential;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Amazon ECR ({@code <account>.dkr.ecr.<region>.amazonaws.com}). ECR answers with a Basic
 * challenge: the credential is user {@code AWS} with the password of {@code aws ecr
 * get-login-password}, configured as {@code ecr.password}, or the {@code authorizationToken} of
 * {@code GetAuthorizationToken} (base64 of {@code AWS:<password>}) as {@code
 * ecr.authorization-token}. Tokens live 12 hours; whoever configures them renews them. Pages hold
 * at most 1000 tags ({@code n} above that is refused) with opaque cursors. Stateless.
 *
 * @since 0.1
 */
public final class EcrProvider extends OciRegistryProvider {
  /** The provider id. */
  public static final String ID = "ecr";

  /** The hosts ECR credentials are for, unless {@code ecr.registry} names one. */
  public static final String ALL_ECR_HOSTS = "*.dkr.ecr.*.amazonaws.com";

  private static final Pattern HOST =
      Pattern.compile("[0-9]{12}\\.dkr\\.ecr(-fips)?\\.[a-z0-9-]+\\.amazonaws\\.com(\\.cn)?");

  private static final RegistryFlavor FLAVOR = new RegistryFlavor() {};

  /** For ServiceLoader. */
  public EcrProvider() {}

  @Override
  public String id() {
    return ID;
  }

  /** Private ECR registries. */
  @Override
  public boolean supports(Repository repository) {
    return HOST.matcher(repository.domain()).matches();
  }

  @Override
  protected RegistryFlavor flavor() {
    return FLAVOR;
  }

  /** {@code ecr.password} or {@code ecr.authorization-token}, for {@code ecr.registry}. */
  @Override
  protected List<StaticCredential> providerCredentials(ConfigReader own) {
    String registry = own.optional("registry").orElse(ALL_ECR_HOSTS);
    Optional<Secret> password = own.secret("password");
    Optional<Secret> token = own.secret("authorization-token");
    if (password.isPresent() && token.isPresent()) {
      own.problem("authorization-token", Secret.MASK, "it must not be set together with password");
      return List.of();
    }
    if (password.isPresent()) {
      return List.of(new StaticCredential(registry, "AWS", password.get()));
    }
    if (token.isPresent()) {
      String decoded;
      try {
        decoded =
            new String(Base64.getDecoder().decode(token.get().reveal()), StandardCharsets.UTF_8);
      } catch (IllegalArgumentException e) {
        decoded = "";
      }
      int colon = decoded.indexOf(':');
      if (colon <= 0) {
        own.problem(
            "authorization-token",
            Secret.MASK,
            "it must be base64 of AWS:<password>, as ECR sends it");
        return List.of();
      }
      return List.of(
          new StaticCredential(
              registry, decoded.substring(0, colon), Secret.of(decoded.substring(colon + 1))));
    }
    return List.of();
  }
}
