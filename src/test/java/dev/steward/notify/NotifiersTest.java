package dev.steward.notify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.routefile.Receiver;
import dev.steward.routefile.RouteFileLoader;
import dev.steward.routefile.RouteFileResult;
import dev.steward.stackfile.ConfigError;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class NotifiersTest {
    final Settings settings = SampleMessages.settings(Map.of("PD_KEY", "pd-key-123", "HOOK_SECRET", "h0ok"));

    static Receiver receiver(String kind, Map<String, Object> config) {
        return new Receiver("ops", Map.of(kind, List.of(config)));
    }

    static List<String> formatted(Configured<?> c) {
        return c.errors().stream().map(ConfigError::format).toList();
    }

    @Test
    void buildsOneNotifierPerIntegrationNamedByReceiverKindAndIndex() {
        Receiver r = new Receiver(
                "ops",
                Map.of(
                        "webhook_configs",
                        List.of(Map.of("url", "https://a.example/hook"), Map.of("url", "https://b.example/hook")),
                        "pagerduty_configs",
                        List.of(Map.of("routing_key", "${env:PD_KEY}"))));

        Configured<List<Notifier>> built = Notifiers.forReceiver(r, settings);

        assertThat(built).isInstanceOf(Configured.Valid.class);
        assertThat(((Configured.Valid<List<Notifier>>) built).value().stream().map(Notifier::channel))
                .containsExactly("ops/webhook_configs[0]", "ops/webhook_configs[1]", "ops/pagerduty_configs[0]");
    }

    @Test
    void unknownKeysAndAMissingUrlAreErrorsWithTheirPaths() {
        Configured<List<Notifier>> built =
                Notifiers.forReceiver(receiver("webhook_configs", Map.of("ur1", "https://a.example")), settings);

        assertThat(formatted(built))
                .containsExactly(
                        "alertmanager.yml: receivers[ops].webhook_configs[0].ur1: unknown setting \"ur1\"; expected"
                                + " one of url, url_file, format, hmac_secret, hmac_secret_file, http_config,"
                                + " send_resolved, max_alerts, timeout",
                        "alertmanager.yml: receivers[ops].webhook_configs[0].url: missing; expected the URL to POST"
                                + " to (or url_file)");
    }

    @Test
    void reportsEveryErrorOfEveryIntegrationAtOnce() {
        Receiver r = new Receiver(
                "ops",
                Map.of(
                        "webhook_configs", List.of(Map.of("url", "ftp://x", "timeout", "soon", "format", "xml")),
                        "email_configs", List.of(Map.of("to", "not an address")),
                        "pagerduty_configs", List.of(Map.of("severity", "high")),
                        "slack_configs", List.of(Map.of("channel", "#ops"))));

        List<String> paths = Notifiers.forReceiver(r, settings).errors().stream()
                .map(ConfigError::path)
                .toList();

        assertThat(paths)
                .containsExactlyInAnyOrder(
                        "receivers[ops].webhook_configs[0].url",
                        "receivers[ops].webhook_configs[0].timeout",
                        "receivers[ops].webhook_configs[0].format",
                        "receivers[ops].email_configs[0].to",
                        "receivers[ops].email_configs[0].from",
                        "receivers[ops].email_configs[0].smarthost",
                        "receivers[ops].pagerduty_configs[0].routing_key",
                        "receivers[ops].pagerduty_configs[0].severity",
                        "receivers[ops].slack_configs[0].api_url");
    }

    @Test
    void anUnsetEnvironmentVariableIsNamedButNoSecretIsShown() {
        Configured<List<Notifier>> built =
                Notifiers.forReceiver(receiver("pagerduty_configs", Map.of("routing_key", "${env:NOT_SET}")), settings);

        assertThat(formatted(built))
                .containsExactly("alertmanager.yml: receivers[ops].pagerduty_configs[0].routing_key: environment"
                        + " variable NOT_SET is not set, referenced in \"${env:NOT_SET}\"; expected the variable to be"
                        + " set in Steward's environment");
    }

    @Test
    void inlineSecretsNeverAppearInErrorsOrToString() {
        Receiver r = receiver(
                "webhook_configs",
                Map.of("url", "https://a.example/hook?token=t0ps3cret", "hmac_secret", "inl1ne", "max_alerts", "-1"));

        Configured<List<Notifier>> built = Notifiers.forReceiver(r, settings);

        assertThat(formatted(built)).singleElement().asString().contains("max_alerts");
        assertThat(formatted(built).toString()).doesNotContain("t0ps3cret", "inl1ne");
        var config = dev.steward.notify.webhook.WebhookConfig.read(
                        ConfigMap.root(
                                Map.of("url", "https://a.example/hook?token=t0ps3cret", "hmac_secret", "inl1ne"),
                                "x",
                                "f",
                                settings.secrets(),
                                new java.util.ArrayList<>()),
                        settings)
                .orElseThrow();
        assertThat(config.toString()).doesNotContain("t0ps3cret", "inl1ne").contains("<secret>");
    }

    @Test
    void secretsComeFromFilesNamedByReferencesOrByAlertmanagersFileKeys() {
        SecretResolver files = SecretResolver.of(
                name -> Optional.empty(),
                path -> switch (path.toString()) {
                    case "/etc/steward/pd.key" -> "from-file\n";
                    default -> throw new IOException("no such file");
                },
                Path.of("/etc/steward"));
        Settings s = new Settings(
                settings.http(), settings.clock(), files, "am.yml", "", Settings.DEFAULT_TIMEOUT, Globals.DEFAULT);

        assertThat(Notifiers.forReceiver(receiver("pagerduty_configs", Map.of("routing_key_file", "pd.key")), s)
                        .errors())
                .isEmpty();
        assertThat(Notifiers.forReceiver(receiver("pagerduty_configs", Map.of("routing_key", "${file:pd.key}")), s)
                        .errors())
                .isEmpty();
        assertThat(formatted(Notifiers.forReceiver(
                        receiver("pagerduty_configs", Map.of("routing_key", "a", "routing_key_file", "pd.key")), s)))
                .containsExactly("am.yml: receivers[ops].pagerduty_configs[0].routing_key_file: both routing_key and"
                        + " routing_key_file are set; expected one of them");
        assertThat(formatted(Notifiers.forReceiver(
                        receiver("pagerduty_configs", Map.of("routing_key_file", "missing.key")), s)))
                .singleElement()
                .asString()
                .contains("cannot read secret file /etc/steward/missing.key");
    }

    @Test
    void httpConfigAcceptsOneKindOfCredentialsAndRefusesWhatStewardDoesNotSupport() {
        Map<String, Object> both = Map.of(
                "url",
                "https://a.example",
                "http_config",
                Map.of("bearer_token", "x", "basic_auth", Map.of("username", "u"), "tls_config", Map.of()));

        assertThat(Notifiers.forReceiver(receiver("webhook_configs", both), settings).errors().stream()
                        .map(e -> e.path() + ": " + e.message()))
                .containsExactlyInAnyOrder(
                        "receivers[ops].webhook_configs[0].http_config.tls_config: unknown setting",
                        "receivers[ops].webhook_configs[0].http_config: more than one kind of credentials");
    }

    @Test
    void theGlobalSectionGivesDefaultsAndRefusesOtherIntegrationsKeys() {
        Configured<Settings> withGlobal = settings.withGlobal(Map.of(
                "slack_api_url", "https://hooks.slack.example/services/X",
                "smtp_smarthost", "mail.example:587",
                "smtp_from", "steward@example.org",
                "resolve_timeout", "5m"));
        Settings s = ((Configured.Valid<Settings>) withGlobal).value();

        assertThat(Notifiers.forReceiver(receiver("slack_configs", Map.of("channel", "#ops")), s)
                        .errors())
                .isEmpty();
        assertThat(Notifiers.forReceiver(receiver("email_configs", Map.of("to", "ops@example.org")), s)
                        .errors())
                .isEmpty();
        assertThat(s.global().pagerdutyUrl()).isEqualTo(Globals.PAGERDUTY_URL);
        assertThat(formatted(settings.withGlobal(Map.of("opsgenie_api_key", "k", "smtp_smarthost", "nohost"))))
                .hasSize(2)
                .anySatisfy(e -> assertThat(e).startsWith("alertmanager.yml: global.opsgenie_api_key: unknown setting"))
                .anySatisfy(e -> assertThat(e)
                        .isEqualTo("alertmanager.yml: global.smtp_smarthost: invalid address \"nohost\"; expected"
                                + " host:port such as smtp.example.org:587"));
    }

    @Test
    void buildsEveryReceiverOfALoadedAlertmanagerConfiguration() {
        String yaml = """
                global:
                  pagerduty_url: http://127.0.0.1:9/v2/enqueue
                route:
                  receiver: ops
                receivers:
                  - name: ops
                    webhook_configs:
                      - url: https://hooks.example/steward
                        format: alertmanager
                    pagerduty_configs:
                      - routing_key: ${env:PD_KEY}
                  - name: blackhole
                """;
        RouteFileResult loaded = RouteFileLoader.read(yaml, "alertmanager.yml");
        assertThat(loaded).isInstanceOf(RouteFileResult.Loaded.class);

        var built = Notifiers.forConfig(((RouteFileResult.Loaded) loaded).config(), settings);

        assertThat(built.errors()).isEmpty();
        Map<String, List<Notifier>> byReceiver = ((Configured.Valid<Map<String, List<Notifier>>>) built).value();
        assertThat(byReceiver.get("ops")).hasSize(2);
        assertThat(byReceiver.get("blackhole")).isEmpty();
    }

    @Test
    void contactsBuildOneNotifierPerKindWithChannelsThatHideTokens() {
        Settings s = ((Configured.Valid<Settings>) settings.withGlobal(
                        Map.of("smtp_smarthost", "mail.example:25", "smtp_from", "steward@example.org")))
                .value();

        var email = Notifiers.forContact("email", "ann@example.org", "people.ann.contacts[0]", s);
        var slack = Notifiers.forContact(
                "slack", "https://hooks.slack.com/services/T0/B0/t0k3n", "people.ann.contacts[1]", s);
        var webhook = Notifiers.forContact("webhook", "https://pager.example/in", "people.ann.contacts[2]", s);
        var pd = Notifiers.forContact("pagerduty", "${env:PD_KEY}", "people.ann.contacts[3]", s);

        assertThat(List.of(email, slack, webhook, pd))
                .allSatisfy(c -> assertThat(c.errors()).isEmpty());
        assertThat(((Configured.Valid<Notifier>) email).value().channel()).isEqualTo("email:ann@example.org");
        assertThat(((Configured.Valid<Notifier>) slack).value().channel())
                .startsWith("slack:hooks.slack.com#")
                .doesNotContain("t0k3n");
        assertThat(((Configured.Valid<Notifier>) pd).value().channel())
                .startsWith("pagerduty:")
                .doesNotContain("pd-key");
    }

    @Test
    void aBadContactIsAnErrorAtTheContactsPath() {
        assertThat(formatted(Notifiers.forContact("email", "not an address", "people.ann.contacts[0]", settings)))
                .contains("alertmanager.yml: people.ann.contacts[0]: invalid e-mail address \"not an address\";"
                        + " expected addresses such as ops@example.org, a@b.org");
        assertThat(formatted(Notifiers.forContact("pager", "x", "people.ann.contacts[1]", settings)))
                .containsExactly("alertmanager.yml: people.ann.contacts[1]: unknown contact kind \"pager\"; expected"
                        + " one of email, slack, webhook, pagerduty");
    }
}
