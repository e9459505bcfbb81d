package io.inspectr.app.cli;

import io.inspectr.app.config.ConfigSources;
import io.inspectr.app.config.Notifiers;
import io.inspectr.app.config.YamlConfigFile;
import io.inspectr.core.config.InvalidConfigurationException;
import io.inspectr.core.result.Report;
import io.inspectr.core.spi.NotificationException;
import io.inspectr.core.spi.Notifier;
import io.inspectr.core.spi.NotifierProvider;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code inspectr notify-test}: sends one test message through every configured notifier and says
 * which succeeded. Exit 0 when all did, 3 when one failed, 2 when the configuration is wrong (every
 * problem listed) or names no notifier.
 */
@Command(
    name = "notify-test",
    mixinStandardHelpOptions = true,
    description = {
      "Sends one test message through every configured notifier and says which succeeded.",
      "JIRA only checks the sign-in, the project, the issue type and the fields."
    })
final class NotifyTestCommand implements Callable<Integer> {
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
    try {
      providers = Notifiers.providers(NotifyTestCommand.class.getClassLoader());
      ConfigSources config =
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
      try (Notifier notifier = entry.getValue()) {
        notifier.deliver(test);
        out.printf("%-12s ok%n", id);
        succeeded++;
      } catch (NotificationException e) {
        String message = e.getMessage();
        String reason =
            message.startsWith(id + ": ") ? message.substring(id.length() + 2) : message;
        out.printf("%-12s failed%s: %s%n", id, e.isRetryable() ? " (may work later)" : "", reason);
      }
    }
    out.printf("%d of %d notifiers succeeded.%n", succeeded, notifiers.size());
    out.flush();
    return succeeded == notifiers.size() ? InspectrCommand.EXIT_OK : InspectrCommand.EXIT_FAILURE;
  }
}
