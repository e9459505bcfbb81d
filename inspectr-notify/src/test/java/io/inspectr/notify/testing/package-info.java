/**
 * Test fixtures shared by the notifier tests (and, through the test jar, by the app's tests): a
 * loopback HTTP server that records requests ({@link io.inspectr.notify.testing.FakeHttpServer}),
 * fakes of Slack and JIRA that check payloads against the documented limits and shapes, a clock
 * that sleeping advances, and report builders.
 */
@NullMarked
package io.inspectr.notify.testing;

import org.jspecify.annotations.NullMarked;
