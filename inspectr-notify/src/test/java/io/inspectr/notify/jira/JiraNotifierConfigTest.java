package io.inspectr.notify.jira;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.inspectr.core.config.InvalidConfigurationException;
import io.inspectr.core.config.PluginConfig;
import io.inspectr.notify.testing.FakeJira;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JiraNotifierConfigTest {
  private static JiraNotifierConfig read(String... pairs) {
    Map<String, String> values = new HashMap<>();
    values.put("url", "https://jira.example.com");
    for (int i = 0; i < pairs.length; i += 2) {
      values.put(pairs[i], pairs[i + 1]);
    }
    return JiraNotifierConfig.from(PluginConfig.of("inspectr.notify.jira", values));
  }

  @Test
  void readsTheOriginalParamsWithFieldNamesAsShownInJira() {
    JiraNotifierConfig config =
        read(
            "params",
            "jdoe|pa:ss,word|OPS|Bug|Team:Platform, Story Points : 3 ,Link:https://x.example/a");

    assertThat(config.credentials()).hasToString("basic auth as jdoe");
    assertThat(config.credentials().authorization().reveal())
        .isEqualTo("Basic amRvZTpwYTpzcyx3b3Jk");
    assertThat(config.project()).isEqualTo("OPS");
    assertThat(config.issueType()).isEqualTo("Bug");
    assertThat(config.fields())
        .containsExactly(
            Map.entry("Team", "Platform"),
            Map.entry("Story Points", "3"),
            Map.entry("Link", "https://x.example/a"));
    assertThat(config.toString()).doesNotContain("pa:ss,word");
  }

  @Test
  void defaultsArePinned() {
    JiraNotifierConfig config = read("user", "jdoe", "password", "pw", "project", "OPS");

    assertThat(config.issueType()).isEqualTo("Task");
    assertThat(config.flavour()).isEqualTo(JiraFlavour.AUTO);
    assertThat(config.labels()).containsExactly("inspectr");
    assertThat(config.legacySearch()).isTrue();
    assertThat(config.legacyCluster()).isNull();
    assertThat(config.slackWebhookUrl()).isNull();
    assertThat(config.browseUrl()).isEqualTo(URI.create("https://jira.example.com"));
    assertThat(config.fields()).isEmpty();
  }

  @Test
  void separateKeysWinOverTheirParamsPartAndTokensChooseTheScheme() {
    JiraNotifierConfig config =
        read(
            "params",
            "jdoe|pw|OPS|Task|Team:Platform",
            "project",
            "INFRA",
            "fields",
            "Team:Payments");
    JiraNotifierConfig cloud =
        read("email", "bot@acme.example", "api-token", "tok", "project", "OPS", "flavour", "Cloud");
    JiraNotifierConfig dc = read("pat", "NjA4", "project", "OPS", "flavour", "datacenter");

    assertThat(config.project()).isEqualTo("INFRA");
    assertThat(config.fields()).containsExactly(Map.entry("Team", "Payments"));
    assertThat(cloud.flavour()).isEqualTo(JiraFlavour.CLOUD);
    assertThat(cloud.credentials()).hasToString("basic auth as bot@acme.example");
    assertThat(dc.flavour()).isEqualTo(JiraFlavour.SERVER);
    assertThat(dc.credentials().isBearer()).isTrue();
    assertThat(dc.credentials().authorization().reveal()).isEqualTo("Bearer NjA4");
  }

  @Test
  void linksGoToTheSlackWebhookUnlessSwitchedOff() {
    assertThat(
            read("params", "u|p|OPS|Task", "slack-webhook-id", "T1/B2/x")
                .slackWebhookUrl()
                .reveal())
        .isEqualTo("https://hooks.slack.com/services/T1/B2/x");
    assertThat(
            read(
                    "params",
                    "u|p|OPS|Task",
                    "slack-webhook-id",
                    "T1/B2/x",
                    "post-links-to-slack",
                    "false")
                .slackWebhookUrl())
        .isNull();
  }

  @Test
  void paramsAreParsedStrictlyAndEveryProblemIsListedWithThePasswordMasked() {
    for (List<String> bad :
        List.of(
            List.of("jdoe|s3cret|OPS", "it must have 4 or 5 parts separated by '|'"),
            List.of("jdoe||OPS|Task", "its part 2 (password) is empty"),
            List.of(
                "jdoe|s3cret|OPS|Task|Team", "its field entry 'Team' must be 'Field Name:value'"),
            List.of("jdoe|s3cret|OPS|Task|Team:a,Team:b", "it names the field 'Team' twice"),
            List.of("jdoe|s3cret|OPS|Task|", "its part 5 (fields) is empty"),
            List.of(
                "jdoe|s3cret|OPS|Task|Team:a,,Story Points:3", "its field entry 2 of 3 is empty"),
            List.of("jdoe|s3cret|OPS|Task|Team:a,", "its field entry 2 of 2 is empty"))) {
      assertThatThrownBy(() -> read("params", bad.get(0)))
          .as(bad.get(0))
          .isInstanceOf(InvalidConfigurationException.class)
          .hasMessageContaining("inspectr.notify.jira.params was '****' but " + bad.get(1))
          .hasMessageNotContaining("s3cret");
    }
  }

  @Test
  void separateCredentialKeysWinOverTheUserAndPasswordOfParams() {
    JiraNotifierConfig cloud =
        read("params", "jdoe|pw|OPS|Task", "email", "bot@acme.example", "api-token", "tok");
    JiraNotifierConfig email = read("params", "jdoe|pw|OPS|Task", "email", "bot@acme.example");
    JiraNotifierConfig pat = read("params", "jdoe|pw|OPS|Task", "pat", "NjA4");

    assertThat(cloud.credentials()).hasToString("basic auth as bot@acme.example");
    assertThat(cloud.credentials().authorization().reveal())
        .isEqualTo(FakeJira.basic("bot@acme.example", "tok"));
    assertThat(cloud.project()).isEqualTo("OPS");
    assertThat(email.credentials().authorization().reveal())
        .isEqualTo(FakeJira.basic("bot@acme.example", "pw"));
    assertThat(pat.credentials().authorization().reveal()).isEqualTo("Bearer NjA4");
  }

  @Test
  void conflictingCredentialsAndACloudPatAreRejectedTogether() {
    assertThatThrownBy(
            () ->
                read(
                    "project",
                    "OPS",
                    "user",
                    "jdoe",
                    "email",
                    "j@x.example",
                    "pat",
                    "p",
                    "password",
                    "pw",
                    "flavour",
                    "cloud",
                    "labels",
                    "a b"))
        .isInstanceOf(InvalidConfigurationException.class)
        .hasMessageStartingWith("Invalid configuration, 4 problems:")
        .hasMessageContaining("set only one of password, api-token and pat")
        .hasMessageContaining("set either user (Server/Data Center) or email (Cloud), not both")
        .hasMessageContaining("Jira Cloud does not accept personal access tokens")
        .hasMessageContaining("JIRA labels must not contain spaces");
  }

  @Test
  void fieldsThatInspectrFillsItselfAreRejectedByName() {
    assertThatThrownBy(
            () -> read("params", "jdoe|s3cret|OPS|Task|Summary:x,Team:Platform,Description:y"))
        .isInstanceOf(InvalidConfigurationException.class)
        .hasMessageStartingWith("Invalid configuration, 2 problems:")
        .hasMessageContaining("params was '****' but its field 'Summary' is filled by inspectr")
        .hasMessageContaining("its field 'Description' is filled by inspectr")
        .hasMessageNotContaining("s3cret");
    assertThatThrownBy(
            () ->
                read(
                    "user",
                    "jdoe",
                    "password",
                    "pw",
                    "project",
                    "OPS",
                    "fields",
                    "Issue Type:Bug,project:INFRA"))
        .hasMessageContaining("its field 'Issue Type' is filled by inspectr")
        .hasMessageContaining("its field 'project' is filled by inspectr");
    assertThat(read("params", "jdoe|s3cret|OPS|Task|Labels:k8s;platform").fields())
        .as("labels join inspectr's own")
        .containsExactly(Map.entry("Labels", "k8s;platform"));
  }

  @Test
  void aUrlWithUserInfoIsRejectedWithoutShowingIt() {
    assertThatThrownBy(
            () ->
                read(
                    "url",
                    "https://jdoe:hunter2@jira.example.com/jira",
                    "params",
                    "jdoe|pw|OPS|Task",
                    "browse-url",
                    "https://jdoe:hunter2@jira.example.com"))
        .isInstanceOf(InvalidConfigurationException.class)
        .hasMessageStartingWith("Invalid configuration, 2 problems:")
        .hasMessageContaining(
            "url was 'https://****@jira.example.com/jira' but it must not hold a user name or"
                + " password")
        .hasMessageContaining("set user and password")
        .hasMessageNotContaining("hunter2");
  }
}
