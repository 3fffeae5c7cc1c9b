package dev.steward.console;

import dev.steward.api.AccessControl;
import dev.steward.core.access.Principal;
import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import io.javalin.http.Context;
import java.util.Optional;
import java.util.function.Supplier;

/** Renders the console's precompiled templates and builds each page's frame for the request's viewer. */
public final class Views {
    private final TemplateEngine engine = TemplateEngine.createPrecompiled(ContentType.Html);
    private final AccessControl access;
    private final Supplier<String> stack;
    private final String version;

    public Views(AccessControl access, Supplier<String> stack, String version) {
        this.access = access;
        this.stack = stack;
        this.version = version;
    }

    /** The frame of a page titled {@code title} in navigation section {@code section}, for whoever asks. */
    public Page page(Context ctx, String title, String section) {
        Optional<Principal> who = AccessControl.principal(ctx);
        String csrf = who.map(p -> access.csrfToken(ctx, p)).orElse("");
        return Page.of(title, section, stack.get(), version, csrf, who);
    }

    /** Renders {@code template} (a path under src/main/jte) with its single parameter {@code model}. */
    public String render(String template, Object model) {
        StringOutput out = new StringOutput(8192);
        engine.render(template, model, out);
        return out.toString();
    }

    /** Renders a whole page as the response. */
    public void respond(Context ctx, String template, Object model) {
        respondHtml(ctx, render(template, model));
    }

    /** Answers with a page already rendered. */
    public void respondHtml(Context ctx, String html) {
        ctx.header("Cache-Control", "no-store");
        ctx.html(html);
    }
}
