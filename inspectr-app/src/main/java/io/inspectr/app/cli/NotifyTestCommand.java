package io.inspectr.app.cli;

import io.inspectr.app.config.ConfigSources;
import io.inspectr.app.config.Notifiers;
import io.inspectr.app.config.YamlConfigFile;
import io.inspectr.core.config.InvalidConfigurationException;
import io.inspectr.core.config.PluginConfig;
import io.inspectr.core.config.Secret;
import io.inspectr.core.result.Report;
import io.inspectr.core.spi.NotificationException;
import io.inspectr.core.spi.Notifier;
import io.inspectr.core.spi.NotifierProvider;
import java.io.PrintWriter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code inspectr notify-test}: sends one test message through every configured notifier and says
 * which succeeded. Exit 0 when all did, 3 when one failed, 2 when the configuration is wrong (every
 * problem listed) or names no notifier. A notifier that fails with an unexpected exception is
 * reported as failed (its configured values masked in the message) and the others are still tested;
 * every notifier is closed.
 */
@Command(
    name = "notify-test",
    mixinStandardHelpOptions = true,
    description = {
      "Sends one test message through every configured notifier and says which succeeded.",
      "JIRA only checks the sign-in, the project, the issue type and the fields."
    })
final class NotifyTestCommand implements Callable<Integer> {
  /** Configured values shorter than this are not masked: they would mask ordinary words. */
  private static final int MIN_MASKED = 4;

  static final String HINT =
      "set INSPECTR_SLACK_WEBHOOK_ID or INSPECTR_SLACK_WEBHOOK_URL, INSPECTR_JIRA_URL and"
          + " INSPECTR_JIRA_PARAMS, INSPECTR_NOTIFY_WEBHOOK_URL or INSPECTR_NOTIFY_LOG_ENABLED=true"
          + " (docs/notifiers.md lists every key)";

  @Option(
      names = "--config",
      paramLabel = "FILE",
      description = "A YAML configuration file; environment variables win over it.")
  private Path configFile;

  @CommandLine.Spec private CommandLine.Model.CommandSpec spec;

  @CommandLine.ParentCommand private InspectrCommand parent;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Map<String, Notifier> notifiers;
    Map<String, NotifierProvider> providers;
    ConfigSources config;
    try {
      providers = Notifiers.providers(NotifyTestCommand.class.getClassLoader());
      config =
          ConfigSources.of(
              configFile == null ? Map.of() : YamlConfigFile.read(configFile),
              parent.environment(),
              Map.of("notify", providers.keySet()));
      notifiers = Notifiers.createConfigured(providers, config);
    } catch (InvalidConfigurationException e) {
      err.println("inspectr notify-test: " + e.getMessage());
      return InspectrCommand.EXIT_USAGE;
    }
    if (notifiers.isEmpty()) {
      err.println(
          "inspectr notify-test: no notifier is configured (found "
              + String.join(", ", providers.keySet())
              + "); "
              + HINT);
      return InspectrCommand.EXIT_USAGE;
    }
    Report test = new Report(Report.Kind.TEST, Clock.systemUTC().instant(), List.of(), List.of());
    int succeeded = 0;
    for (Map.Entry<String, Notifier> entry : notifiers.entrySet()) {
      String id = entry.getKey();
      Notifier notifier = entry.getValue();
      try {
        notifier.deliver(test);
        out.printf("%-12s ok%n", id);
        succeeded++;
      } catch (NotificationException e) {
        String message = e.getMessage();
        String reason =
            message.startsWith(id + ": ") ? message.substring(id.length() + 2) : message;
        out.printf("%-12s failed%s: %s%n", id, e.isRetryable() ? " (may work later)" : "", reason);
      } catch (RuntimeException e) {
        // A bug in the notifier: the others are still tested. Its message may hold configured
        // secrets, which are masked.
        out.printf("%-12s failed: unexpected %s%n", id, describe(e, Notifiers.view(config, id)));
      } finally {
        close(id, notifier, err);
      }
    }
    out.printf("%d of %d notifiers succeeded.%n", succeeded, notifiers.size());
    out.flush();
    return succeeded == notifiers.size() ? InspectrCommand.EXIT_OK : InspectrCommand.EXIT_FAILURE;
  }

  private static void close(String id, Notifier notifier, PrintWriter err) {
    try {
      notifier.close();
    } catch (RuntimeException e) {
      err.printf("inspectr notify-test: could not close %s: %s%n", id, e.getClass().getName());
    }
  }

  /**
   * An unexpected exception of a notifier for the output: its type and message, with every value
   * configured for that notifier masked (a careless message may echo a token or a webhook URL).
   */
  static String describe(RuntimeException error, PluginConfig config) {
    String message = error.getMessage() == null ? "" : error.getMessage();
    List<String> secrets = new ArrayList<>();
    for (String key : config.keys()) {
      String value = config.find(key).orElse("");
      secrets.add(value);
      // The parts of a composite value such as INSPECTR_JIRA_PARAMS (user|password|...).
      secrets.addAll(Arrays.asList(value.split("[|,]")));
    }
    secrets.sort(Comparator.comparingInt(String::length).reversed());
    for (String secret : secrets) {
      String s = secret.strip();
      if (s.length() >= MIN_MASKED) {
        message =
            message
                .replace(s, Secret.MASK)
                .replace(URLEncoder.encode(s, StandardCharsets.UTF_8), Secret.MASK);
      }
    }
    return error.getClass().getSimpleName() + (message.isEmpty() ? "" : ": " + message);
  }
}
