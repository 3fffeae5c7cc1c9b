package dev.steward.core.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class AccessPolicyTest {
    private final AccessPolicy policy = new AccessPolicy(true);

    @Test
    void readsNeedAViewerAndChangesAnOperator() {
        assertThat(policy.required("GET", "/api/v1/incidents/{id}")).isEqualTo(new Requirement.AtLeast(Role.VIEWER));
        assertThat(policy.required("head", "/api/v1/status")).isEqualTo(new Requirement.AtLeast(Role.VIEWER));
        assertThat(policy.required("POST", "/api/v1/incidents/{id}/ack"))
                .isEqualTo(new Requirement.AtLeast(Role.OPERATOR));
        assertThat(policy.required("DELETE", "/api/v2/silence/{id}")).isEqualTo(new Requirement.AtLeast(Role.OPERATOR));
        assertThat(policy.required("PUT", "/anything/new")).isEqualTo(new Requirement.AtLeast(Role.OPERATOR));
    }

    @Test
    void prometheusQueriesByPostAreReads() {
        assertThat(policy.required("POST", "/api/v1/query")).isEqualTo(new Requirement.AtLeast(Role.VIEWER));
        assertThat(policy.required("POST", "/api/v1/query_range")).isEqualTo(new Requirement.AtLeast(Role.VIEWER));
        assertThat(policy.required("POST", "/api/v2/alerts")).isEqualTo(new Requirement.AtLeast(Role.OPERATOR));
    }

    @Test
    void healthSignedLinksAndByDefaultMetricsAreAnonymous() {
        assertThat(policy.required("GET", "/health")).isInstanceOf(Requirement.Anonymous.class);
        assertThat(policy.required("GET", "/metrics")).isInstanceOf(Requirement.Anonymous.class);
        assertThat(policy.required("GET", "/act/{token}")).isInstanceOf(Requirement.Anonymous.class);
        assertThat(policy.required("POST", "/act/{token}")).isInstanceOf(Requirement.Anonymous.class);
        assertThat(policy.required("POST", "/health")).isEqualTo(new Requirement.AtLeast(Role.OPERATOR));
        assertThat(policy.required("GET", "/health/detailed")).isEqualTo(new Requirement.AtLeast(Role.VIEWER));
    }

    @Test
    void metricsNeedAViewerWhenNotAnonymous() {
        assertThat(new AccessPolicy(false).required("GET", "/metrics")).isEqualTo(new Requirement.AtLeast(Role.VIEWER));
    }

    @Test
    void tokenAndUserManagementIsAdminOnlyEvenToRead() {
        for (String method : new String[] {"GET", "POST", "DELETE"}) {
            assertThat(policy.required(method, "/api/v1/tokens")).isEqualTo(new Requirement.AtLeast(Role.ADMIN));
            assertThat(policy.required(method, "/api/v1/tokens/{id}")).isEqualTo(new Requirement.AtLeast(Role.ADMIN));
            assertThat(policy.required(method, "/api/v1/users/{name}")).isEqualTo(new Requirement.AtLeast(Role.ADMIN));
        }
    }

    @Test
    void nobodyIsUnauthenticatedAndTooLowARoleIsForbidden() {
        Requirement operator = new Requirement.AtLeast(Role.OPERATOR);
        assertThat(AccessPolicy.check(operator, Optional.empty()))
                .containsInstanceOf(AccessPolicy.Refusal.Unauthenticated.class);
        assertThat(AccessPolicy.check(operator, Optional.of(new Principal("ann", Role.VIEWER, Principal.Kind.USER))))
                .hasValueSatisfying(r -> assertThat(r.message()).isEqualTo("ann has role viewer; this needs operator"));
        assertThat(AccessPolicy.check(operator, Optional.of(new Principal("ann", Role.ADMIN, Principal.Kind.USER))))
                .isEmpty();
        assertThat(AccessPolicy.check(new Requirement.Anonymous("x"), Optional.empty()))
                .isEmpty();
    }

    @Test
    void accessIsOpenOnlyOnLoopbackWithNoCredentials() {
        assertThat(AccessPolicy.enforced(false, true)).isFalse();
        assertThat(AccessPolicy.enforced(true, true)).isTrue();
        assertThat(AccessPolicy.enforced(false, false)).isTrue();
    }

    @Test
    void rolesIncludeTheLowerOnes() {
        assertThat(Role.ADMIN.includes(Role.OPERATOR)).isTrue();
        assertThat(Role.OPERATOR.includes(Role.OPERATOR)).isTrue();
        assertThat(Role.VIEWER.includes(Role.OPERATOR)).isFalse();
        assertThat(Role.parse("operator")).contains(Role.OPERATOR);
        assertThat(Role.parse("root")).isEmpty();
    }
}
