package io.inspectr.notify.thirdparty;

import io.inspectr.core.config.ConfigReader;
import io.inspectr.core.config.PluginConfig;
import io.inspectr.core.result.InspectrResult;
import io.inspectr.core.result.Report;
import io.inspectr.core.spi.DeliveryOutcome;
import io.inspectr.core.spi.DeliveryReport;
import io.inspectr.core.spi.Notifier;
import io.inspectr.core.spi.NotifierProvider;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A third-party notifier, {@code acme-pager}: "pages" the on-call person (into a list) for findings
 * with a new major version only, and says so per finding. Configured by {@code
 * inspectr.notify.acme-pager.on-call}; with {@code token-to-crash-with} set it fails with an
 * unchecked exception whose message holds that token, as a careless plugin might.
 */
public final class PagerNotifierProvider implements NotifierProvider {
  /** Every page sent by any instance, for tests. */
  public static final List<String> PAGES =
      java.util.Collections.synchronizedList(new ArrayList<>());

  /** How many of its notifiers were closed, for tests. */
  public static final AtomicInteger CLOSED = new AtomicInteger();

  /** For {@link java.util.ServiceLoader}. */
  public PagerNotifierProvider() {}

  @Override
  public String id() {
    return "acme-pager";
  }

  @Override
  public boolean isConfigured(PluginConfig config) {
    return config.find("on-call").isPresent();
  }

  @Override
  public Notifier create(PluginConfig config) {
    ConfigReader read = new ConfigReader(config);
    String onCall = read.required("on-call", "the person to page");
    String crash = read.optional("token-to-crash-with").orElse(null);
    read.validate();
    return new Notifier() {
      @Override
      public String id() {
        return "acme-pager";
      }

      @Override
      public DeliveryReport deliver(Report report) {
        if (crash != null) {
          throw new IllegalStateException("the pager API refused the token " + crash);
        }
        Map<io.inspectr.core.result.ResultKey, DeliveryOutcome> outcomes = new LinkedHashMap<>();
        for (InspectrResult r : report.results()) {
          if (r.upgrades().newestMajor() != null) {
            PAGES.add(onCall + ": " + r.key() + " -> " + r.upgrades().newestMajor());
            outcomes.put(r.key(), DeliveryOutcome.delivered("paged " + onCall));
          } else {
            outcomes.put(r.key(), DeliveryOutcome.delivered("not worth a page"));
          }
        }
        return new DeliveryReport("acme-pager", outcomes);
      }

      @Override
      public void close() {
        CLOSED.incrementAndGet();
      }
    };
  }
}
