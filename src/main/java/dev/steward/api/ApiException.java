package dev.steward.api;

import java.util.List;

/** A request the API refuses, with the HTTP status and every bad field. Mapped to JSON in one place. */
public final class ApiException extends RuntimeException {
    private final int status;
    private final List<FieldError> errors;

    /** One bad parameter: its name, the value seen and what was expected. */
    public record FieldError(String field, String value, String expected) {}

    public ApiException(int status, String message, List<FieldError> errors) {
        super(message);
        this.status = status;
        this.errors = List.copyOf(errors);
    }

    public static ApiException notFound(String message) {
        return new ApiException(404, message, List.of());
    }

    public int status() {
        return status;
    }

    public List<FieldError> errors() {
        return errors;
    }
}
