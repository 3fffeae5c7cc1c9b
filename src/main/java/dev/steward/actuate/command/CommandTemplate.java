package dev.steward.actuate.command;

import dev.steward.core.deploy.Actuation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A shell command line with Steward's variables ({@code ${service}}, {@code ${version}}, {@code ${stable_version}},
 * {@code ${replicas}}, {@code ${weight}}, {@code ${step}}, {@code ${environment}}). Each value is substituted as one
 * single-quoted shell word, so a version such as {@code 1.2'; rm -rf /; '} stays one harmless argument. Any other
 * {@code ${...}} is refused when the settings are read (a misspelt variable must not become an empty shell variable);
 * shell variables are written {@code $NAME}.
 */
public record CommandTemplate(String text) {
    public static final List<String> VARIABLES =
            List.of("service", "version", "stable_version", "replicas", "weight", "step", "environment");

    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([^}]*)}");

    /** The problems of {@code text}: unknown variables and an unclosed {@code ${}; empty when it is usable. */
    public static List<String> problems(String text) {
        List<String> out = new ArrayList<>();
        Matcher m = VARIABLE.matcher(text);
        while (m.find()) {
            if (!VARIABLES.contains(m.group(1))) {
                out.add("unknown variable ${" + m.group(1) + "}");
            }
        }
        if (VARIABLE.matcher(text).replaceAll("").contains("${")) {
            out.add("unclosed ${");
        }
        return out;
    }

    /** The command line for {@code request}, every value shell-quoted. */
    public String render(Actuation request) {
        Map<String, String> values = values(request);
        return VARIABLE.matcher(text).replaceAll(m -> Matcher.quoteReplacement(quote(values.get(m.group(1)))));
    }

    /** The variables' values for {@code request}, by name. */
    public static Map<String, String> values(Actuation request) {
        Map<String, String> v = new LinkedHashMap<>();
        v.put("service", text(request.service()));
        v.put("version", text(request.version()));
        v.put("stable_version", text(request.stableVersion()));
        v.put("replicas", Integer.toString(request.replicas()));
        v.put("weight", Integer.toString(request.weightPercent()));
        v.put("step", Integer.toString(request.step()));
        v.put("environment", text(request.environment()));
        return v;
    }

    private static String text(String s) {
        return s == null ? "" : s;
    }

    /** {@code value} as one single-quoted POSIX shell word. */
    public static String quote(String value) {
        return "'" + value.replace("'", "'\\''") + "'";
    }
}
