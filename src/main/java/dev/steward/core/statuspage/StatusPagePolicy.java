package dev.steward.core.statuspage;

import dev.steward.core.config.StatusPageConfig;
import dev.steward.core.statuspage.PublicIncident.Stage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * What Steward does on the page when components change, comparing their statuses before and now:
 *
 * <ul>
 *   <li>components that got worse and that no active incident covers go into Steward's open draft (its components,
 *       impact and text follow), or a new draft; with {@code publish: automatic} the new incident is published at
 *       once instead;
 *   <li>when a recovery leaves every component of an active incident operational (or in maintenance), Steward
 *       proposes a "resolved" update for it (published at once for its own incidents in automatic mode; a person's
 *       incident is only ever proposed to); a draft nobody published is discarded, as the public never saw it.
 * </ul>
 *
 * Changes are found by comparing with the previous statuses, so a discarded draft or proposal is not proposed again
 * until the component changes again.
 */
public final class StatusPagePolicy {
    private StatusPagePolicy() {}

    /** The incidents to store (new or changed), in the order they were decided. */
    public record Evaluation(List<PublicIncident> changed) {
        public Evaluation {
            changed = List.copyOf(changed);
        }
    }

    public static Evaluation evaluate(
            StatusPageConfig page,
            Map<String, ComponentStatus> previous,
            Map<String, ComponentStatus> current,
            List<PublicIncident> active,
            Supplier<String> ids,
            Instant now) {
        List<PublicIncident> changed = new ArrayList<>();
        Set<String> worsened = new LinkedHashSet<>();
        Set<String> recovered = new LinkedHashSet<>();
        for (StatusPageConfig.Component c : page.components()) {
            int before =
                    previous.getOrDefault(c.name(), ComponentStatus.OPERATIONAL).severity();
            int after =
                    current.getOrDefault(c.name(), ComponentStatus.OPERATIONAL).severity();
            if (after > before) {
                worsened.add(c.name());
            } else if (after == 0 && before > 0) {
                recovered.add(c.name());
            }
        }
        List<PublicIncident> open = new ArrayList<>();
        for (PublicIncident i : active) {
            Optional<PublicIncident> after = recovery(i, recovered, current, page, now);
            after.ifPresent(changed::add);
            if (after.orElse(i).isActive()) {
                open.add(after.orElse(i));
            }
        }
        worsening(page, current, worsened, open, ids, now).ifPresent(changed::add);
        return new Evaluation(changed);
    }

    private static Optional<PublicIncident> recovery(
            PublicIncident incident,
            Set<String> recovered,
            Map<String, ComponentStatus> current,
            StatusPageConfig page,
            Instant now) {
        boolean allWell = !incident.components().isEmpty()
                && incident.components().stream()
                        .allMatch(c -> current.getOrDefault(c, ComponentStatus.OPERATIONAL)
                                        .severity()
                                == 0);
        if (!allWell || incident.components().stream().noneMatch(recovered::contains)) {
            return Optional.empty();
        }
        if (incident.stage() instanceof Stage.Draft) {
            return applied(incident, new IncidentCommand.Discard(PublicIncidents.STEWARD), now);
        }
        if (!(incident.stage() instanceof Stage.Open) || incident.proposed().isPresent()) {
            return Optional.empty();
        }
        String message = Texts.resolvedMessage(incident.components());
        if (page.publish() == StatusPageConfig.Publish.AUTOMATIC
                && incident.createdBy().equals(PublicIncidents.STEWARD)) {
            return applied(
                    incident,
                    new IncidentCommand.AddUpdate(PublicIncidents.STEWARD, IncidentStatus.RESOLVED, message),
                    now);
        }
        PublicUpdate proposal = new PublicUpdate(now, IncidentStatus.RESOLVED, message, PublicIncidents.STEWARD);
        return Optional.of(incident.with(incident.stage(), incident.updates(), Optional.of(proposal)));
    }

    private static Optional<PublicIncident> worsening(
            StatusPageConfig page,
            Map<String, ComponentStatus> current,
            Set<String> worsened,
            List<PublicIncident> active,
            Supplier<String> ids,
            Instant now) {
        Set<String> covered = new LinkedHashSet<>();
        active.forEach(i -> covered.addAll(i.components()));
        Optional<PublicIncident> draft = active.stream()
                .filter(i -> i.stage() instanceof Stage.Draft && i.createdBy().equals(PublicIncidents.STEWARD))
                .findFirst();
        Set<String> fresh = new LinkedHashSet<>(worsened);
        fresh.removeAll(covered);
        boolean draftWorse =
                draft.isPresent() && draft.get().components().stream().anyMatch(worsened::contains);
        if (fresh.isEmpty() && !draftWorse) {
            return Optional.empty();
        }
        Set<String> names = new LinkedHashSet<>(fresh);
        draft.ifPresent(d -> names.addAll(d.components()));
        List<String> components = inPageOrder(page, names);
        Impact impact = draft.map(PublicIncident::impact).orElse(Impact.NONE);
        for (String c : components) {
            impact = Impact.worst(
                    impact, current.getOrDefault(c, ComponentStatus.OPERATIONAL).impact());
        }
        String title = Texts.title(components, current);
        String message = Texts.investigating(components, current);
        if (draft.isPresent()) {
            PublicUpdate first = new PublicUpdate(now, IncidentStatus.INVESTIGATING, message, PublicIncidents.STEWARD);
            return Optional.of(draft.get().with(title, impact, components, first));
        }
        PublicIncident created = PublicIncidents.draft(ids.get(), title, impact, components, message, now);
        if (page.publish() == StatusPageConfig.Publish.AUTOMATIC) {
            return applied(
                    created,
                    new IncidentCommand.Publish(PublicIncidents.STEWARD, Optional.empty(), Optional.empty()),
                    now);
        }
        return Optional.of(created);
    }

    private static List<String> inPageOrder(StatusPageConfig page, Set<String> names) {
        return page.components().stream()
                .map(StatusPageConfig.Component::name)
                .filter(names::contains)
                .toList();
    }

    private static Optional<PublicIncident> applied(PublicIncident incident, IncidentCommand command, Instant now) {
        return switch (PublicIncidents.apply(incident, command, now)) {
            case CommandOutcome.Applied a -> Optional.of(a.incident());
            case CommandOutcome.Refused r -> Optional.empty();
        };
    }
}
