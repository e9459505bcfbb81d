package io.inspectr.app.cli;

import io.inspectr.core.config.InvalidConfigurationException;
import io.inspectr.core.image.Digest;
import io.inspectr.core.image.ImageReference;
import io.inspectr.core.image.InvalidImageReferenceException;
import io.inspectr.core.version.Pin;
import io.inspectr.core.version.RegexTimeoutException;
import io.inspectr.core.version.UpgradeFinder;
import io.inspectr.core.version.UpgradePolicy;
import io.inspectr.core.version.VersionScheme;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code inspectr check IMAGE...}: how inspectr reads each image and which upgrades it would
 * report. One bad image does not stop the others; it is reported in its place.
 */
@Command(
    name = "check",
    mixinStandardHelpOptions = true,
    description = {
      "Shows how inspectr reads IMAGE and which upgrades it would report.",
      "Tags come from the registry (credentials from the docker config.json and",
      "INSPECTR_REGISTRY_* variables), or offline from --tags-file (one a line)."
    })
final class CheckCommand implements Callable<Integer> {

  /** Output formats. */
  enum Output {
    text,
    json
  }

  @Parameters(
      arity = "1..*",
      paramLabel = "IMAGE",
      description = "Image references, e.g. nginx:1.25.3-alpine.")
  private List<String> images;

  @Option(
      names = "--tags-file",
      paramLabel = "FILE",
      description = "A file with the repository's tags, one a line, instead of the registry.")
  private @Nullable Path tagsFile;

  @Option(
      names = "--running-digest",
      paramLabel = "DIGEST",
      description = {
        "The digest that runs (sha256:...): a mutable tag is compared with what the registry",
        "serves now; JSON gets \"digest_changed\"."
      })
  private @Nullable String runningDigest;

  @CommandLine.ParentCommand private InspectrCommand parent;

  @Option(
      names = "--output",
      paramLabel = "FORMAT",
      defaultValue = "text",
      description = "text (a table) or json. Default: ${DEFAULT-VALUE}.")
  private Output output;

  @Option(
      names = "--scheme",
      paramLabel = "SCHEME",
      defaultValue = "docker",
      description = "docker (default), semver, or regex:<pattern> with named groups.")
  private String scheme;

  @Option(
      names = "--pin",
      paramLabel = "major|minor",
      description = "Keep the major (or major and minor) part.")
  private String pin;

  @Option(names = "--include-tags", paramLabel = "REGEX", description = "Only tags matching this.")
  private String includeTags;

  @Option(names = "--exclude-tags", paramLabel = "REGEX", description = "Never tags matching this.")
  private String excludeTags;

  @Option(names = "--allow-prerelease", description = "Offer pre-releases to stable tags too.")
  private boolean allowPreRelease;

  @CommandLine.Spec private CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    UpgradePolicy policy;
    Digest running;
    try {
      policy = policy();
      running = runningDigest == null ? null : Digest.parse(runningDigest);
    } catch (IllegalArgumentException e) {
      spec.commandLine().getErr().println("inspectr check: " + e.getMessage());
      return InspectrCommand.EXIT_USAGE;
    }
    List<ImageCheck> checks = new ArrayList<>();
    if (tagsFile != null) {
      TagSource tagSource = new TagsFile(tagsFile);
      for (String input : images) {
        checks.add(check(input, tagSource, policy));
      }
    } else {
      RegistryTagSource registry;
      try {
        registry = RegistryTagSource.load(parent.environment());
      } catch (InvalidConfigurationException e) {
        spec.commandLine().getErr().println("inspectr check: " + e.getMessage());
        return InspectrCommand.EXIT_USAGE;
      }
      try (registry) {
        for (String input : images) {
          checks.add(compared(check(input, registry, policy), registry, running));
        }
      }
    }
    if (output == Output.json) {
      spec.commandLine().getOut().println(CheckJson.render(checks, running != null));
    } else {
      CheckTable.render(checks, spec.commandLine().getOut(), spec.commandLine().getErr());
    }
    spec.commandLine().getOut().flush();
    return exitCode(checks);
  }

  /** Adds the digest comparison of a mutable tag; versioned tags are compared by version. */
  private static ImageCheck compared(
      ImageCheck check, RegistryTagSource registry, @Nullable Digest running) {
    if (running == null
        || check.error() != null
        || check.upgrades().versioned()
        || check.reference().tag().isEmpty()) {
      return check;
    }
    try {
      RegistryTagSource.DigestComparison c = registry.compare(check.reference(), running);
      return check.withDigestComparison(c.changed(), c.current());
    } catch (TagSource.TagLookupException e) {
      return ImageCheck.failed(check.input(), check.reference(), e.getMessage());
    }
  }

  private UpgradePolicy policy() {
    UpgradePolicy policy =
        UpgradePolicy.defaults()
            .withScheme(VersionScheme.of(scheme))
            .withIncludeTags(includeTags)
            .withExcludeTags(excludeTags)
            .withAllowPreRelease(allowPreRelease);
    return pin == null ? policy : policy.withPin(Pin.parse(pin));
  }

  static ImageCheck check(String input, TagSource tagSource, UpgradePolicy policy) {
    ImageReference reference;
    try {
      reference = ImageReference.parse(input);
    } catch (InvalidImageReferenceException e) {
      return ImageCheck.invalidInput(input, null, e.getMessage());
    }
    try {
      List<String> tags = tagSource.tags(reference);
      return ImageCheck.found(
          input, reference, UpgradeFinder.find(reference.tag().orElse(null), tags, policy));
    } catch (TagSource.TagLookupException e) {
      return e.isUsageError()
          ? ImageCheck.invalidInput(input, reference, e.getMessage())
          : ImageCheck.failed(input, reference, e.getMessage());
    } catch (RegexTimeoutException e) {
      return ImageCheck.invalidInput(input, reference, e.getMessage());
    }
  }

  private static int exitCode(List<ImageCheck> checks) {
    if (checks.stream().anyMatch(c -> c.error() != null && c.usageError())) {
      return InspectrCommand.EXIT_USAGE;
    }
    if (checks.stream().anyMatch(c -> c.error() != null)) {
      return InspectrCommand.EXIT_FAILURE;
    }
    return InspectrCommand.EXIT_OK;
  }
}
