package io.inspectr.core.scan;

import static java.util.Objects.requireNonNull;

import io.inspectr.core.image.ImageReference;
import io.inspectr.core.image.Repository;
import io.inspectr.core.result.DigestCheck;
import io.inspectr.core.result.InspectrResult;
import io.inspectr.core.result.ResultKey;
import io.inspectr.core.result.RunningContainer;
import io.inspectr.core.result.ScanFailure;
import io.inspectr.core.spi.AvailableImageData;
import io.inspectr.core.spi.LookupCredentials;
import io.inspectr.core.spi.RegistryAccessException;
import io.inspectr.core.spi.RepositoryTags;
import io.inspectr.core.version.UpgradeFinder;
import io.inspectr.core.version.Upgrades;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jspecify.annotations.Nullable;

/**
 * Checks running containers against their registries: the scan pipeline of inspectr, usable without
 * Kubernetes, a daemon or a scheduler.
 *
 * <ol>
 *   <li>Ignored containers are dropped; the rest are grouped by {@link ResultKey}, counting pods.
 *   <li>Result keys are grouped by the repository their tags come from, so each repository is
 *       listed once however many pods use it, with up to {@link ScanSettings#concurrency()}
 *       repositories at once.
 *   <li>{@link UpgradeFinder} picks the upgrades of each running tag under its policy.
 *   <li>Tags that are not versions are compared by digest, when the running digest is known: a
 *       multi-platform index is unchanged when the running digest is the index's or one of its
 *       platform manifests'.
 * </ol>
 *
 * <p>A failing repository never stops the scan: its result keys are reported as {@link
 * ScanFailure}s and every other repository is still checked. Thread-safe; one scan at a time per
 * call, any number of calls concurrently.
 *
 * @since 0.1
 */
public final class Scanner {
  private static final Comparator<ResultKey> KEY_ORDER = Comparator.comparing(ResultKey::asString);

  private final AvailableImageData registry;
  private final ScanSettings settings;
  private final CredentialResolver credentials;

  /**
   * Creates a scanner.
   *
   * @param registry where tags and digests come from, never {@code null}
   * @param settings never {@code null}
   * @param credentials the credentials that come with containers, never {@code null}
   */
  public Scanner(
      AvailableImageData registry, ScanSettings settings, CredentialResolver credentials) {
    this.registry = requireNonNull(registry, "registry");
    this.settings = requireNonNull(settings, "settings");
    this.credentials = requireNonNull(credentials, "credentials");
  }

  /**
   * Scans containers.
   *
   * @param containers the running containers, never {@code null}
   * @return a result per result key that could be checked, and the failures
   */
  public ScanResult scan(Collection<RunningContainer> containers) {
    Map<ResultKey, KeyGroup> groups = new LinkedHashMap<>();
    for (RunningContainer container : containers) {
      if (!container.policy().ignored()) {
        groups.computeIfAbsent(container.resultKey(), k -> new KeyGroup()).add(container);
      }
    }
    Map<Repository, List<KeyGroup>> byRepository = new LinkedHashMap<>();
    for (KeyGroup group : groups.values()) {
      byRepository
          .computeIfAbsent(group.representative().lookupRepository(), r -> new ArrayList<>())
          .add(group);
    }

    List<InspectrResult> results = new ArrayList<>();
    List<ScanFailure> failures = new ArrayList<>();
    if (!byRepository.isEmpty()) {
      int threads = Math.min(settings.concurrency(), byRepository.size());
      ExecutorService executor = Executors.newFixedThreadPool(threads, Scanner::daemonThread);
      try {
        Map<Repository, Future<RepositoryOutcome>> futures = new LinkedHashMap<>();
        byRepository.forEach(
            (repository, keyGroups) ->
                futures.put(
                    repository, executor.submit(() -> checkRepository(repository, keyGroups))));
        futures.forEach(
            (repository, future) -> {
              RepositoryOutcome outcome = await(repository, future);
              results.addAll(outcome.results());
              failures.addAll(outcome.failures());
            });
      } finally {
        executor.shutdownNow();
      }
    }
    results.sort(Comparator.comparing(InspectrResult::key, KEY_ORDER));
    return new ScanResult(results, failures);
  }

  private static RepositoryOutcome await(Repository repository, Future<RepositoryOutcome> future) {
    try {
      return future.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("The scan was interrupted", e);
    } catch (ExecutionException e) {
      // checkRepository reports failures itself; this is the last line that keeps one repository
      // from stopping the scan whatever happened.
      return new RepositoryOutcome(
          List.of(), List.of(new ScanFailure(repository.toString(), unexpected(e.getCause()))));
    }
  }

  private static String unexpected(Throwable e) {
    return "unexpected " + e.getClass().getSimpleName() + ": " + e.getMessage();
  }

  private RepositoryOutcome checkRepository(Repository repository, List<KeyGroup> groups) {
    LookupCredentials lookupCredentials = credentialsOf(groups);
    List<InspectrResult> results = new ArrayList<>();
    List<ScanFailure> failures = new ArrayList<>();

    boolean needsTags = groups.stream().anyMatch(KeyGroup::runsVersion);
    RepositoryTags tags = null;
    if (needsTags) {
      try {
        tags = registry.tags(repository, lookupCredentials);
      } catch (RegistryAccessException e) {
        failures.add(new ScanFailure(repository + " (" + describe(groups) + ")", e.getMessage()));
      } catch (RuntimeException e) {
        // A registry implementation must not throw unchecked exceptions; if one does, only this
        // repository suffers.
        failures.add(new ScanFailure(repository + " (" + describe(groups) + ")", unexpected(e)));
      }
    }
    DigestComparer digests = new DigestComparer(registry, repository, lookupCredentials);
    for (KeyGroup group : groups) {
      RunningContainer running = group.representative();
      String tag = running.image().tag().orElse(null);
      Upgrades upgrades;
      if (group.runsVersion()) {
        if (tags == null) {
          continue; // reported above, once for the repository
        }
        try {
          upgrades = UpgradeFinder.find(tag, tags.tags(), running.policy().upgradePolicy());
        } catch (IllegalArgumentException e) {
          // A policy pattern that backtracks forever (RegexTimeoutException) fails its own key.
          failures.add(new ScanFailure(running.resultKey().toString(), e.getMessage()));
          continue;
        }
      } else {
        upgrades = Upgrades.notVersioned(tag);
      }
      DigestCheck digestCheck = DigestCheck.notChecked();
      if (!group.runsVersion() && tag != null && settings.checkDigests()) {
        try {
          digestCheck = digests.check(tag, running.runningDigest());
        } catch (RegistryAccessException e) {
          failures.add(new ScanFailure(running.resultKey().toString(), e.getMessage()));
          digestCheck = DigestCheck.unknown();
        } catch (RuntimeException e) {
          failures.add(new ScanFailure(running.resultKey().toString(), unexpected(e)));
          digestCheck = DigestCheck.unknown();
        }
      }
      results.add(
          new InspectrResult(
              running.resultKey(),
              running.image(),
              running.runningDigest(),
              group.pods(),
              group.init(),
              upgrades,
              digestCheck,
              group.warnings()));
    }
    return new RepositoryOutcome(results, failures);
  }

  /**
   * The credentials of every container of the repository. A resolver that throws (it must not) only
   * costs the credentials of that container.
   */
  private LookupCredentials credentialsOf(List<KeyGroup> groups) {
    Set<io.inspectr.core.config.Secret> configs = new LinkedHashSet<>();
    for (KeyGroup group : groups) {
      for (RunningContainer container : group.containers) {
        try {
          configs.addAll(credentials.credentialsFor(container).dockerConfigs());
        } catch (RuntimeException e) {
          // Looked up with the registry layer's own credentials instead.
        }
      }
    }
    return configs.isEmpty()
        ? LookupCredentials.none()
        : new LookupCredentials(List.copyOf(configs));
  }

  private static String describe(List<KeyGroup> groups) {
    int count = groups.size();
    return count == 1
        ? groups.get(0).representative().resultKey().toString()
        : count + " workloads, e.g. " + groups.get(0).representative().resultKey();
  }

  private static Thread daemonThread(Runnable task) {
    Thread thread = new Thread(task, "inspectr-scan");
    thread.setDaemon(true);
    return thread;
  }

  /** The containers of one result key. */
  private static final class KeyGroup {
    private final List<RunningContainer> containers = new ArrayList<>();
    private @Nullable RunningContainer representative;

    void add(RunningContainer container) {
      containers.add(container);
      representative = null;
    }

    int pods() {
      return (int) containers.stream().map(RunningContainer::pod).distinct().count();
    }

    boolean init() {
      return containers.stream().anyMatch(RunningContainer::init);
    }

    List<String> warnings() {
      Set<String> all = new LinkedHashSet<>();
      containers.forEach(c -> all.addAll(c.policy().warnings()));
      return List.copyOf(all);
    }

    /**
     * The container whose image most pods run: during a rollout a workload runs two tags, and the
     * result is about the one most of its pods run (the first seen on a tie).
     */
    RunningContainer representative() {
      if (representative == null) {
        representative = mostRun();
      }
      return representative;
    }

    private RunningContainer mostRun() {
      Map<ImageReference, Integer> counts = new LinkedHashMap<>();
      containers.forEach(c -> counts.merge(c.image(), 1, Integer::sum));
      ImageReference most =
          counts.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
      return containers.stream().filter(c -> c.image().equals(most)).findFirst().orElseThrow();
    }

    boolean runsVersion() {
      RunningContainer running = representative();
      String tag = running.image().tag().orElse(null);
      return tag != null && running.policy().upgradePolicy().scheme().parse(tag).isPresent();
    }
  }

  private record RepositoryOutcome(List<InspectrResult> results, List<ScanFailure> failures) {}
}
