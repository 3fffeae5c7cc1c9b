package dev.steward.stackfile;

import static dev.steward.stackfile.LoaderFixture.errors;
import static dev.steward.stackfile.LoaderFixture.loaded;
import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.core.config.StatusPageConfig;
import dev.steward.core.config.StatusPageConfig.Component;
import dev.steward.core.config.StatusPageConfig.Group;
import dev.steward.core.config.StatusPageConfig.Publish;
import java.util.List;
import org.junit.jupiter.api.Test;

class StackFileStatusPageTest {
    static final String STACK = """
            stack: shop
            services:
              api: {description: Public REST API}
              db: {}
              search: {}
            """;

    @Test
    void withoutAStatusPageBlockThePageIsTitledAfterTheStackWithOneComponentPerService() {
        StatusPageConfig page = loaded(STACK).statusPage();

        assertThat(page)
                .isEqualTo(new StatusPageConfig(
                        "shop",
                        "",
                        List.of(new Group(
                                "Services",
                                List.of(
                                        new Component("api", List.of("api"), "Public REST API"),
                                        new Component("db", List.of("db"), ""),
                                        new Component("search", List.of("search"), "")))),
                        Publish.MANUAL));
    }

    @Test
    void groupsComponentsAndThePublishModeAreRead() {
        StatusPageConfig page = loaded(STACK + """
                status_page:
                  title: Shop status
                  description: Live status of the shop
                  publish: automatic
                  groups:
                    - name: Core
                      components:
                        - {name: API, services: [api, db], description: Orders and accounts}
                        - {name: Search, services: [search]}
                """).statusPage();

        assertThat(page.title()).isEqualTo("Shop status");
        assertThat(page.description()).isEqualTo("Live status of the shop");
        assertThat(page.publish()).isEqualTo(Publish.AUTOMATIC);
        assertThat(page.groups())
                .containsExactly(new Group(
                        "Core",
                        List.of(
                                new Component("API", List.of("api", "db"), "Orders and accounts"),
                                new Component("Search", List.of("search"), ""))));
    }

    @Test
    void aBlockWithoutGroupsKeepsTheDefaultComponentsAndTheStackAsTitle() {
        StatusPageConfig page =
                loaded(STACK + "status_page: {publish: manual}\n").statusPage();

        assertThat(page.title()).isEqualTo("shop");
        assertThat(page.components()).extracting(Component::name).containsExactly("api", "db", "search");
    }

    @Test
    void everyMistakeIsReportedWithItsPath() {
        List<ConfigError> errors = errors(STACK + """
                status_page:
                  titel: Shop
                  publish: sometimes
                  groups:
                    - name: Core
                      components:
                        - {name: API, services: [api, apii]}
                        - {name: api, services: [db, db]}
                        - {name: Web, services: []}
                        - {name: Queue, servces: [db]}
                    - name: core
                      components: []
                    - components: [{name: X, services: [db]}]
                """);

        assertThat(errors)
                .extracting(ConfigError::path)
                .containsExactlyInAnyOrder(
                        "status_page.titel",
                        "status_page.publish",
                        "status_page.groups[0].components[0].services[1]",
                        "status_page.groups[0].components[1].name",
                        "status_page.groups[0].components[1].services[1]",
                        "status_page.groups[0].components[2].services",
                        "status_page.groups[0].components[3].servces",
                        "status_page.groups[0].components[3].services",
                        "status_page.groups[1].name",
                        "status_page.groups[1].components",
                        "status_page.groups[2].name");
        assertThat(errors.stream()
                        .filter(e -> e.path().endsWith("services[1]"))
                        .findFirst()
                        .orElseThrow()
                        .format())
                .contains("unknown service")
                .contains("\"apii\"")
                .contains("did you mean \"api\"?");
    }

    @Test
    void anEmptyListOfGroupsIsAnError() {
        assertThat(errors(STACK + "status_page: {groups: []}\n"))
                .extracting(ConfigError::path)
                .containsExactly("status_page.groups");
    }
}
