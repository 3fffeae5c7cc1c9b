package dev.steward.console;

import dev.steward.core.access.Principal;
import dev.steward.core.access.Role;
import java.util.List;
import java.util.Optional;

/**
 * What every console page's frame needs: its title and section (for the navigation), the stack's name, who is looking
 * and the CSRF token that forms and htmx requests must send back.
 *
 * @param operate whether the viewer may change things (operator or admin): buttons for changes are shown only then
 * @param canLogOut whether the viewer came in through a session (open mode and tokens have nothing to log out of)
 */
public record Page(
        String title,
        String section,
        String stack,
        String version,
        String csrf,
        Optional<String> user,
        String role,
        boolean operate,
        boolean canLogOut) {

    /** One entry of the navigation bar. */
    public record NavItem(String section, String label, String href) {}

    public static final List<NavItem> NAV = List.of(
            new NavItem("overview", "Overview", "/ui"),
            new NavItem("incidents", "Incidents", "/ui/incidents"),
            new NavItem("alerts", "Alerts", "/ui/alerts"),
            new NavItem("silences", "Silences", "/ui/silences"),
            new NavItem("maintenance", "Maintenance", "/ui/maintenance"),
            new NavItem("deployments", "Deployments", "/ui/deployments"),
            new NavItem("explore", "Explore", "/ui/explore"),
            new NavItem("statuspage", "Status page", "/ui/status-page"),
            new NavItem("audit", "Audit", "/ui/audit"));

    /** The frame for {@code who} (empty before login). */
    public static Page of(
            String title, String section, String stack, String version, String csrf, Optional<Principal> who) {
        return new Page(
                title,
                section,
                stack,
                version,
                csrf,
                who.map(Principal::name),
                who.map(p -> p.role().label()).orElse(""),
                who.map(p -> p.role().includes(Role.OPERATOR)).orElse(false),
                who.map(p -> p.kind() == Principal.Kind.SESSION).orElse(false));
    }
}
