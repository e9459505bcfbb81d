package io.inspectr.notify.internal;

import static java.util.Objects.requireNonNull;

import io.inspectr.core.spi.DeliveryOutcome;
import io.inspectr.core.spi.DeliveryOutcome.Status;
import java.io.IOException;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * What one HTTP exchange means for delivery: the one place where statuses become outcomes.
 *
 * <ul>
 *   <li>2xx: delivered.
 *   <li>429, 408, 5xx, no answer at all: retryable; the receiver as a whole is struggling, so the
 *       rest of a report is not sent now either.
 *   <li>401, 403, 404, 410 and redirects: permanent, and about the receiver (revoked webhook,
 *       refused credentials, wrong URL): a person must act and nothing else will get through.
 *   <li>Any other 4xx: permanent for this request only (a payload the receiver rejected).
 * </ul>
 *
 * @param status the outcome kind
 * @param receiverWide whether the failure concerns the receiver rather than this one request
 * @param reason the message: "Tried to ... but failed because: ..., perhaps you should ..."; empty
 *     when delivered; never secrets
 * @param retryAfter the wait the receiver asked for, or {@code null}
 * @param httpStatus the HTTP status, or 0 when no answer came
 */
public record HttpVerdict(
    Status status,
    boolean receiverWide,
    String reason,
    @Nullable Duration retryAfter,
    int httpStatus) {

  /** The stable start of every failure message. */
  public static final String TRIED_TO = "Tried to ";

  /** Checks the parts. */
  public HttpVerdict {
    requireNonNull(status, "status");
    requireNonNull(reason, "reason");
  }

  /**
   * Judges an answer.
   *
   * @param call the request, for its action and target
   * @param answer the answer
   * @param receiver the receiver's name, e.g. "the Slack webhook"
   * @param explainer reads the receiver's error bodies
   * @param redactor scrubs secrets out of the body
   * @return never {@code null}
   */
  public static HttpVerdict judge(
      HttpCall call,
      HttpAnswer answer,
      String receiver,
      ErrorExplainer explainer,
      Redactor redactor) {
    int code = answer.status();
    if (answer.isSuccess()) {
      return new HttpVerdict(Status.DELIVERED, false, "", null, code);
    }
    boolean retryable = code == 429 || code == 408 || code >= 500;
    boolean receiverWide =
        retryable || code == 401 || code == 403 || code == 404 || code == 410 || code < 400;
    String said = redactor.scrub(explainer.describe(answer));
    String fix = explainer.fix(answer).orElseGet(() -> defaultFix(code, answer.retryAfter()));
    String reason =
        failure(call, receiver)
            + "HTTP "
            + code
            + (said.isEmpty() ? "" : " " + said)
            + (fix.isEmpty() ? "" : ", perhaps you should " + fix);
    return new HttpVerdict(
        retryable ? Status.RETRYABLE_FAILURE : Status.PERMANENT_FAILURE,
        receiverWide,
        reason,
        answer.retryAfter(),
        code);
  }

  /**
   * Judges a request that got no answer: always retryable, about the receiver.
   *
   * @param call the request
   * @param error what went wrong
   * @param receiver the receiver's name
   * @param redactor scrubs secrets out of the exception's message
   * @return never {@code null}
   */
  public static HttpVerdict unreachable(
      HttpCall call, IOException error, String receiver, Redactor redactor) {
    return new HttpVerdict(
        Status.RETRYABLE_FAILURE,
        true,
        failure(call, receiver)
            + redactor.describe(error)
            + ", perhaps you should check that "
            + call.target()
            + " is reachable from here (DNS, proxy, firewall)",
        null,
        0);
  }

  /**
   * Judges a request that could not be sent because the notifier was closed meanwhile (the app is
   * shutting down): retryable, and nothing more can be sent.
   *
   * @param call the request
   * @param receiver the receiver's name
   * @return never {@code null}
   */
  public static HttpVerdict closed(HttpCall call, String receiver) {
    return new HttpVerdict(
        Status.RETRYABLE_FAILURE,
        true,
        failure(call, receiver)
            + "the notifier was closed while it was delivering; it is offered again on a later"
            + " cycle",
        null,
        0);
  }

  /**
   * This failure as one that concerns its own request only, such as a 404 for one JIRA issue that
   * was deleted, with another reason.
   *
   * @param reason the message, in the same form as {@link #reason()}
   * @return a copy that is not {@link #receiverWide()}
   */
  public HttpVerdict forThisRequestOnly(String reason) {
    return new HttpVerdict(status, false, reason, retryAfter, httpStatus);
  }

  private static String failure(HttpCall call, String receiver) {
    return TRIED_TO
        + call.action()
        + " ("
        + receiver
        + " at "
        + call.target()
        + ") but failed because: ";
  }

  private static String defaultFix(int code, @Nullable Duration retryAfter) {
    if (code == 401) {
      return "check the credentials";
    }
    if (code == 403) {
      return "check that the account may do this";
    }
    if (code == 404 || code == 410) {
      return "check the URL";
    }
    if (code == 429) {
      return "let it rest; it asked to wait "
          + (retryAfter == null ? "an unspecified time" : retryAfter.toSeconds() + " s")
          + " and inspectr will try again on a later cycle";
    }
    if (code >= 300 && code < 400) {
      return "configure the final URL: inspectr does not follow redirects, so that credentials"
          + " stay with their host";
    }
    return code >= 500 ? "wait: inspectr will try again on a later cycle" : "";
  }

  /**
   * Whether the request was confirmed.
   *
   * @return {@code true} for 2xx
   */
  public boolean isDelivered() {
    return status == Status.DELIVERED;
  }

  /**
   * Whether a retry later may succeed.
   *
   * @return {@code true} for a retryable failure
   */
  public boolean isRetryable() {
    return status == Status.RETRYABLE_FAILURE;
  }

  /**
   * The outcome of a finding this request carried.
   *
   * @param confirmation what confirmed it when delivered, e.g. {@code message 1 of 3}
   * @return never {@code null}
   */
  public DeliveryOutcome outcome(String confirmation) {
    switch (status) {
      case DELIVERED:
        return DeliveryOutcome.delivered(confirmation);
      case RETRYABLE_FAILURE:
        return DeliveryOutcome.retryable(reason, retryAfter);
      default:
        return DeliveryOutcome.permanent(reason);
    }
  }
}
