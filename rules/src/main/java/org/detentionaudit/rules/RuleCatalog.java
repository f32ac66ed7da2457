package org.detentionaudit.rules;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The rule catalog: every rule kind once, with its title, meaning, question, severity, thresholds,
 * parameters and rationale. The built-in catalog is {@code core-rules.yaml} beside this class; a
 * user's file ({@code --rules FILE.yaml}) overrides thresholds, severities, parameters or disables
 * rules:
 *
 * <pre>
 * rules:
 *   placement.zero_length:
 *     severity: warning
 *     warn_at: 0.01
 *     fail_at: 0.05
 *   status.unknown:
 *     parameters:
 *       max_open_days: 180
 *   stay.transferred_without_next:
 *     enabled: false
 * </pre>
 *
 * A bad file is rejected as a whole with a {@link RuleCatalogException} naming each rule and
 * problem; nothing is partly applied. Immutable.
 */
public final class RuleCatalog {
  private static final String BUILT_IN = "core-rules.yaml";
  private static final Set<String> DEFINITION_KEYS =
      Set.of(
          "id", "title", "meaning", "question", "severity", "warn_at", "fail_at", "enabled",
          "parameters", "rationale");
  private static final Set<String> OVERRIDE_KEYS =
      Set.of("title", "severity", "warn_at", "fail_at", "enabled", "parameters", "rationale");

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private final Map<RuleKind, Rule> rules;

  private RuleCatalog(Map<RuleKind, Rule> rules) {
    this.rules = new EnumMap<>(rules);
  }

  /** The built-in catalog of the core rules, as shipped. */
  public static RuleCatalog builtIn() {
    try (InputStream in = RuleCatalog.class.getResourceAsStream(BUILT_IN)) {
      if (in == null) {
        throw new IllegalStateException("Cannot find built-in rule catalog " + BUILT_IN);
      }
      return parseDefinitions(BUILT_IN, readTree(BUILT_IN, in));
    } catch (IOException e) {
      throw new IllegalStateException("Cannot read built-in rule catalog " + BUILT_IN, e);
    }
  }

  /** Every rule, enabled or not, in rule-kind order. */
  public List<Rule> all() {
    return List.copyOf(rules.values());
  }

  /** The enabled rules, in rule-kind order. */
  public List<Rule> enabled() {
    return rules.values().stream().filter(Rule::enabled).toList();
  }

  public Rule rule(RuleKind kind) {
    return rules.get(kind);
  }

  /**
   * Applies a user's rules file on top of this catalog.
   *
   * @throws RuleCatalogException when the file is missing, is not YAML of the expected shape, names
   *     an unknown rule, or gives a bad value; the message names the file, the rule and the problem
   */
  public RuleCatalog withOverrides(Path file) {
    Object tree;
    try (InputStream in = Files.newInputStream(file)) {
      tree = readTree(file.toString(), in);
    } catch (NoSuchFileException e) {
      throw new RuleCatalogException(
          file.toString(), List.of("the file does not exist; check the path given to --rules"));
    } catch (IOException e) {
      throw new RuleCatalogException(file.toString(), List.of("cannot be read: " + e.getMessage()));
    }
    return withOverrides(file.toString(), tree);
  }

  /** Applies overrides given as YAML text; {@code source} names them in error messages. */
  public RuleCatalog withOverrides(String source, String yamlText) {
    try {
      return withOverrides(source, YAML.readValue(yamlText, Object.class));
    } catch (JacksonException e) {
      throw new RuleCatalogException(source, List.of("is not valid YAML: " + firstLine(e)));
    }
  }

  private RuleCatalog withOverrides(String source, Object tree) {
    List<String> problems = new ArrayList<>();
    Map<?, ?> root = tree instanceof Map<?, ?> m ? m : null;
    if (root == null || !(root.get("rules") instanceof Map<?, ?>)) {
      throw new RuleCatalogException(
          source,
          List.of(
              "expected a top-level 'rules:' mapping of rule id to settings, e.g. 'rules: {"
                  + " placement.zero_length: { warn_at: 0.01 } }'"));
    }
    for (Object key : root.keySet()) {
      if (!"rules".equals(key)) {
        problems.add("unknown top-level key '" + key + "'; only 'rules' is allowed");
      }
    }
    Map<RuleKind, Rule> result = new EnumMap<>(rules);
    for (Map.Entry<?, ?> entry : ((Map<?, ?>) root.get("rules")).entrySet()) {
      String id = String.valueOf(entry.getKey());
      var kind = RuleKind.fromId(id);
      if (kind.isEmpty()) {
        problems.add("unknown rule '" + id + "'; known rules: " + knownIds());
        continue;
      }
      if (!(entry.getValue() instanceof Map<?, ?> settings)) {
        problems.add("rule '" + id + "': expected a mapping of settings, got: " + entry.getValue());
        continue;
      }
      try {
        result.put(kind.get(), applyOverride(rules.get(kind.get()), settings));
      } catch (IllegalArgumentException e) {
        problems.add("rule '" + id + "': " + e.getMessage());
      }
    }
    if (!problems.isEmpty()) {
      throw new RuleCatalogException(source, problems);
    }
    return new RuleCatalog(result);
  }

  private static Rule applyOverride(Rule base, Map<?, ?> settings) {
    for (Object key : settings.keySet()) {
      if (!OVERRIDE_KEYS.contains(String.valueOf(key))) {
        throw new IllegalArgumentException(
            "unknown setting '" + key + "'; allowed: " + String.join(", ", sorted(OVERRIDE_KEYS)));
      }
    }
    Map<String, Object> parameters = new LinkedHashMap<>(base.parameters());
    if (settings.containsKey("parameters")) {
      parameters.putAll(convertParameters(base.kind(), settings.get("parameters"), false));
    }
    return new Rule(
        base.kind(),
        text(settings, "title", base.title()),
        base.meaning(),
        base.question(),
        settings.containsKey("severity")
            ? Severity.fromCode(String.valueOf(settings.get("severity")))
            : base.severity(),
        ratio(settings, "warn_at", base.warnAt()),
        ratio(settings, "fail_at", base.failAt()),
        bool(settings, "enabled", base.enabled()),
        parameters,
        text(settings, "rationale", base.rationale()));
  }

  private static RuleCatalog parseDefinitions(String source, Object tree) {
    List<String> problems = new ArrayList<>();
    Map<RuleKind, Rule> parsed = new EnumMap<>(RuleKind.class);
    Object list = tree instanceof Map<?, ?> m ? m.get("rules") : null;
    if (!(list instanceof List<?> entries)) {
      throw new RuleCatalogException(source, List.of("expected a top-level 'rules:' list"));
    }
    for (Object entry : entries) {
      if (!(entry instanceof Map<?, ?> def)) {
        problems.add("expected a mapping per rule, got: " + entry);
        continue;
      }
      String id = String.valueOf(def.get("id"));
      try {
        for (Object key : def.keySet()) {
          if (!DEFINITION_KEYS.contains(String.valueOf(key))) {
            throw new IllegalArgumentException("unknown key '" + key + "'");
          }
        }
        RuleKind kind =
            RuleKind.fromId(id)
                .orElseThrow(() -> new IllegalArgumentException("no rule kind has this id"));
        if (parsed.containsKey(kind)) {
          throw new IllegalArgumentException("defined twice");
        }
        parsed.put(
            kind,
            new Rule(
                kind,
                requiredText(def, "title"),
                requiredText(def, "meaning"),
                Question.fromCode(requiredText(def, "question")),
                Severity.fromCode(requiredText(def, "severity")),
                ratio(def, "warn_at", Double.NaN),
                ratio(def, "fail_at", Double.NaN),
                bool(def, "enabled", true),
                convertParameters(kind, def.get("parameters"), true),
                requiredText(def, "rationale")));
      } catch (IllegalArgumentException e) {
        problems.add("rule '" + id + "': " + e.getMessage());
      }
    }
    for (RuleKind kind : RuleKind.values()) {
      if (!parsed.containsKey(kind) && problems.isEmpty()) {
        problems.add("rule '" + kind.id() + "' is missing from the catalog");
      }
    }
    if (!problems.isEmpty()) {
      throw new RuleCatalogException(source, problems);
    }
    return new RuleCatalog(parsed);
  }

  private static Map<String, Object> convertParameters(
      RuleKind kind, Object raw, boolean requireAll) {
    Map<?, ?> given = raw == null ? Map.of() : raw instanceof Map<?, ?> m ? m : null;
    if (given == null) {
      throw new IllegalArgumentException("'parameters' must be a mapping, got: " + raw);
    }
    Map<String, Object> converted = new LinkedHashMap<>();
    for (Map.Entry<?, ?> e : given.entrySet()) {
      String name = String.valueOf(e.getKey());
      ParameterSpec spec =
          kind.parameters().stream()
              .filter(p -> p.name().equals(name))
              .findFirst()
              .orElseThrow(
                  () ->
                      new IllegalArgumentException(
                          "unknown parameter '"
                              + name
                              + "'; this rule takes "
                              + (kind.parameters().isEmpty()
                                  ? "no parameters"
                                  : kind.parameters().stream()
                                      .map(ParameterSpec::name)
                                      .collect(Collectors.joining(", ")))));
      converted.put(name, spec.convert(e.getValue()));
    }
    if (requireAll) {
      for (ParameterSpec spec : kind.parameters()) {
        if (!converted.containsKey(spec.name())) {
          throw new IllegalArgumentException("parameter '" + spec.name() + "' is required");
        }
      }
    }
    return converted;
  }

  private static double ratio(Map<?, ?> map, String key, double fallback) {
    Object value = map.get(key);
    if (value == null) {
      if (Double.isNaN(fallback)) {
        throw new IllegalArgumentException("'" + key + "' is required");
      }
      return fallback;
    }
    if (!(value instanceof Number n) || !(n.doubleValue() >= 0 && n.doubleValue() <= 1)) {
      throw new IllegalArgumentException(
          "'" + key + "' must be a ratio between 0 and 1 (e.g. 0.01 for 1%), got: " + value);
    }
    return n.doubleValue();
  }

  private static boolean bool(Map<?, ?> map, String key, boolean fallback) {
    Object value = map.get(key);
    if (value == null) {
      return fallback;
    }
    if (!(value instanceof Boolean b)) {
      throw new IllegalArgumentException("'" + key + "' must be true or false, got: " + value);
    }
    return b;
  }

  private static String text(Map<?, ?> map, String key, String fallback) {
    Object value = map.get(key);
    if (value == null) {
      return fallback;
    }
    if (!(value instanceof String s) || s.isBlank()) {
      throw new IllegalArgumentException("'" + key + "' must be non-blank text, got: " + value);
    }
    return s.trim();
  }

  private static String requiredText(Map<?, ?> map, String key) {
    String value = text(map, key, null);
    if (value == null) {
      throw new IllegalArgumentException("'" + key + "' is required");
    }
    return value;
  }

  private static Object readTree(String source, InputStream in) throws IOException {
    try {
      return YAML.readValue(in, Object.class);
    } catch (JacksonException e) {
      throw new RuleCatalogException(source, List.of("is not valid YAML: " + firstLine(e)));
    }
  }

  private static String firstLine(JacksonException e) {
    String message = e.getOriginalMessage();
    var location = e.getLocation();
    return (message == null ? "parse error" : message.lines().findFirst().orElse(""))
        + (location == null ? "" : " (line " + location.getLineNr() + ")");
  }

  private static String knownIds() {
    return Arrays.stream(RuleKind.values()).map(RuleKind::id).collect(Collectors.joining(", "));
  }

  private static List<String> sorted(Set<String> keys) {
    return keys.stream().sorted().toList();
  }
}
