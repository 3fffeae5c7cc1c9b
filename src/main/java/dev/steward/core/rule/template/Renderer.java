package dev.steward.core.rule.template;

import dev.steward.core.rule.template.Node.Command;
import dev.steward.core.rule.template.Node.Operand;
import dev.steward.core.rule.template.Node.Pipeline;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Executes a parse tree against {@link TemplateData}; failures are {@link TemplateRenderException}s. */
final class Renderer {
    private final TemplateData data;
    private final Deque<Map<String, Object>> scopes = new ArrayDeque<>();
    private final StringBuilder out = new StringBuilder();
    private Object dot;

    private Renderer(TemplateData data) {
        this.data = data;
        this.dot = data;
        Map<String, Object> predefined = new HashMap<>();
        predefined.put("$", data);
        predefined.put("$labels", data.labels());
        predefined.put("$value", data.value());
        predefined.put("$externalLabels", data.externalLabels());
        predefined.put("$externalURL", data.externalUrl());
        scopes.push(predefined);
    }

    static String render(List<Node> nodes, TemplateData data) {
        Renderer r = new Renderer(data);
        r.nodes(nodes);
        return r.out.toString();
    }

    private void nodes(List<Node> nodes) {
        for (Node n : nodes) {
            switch (n) {
                case Node.Text t -> out.append(t.text());
                case Node.Action a -> {
                    Object v = pipeline(a.pipeline());
                    if (a.pipeline().variable().isEmpty()) {
                        out.append(v == null ? "<no value>" : GoFormat.print(v));
                    }
                }
                case Node.If i -> scoped(() -> nodes(Truth.of(pipeline(i.condition())) ? i.then() : i.otherwise()));
                case Node.With w ->
                    scoped(() -> {
                        Object v = pipeline(w.value());
                        if (Truth.of(v)) {
                            withDot(v, () -> nodes(w.then()));
                        } else {
                            nodes(w.otherwise());
                        }
                    });
                case Node.Range r -> scoped(() -> range(r));
            }
        }
    }

    private void scoped(Runnable body) {
        scopes.push(new HashMap<>());
        try {
            body.run();
        } finally {
            scopes.pop();
        }
    }

    private void withDot(Object value, Runnable body) {
        Object saved = dot;
        dot = value;
        try {
            body.run();
        } finally {
            dot = saved;
        }
    }

    private void range(Node.Range r) {
        Object collection = pipeline(r.collection());
        if (collection == null || !Truth.of(collection)) {
            nodes(r.otherwise());
            return;
        }
        if (collection instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                long index = i;
                Object element = list.get(i);
                r.keyVariable().ifPresent(k -> scopes.peek().put(k, index));
                r.valueVariable().ifPresent(v -> scopes.peek().put(v, element));
                withDot(element, () -> nodes(r.then()));
            }
            return;
        }
        if (!(collection instanceof Map<?, ?> map)) {
            throw new TemplateRenderException("range can't iterate over " + GoFormat.print(collection));
        }
        for (Map.Entry<?, ?> e : new java.util.TreeMap<>(map).entrySet()) {
            r.keyVariable().ifPresent(k -> scopes.peek().put(k, e.getKey()));
            r.valueVariable().ifPresent(v -> scopes.peek().put(v, e.getValue()));
            withDot(e.getValue(), () -> nodes(r.then()));
        }
    }

    private Object pipeline(Pipeline p) {
        Object value = null;
        boolean piped = false;
        for (Command c : p.commands()) {
            value = command(c, value, piped);
            piped = true;
        }
        if (p.variable().isPresent()) {
            assign(p.variable().get(), p.declares(), value);
        }
        return value;
    }

    private void assign(String name, boolean declares, Object value) {
        if (declares) {
            scopes.peek().put(name, value);
            return;
        }
        for (Map<String, Object> s : scopes) {
            if (s.containsKey(name)) {
                s.put(name, value);
                return;
            }
        }
    }

    private Object command(Command c, Object piped, boolean hasPiped) {
        Operand first = c.operands().getFirst();
        if (first instanceof Operand.Function f) {
            List<Object> args = new ArrayList<>();
            for (Operand o : c.operands().subList(1, c.operands().size())) {
                args.add(operand(o));
            }
            if (hasPiped) {
                args.add(piped);
            }
            return function(f.name(), args);
        }
        if (c.operands().size() > 1 || hasPiped) {
            throw new TemplateRenderException("can't give argument to non-function " + describe(first));
        }
        return operand(first);
    }

    private Object operand(Operand o) {
        return switch (o) {
            case Operand.Literal l -> l.value();
            case Operand.Variable v -> fields(lookup(v.name()), v.fields());
            case Operand.Field f -> fields(dot, f.fields());
            case Operand.Nested n -> pipeline(n.pipeline());
            case Operand.Function f -> function(f.name(), List.of());
        };
    }

    /** A function call; {@code externalURL} and {@code pathPrefix} read the template's data. */
    private Object function(String name, List<Object> args) {
        if ((name.equals("externalURL") || name.equals("pathPrefix")) && !args.isEmpty()) {
            throw new TemplateRenderException("wrong number of args for " + name + ": want 0 got " + args.size());
        }
        if (name.equals("query") && args.size() != 1) {
            throw new TemplateRenderException("wrong number of args for query: want 1 got " + args.size());
        }
        return switch (name) {
            case "externalURL" -> data.externalUrl();
            case "pathPrefix" -> pathOf(data.externalUrl());
            case "query" -> query(args.getFirst());
            default -> TemplateFunctions.call(name, args);
        };
    }

    private List<TemplateQuery.Sample> query(Object expr) {
        if (!(expr instanceof String text)) {
            throw new TemplateRenderException("error calling query: expected a string; got " + GoFormat.typeName(expr));
        }
        return switch (data.query().query(text)) {
            case TemplateQuery.Result.Samples s -> s.samples();
            case TemplateQuery.Result.Failed f ->
                throw new TemplateRenderException("error calling query: " + f.message());
        };
    }

    private static String pathOf(String url) {
        try {
            String path = new java.net.URI(url).getRawPath();
            return path == null ? "" : path;
        } catch (java.net.URISyntaxException e) {
            return "";
        }
    }

    private Object lookup(String name) {
        for (Map<String, Object> s : scopes) {
            if (s.containsKey(name)) {
                return s.get(name);
            }
        }
        throw new TemplateRenderException("undefined variable " + name);
    }

    private static Object fields(Object v, List<String> fields) {
        for (String f : fields) {
            v = field(v, f);
        }
        return v;
    }

    private static Object field(Object v, String name) {
        if (v instanceof Map<?, ?> m) {
            Object x = m.get(name);
            return x == null ? "" : x; // Prometheus renders with missingkey=zero
        }
        if (v instanceof TemplateQuery.Sample s && (name.equals("Labels") || name.equals("Value"))) {
            return name.equals("Labels") ? s.labels() : (Object) s.value();
        }
        if (v instanceof TemplateData d) {
            switch (name) {
                case "Labels" -> {
                    return d.labels();
                }
                case "Value" -> {
                    return d.value();
                }
                case "ExternalLabels" -> {
                    return d.externalLabels();
                }
                case "ExternalURL" -> {
                    return d.externalUrl();
                }
                default -> {
                    // falls through to the error below
                }
            }
        }
        throw new TemplateRenderException("can't evaluate field " + name + " in type "
                + (v instanceof TemplateData ? "alert data" : GoFormat.typeName(v)));
    }

    private static String describe(Operand o) {
        return switch (o) {
            case Operand.Variable v -> v.name() + (v.fields().isEmpty() ? "" : "." + String.join(".", v.fields()));
            case Operand.Field f -> "." + String.join(".", f.fields());
            case Operand.Literal l -> GoFormat.print(l.value());
            default -> "value";
        };
    }
}
