package org.detentionaudit.core.compare;

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
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.detentionaudit.core.InputException;

/**
 * When a change is flagged, per {@link ChangeKind}: the bundled defaults ({@code
 * compare-thresholds.yaml} beside this class, documented in {@code docs/compare.md}), optionally
 * overridden by a user's YAML file of the same shape:
 *
 * <pre>{@code
 * thresholds:
 *   column_missing_share: { absolute: 0.05 }   # other settings of the kind keep their defaults
 *   facility_new: { flag: true }
 * }</pre>
 *
 * A numeric kind is flagged when its change, in the kind's direction, exceeds every limit given:
 * {@code absolute} (in the value's unit: a share's points as a fraction, e.g. 0.02 for 2 points, or
 * records) and {@code relative} (a fraction of the earlier value, e.g. 0.25 for 25%); {@code ~}
 * (null) removes a limit, at least one must remain. {@code flag: false} never flags the kind.
 * Immutable.
 */
public final class Thresholds {
  static final String BUNDLED = "compare-thresholds.yaml";
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final Set<String> SETTINGS = Set.of("flag", "absolute", "relative");

  private final Map<ChangeKind, Threshold> byKind;
  private final String source;

  private Thresholds(Map<ChangeKind, Threshold> byKind, String source) {
    this.byKind = new EnumMap<>(byKind);
    this.source = source;
  }

  /** Where the settings come from: {@code bundled}, or {@code bundled + FILE}. */
  public String source() {
    return source;
  }

  /**
   * One kind's settings.
   *
   * @param flag whether the kind is ever flagged
   * @param absolute the change (in the value's unit) to exceed, null for no such limit
   * @param relative the change as a fraction of the earlier value to exceed, null for no such limit
   */
  public record Threshold(boolean flag, Double absolute, Double relative) {}

  /** The bundled defaults. */
  public static Thresholds defaults() {
    try (InputStream in = Thresholds.class.getResourceAsStream(BUNDLED)) {
      if (in == null) {
        throw new IllegalStateException("Cannot find the bundled thresholds " + BUNDLED);
      }
      Map<ChangeKind, Threshold> settings = new EnumMap<>(ChangeKind.class);
      Thresholds parsed = new Thresholds(settings, "bundled").with(BUNDLED, YAML.readValue(in, Object.class), "bundled");
      for (ChangeKind kind : ChangeKind.values()) {
        if (parsed.byKind.get(kind) == null) {
          throw new IllegalStateException("The bundled thresholds " + BUNDLED + " lack " + kind.key());
        }
      }
      return parsed;
    } catch (IOException e) {
      throw new IllegalStateException("Cannot read the bundled thresholds " + BUNDLED, e);
    }
  }

  /**
   * The defaults with a user's file applied on top.
   *
   * @throws InputException naming the file, the problem and the fix: a missing or unreadable file,
   *     invalid YAML, an unknown kind or setting, a value that is not a number of zero or more, a
   *     numeric kind left without a limit
   */
  public static Thresholds read(Path file) {
    Object tree;
    try (InputStream in = Files.newInputStream(file)) {
      tree = YAML.readValue(in, Object.class);
    } catch (NoSuchFileException e) {
      throw new InputException(
          "Cannot read thresholds file " + file + ": it does not exist. Check the path given to --thresholds.");
    } catch (JacksonException e) {
      throw new InputException(
          "Cannot read thresholds file " + file + ": it is not valid YAML (" + firstLine(e) + "). Fix the file.", e);
    } catch (IOException e) {
      throw new InputException(
          "Cannot read thresholds file " + file + ": " + e.getMessage() + ". Check the path and its permissions.", e);
    }
    return defaults().with(file.toString(), tree, "bundled + " + file);
  }

  /** The defaults with settings given as YAML text applied; {@code source} names them in errors. */
  public static Thresholds parse(String source, String yamlText) {
    try {
      return defaults().with(source, YAML.readValue(yamlText, Object.class), "bundled + " + source);
    } catch (JacksonException e) {
      throw new InputException(
          "Cannot read thresholds " + source + ": it is not valid YAML (" + firstLine(e) + "). Fix the file.", e);
    }
  }

  /** The settings of a kind. */
  public Threshold of(ChangeKind kind) {
    return byKind.get(Objects.requireNonNull(kind, "kind"));
  }

  private Thresholds with(String source, Object tree, String newSource) {
    if (!(tree instanceof Map<?, ?> root) || !(root.get("thresholds") instanceof Map<?, ?> kinds)) {
      throw problems(
          source,
          List.of(
              "expected a top-level 'thresholds:' mapping of kind to settings, e.g. 'thresholds: {"
                  + " column_missing_share: { absolute: 0.05 } }'"));
    }
    List<String> problems = new ArrayList<>();
    root.keySet().stream()
        .filter(key -> !"thresholds".equals(key))
        .forEach(key -> problems.add("unknown top-level key '" + key + "'; only 'thresholds' is allowed"));
    Map<ChangeKind, Threshold> result = new EnumMap<>(ChangeKind.class);
    result.putAll(byKind);
    for (Map.Entry<?, ?> entry : kinds.entrySet()) {
      String key = String.valueOf(entry.getKey());
      var kind = ChangeKind.fromKey(key);
      if (kind.isEmpty()) {
        problems.add("unknown kind '" + key + "'; known kinds: " + knownKeys());
        continue;
      }
      if (!(entry.getValue() instanceof Map<?, ?> settings)) {
        problems.add("'" + key + "': expected a mapping of settings (flag, absolute, relative), got: " + entry.getValue());
        continue;
      }
      Threshold old = result.getOrDefault(kind.get(), new Threshold(true, null, null));
      boolean flag = old.flag();
      Double absolute = old.absolute();
      Double relative = old.relative();
      for (Map.Entry<?, ?> setting : settings.entrySet()) {
        String name = String.valueOf(setting.getKey());
        Object value = setting.getValue();
        if (!SETTINGS.contains(name) || (!kind.get().numeric() && !"flag".equals(name))) {
          problems.add(
              "'" + key + "': unknown setting '" + name + "'; allowed: "
                  + (kind.get().numeric() ? "flag, absolute, relative" : "flag"));
        } else if ("flag".equals(name)) {
          if (value instanceof Boolean b) {
            flag = b;
          } else {
            problems.add("'" + key + "': 'flag' must be true or false, got: " + value);
          }
        } else if (value != null && !(value instanceof Number n && n.doubleValue() >= 0 && Double.isFinite(n.doubleValue()))) {
          problems.add("'" + key + "': '" + name + "' must be a number of zero or more (or ~ for no limit), got: " + value);
        } else if ("absolute".equals(name)) {
          absolute = value == null ? null : ((Number) value).doubleValue();
        } else {
          relative = value == null ? null : ((Number) value).doubleValue();
        }
      }
      if (kind.get().numeric() && absolute == null && relative == null) {
        problems.add("'" + key + "': give at least one of 'absolute' and 'relative' (or 'flag: false')");
      }
      result.put(kind.get(), new Threshold(flag, absolute, relative));
    }
    if (!problems.isEmpty()) {
      throw problems(source, problems);
    }
    return new Thresholds(result, newSource);
  }

  private static InputException problems(String source, List<String> problems) {
    return new InputException(
        "Cannot read thresholds file "
            + source
            + ": "
            + String.join("; ", problems)
            + ". Fix the file (its format: docs/compare.md, \"Thresholds\").");
  }

  private static String knownKeys() {
    return Arrays.stream(ChangeKind.values()).map(ChangeKind::key).collect(Collectors.joining(", "));
  }

  private static String firstLine(JacksonException e) {
    String message = e.getOriginalMessage();
    var location = e.getLocation();
    return (message == null ? "parse error" : message.lines().findFirst().orElse(""))
        + (location == null ? "" : ", line " + location.getLineNr());
  }
}
