package dev.steward.api;

/** A console page was asked for without a valid login: the browser is sent to the login page, then back. */
public final class LoginRequired extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String next;

    public LoginRequired(String next) {
        super("login required for " + next, null, false, false);
        this.next = next;
    }

    /** The local path (with its query) to return to after logging in. */
    public String next() {
        return next;
    }
}
