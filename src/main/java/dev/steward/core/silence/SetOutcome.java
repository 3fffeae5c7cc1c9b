package dev.steward.core.silence;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** What {@link Silences#set} did with a request. */
public sealed interface SetOutcome {
    /**
     * A new silence. {@code replaced} is the silence the request meant to update when that update would have rewritten
     * history (changed matchers, a moved start of an active silence, ...): it was expired and this one took its place.
     */
    record Created(Silences silences, Silence silence, Optional<Silence> replaced) implements SetOutcome {}

    /** The silence was changed in place; its id is unchanged. */
    record Updated(Silences silences, Silence silence) implements SetOutcome {}

    /** The request was refused; nothing changed. */
    record Invalid(List<SilenceError> errors) implements SetOutcome {}

    /** The request names a silence id that does not exist; nothing changed. */
    record NotFound(String id) implements SetOutcome {}

    /** The silences that a store must write to persist this outcome. */
    default List<Silence> changed() {
        return switch (this) {
            case Created c -> {
                List<Silence> out = new ArrayList<>();
                c.replaced().ifPresent(out::add);
                out.add(c.silence());
                yield List.copyOf(out);
            }
            case Updated u -> List.of(u.silence());
            case Invalid i -> List.of();
            case NotFound n -> List.of();
        };
    }
}
