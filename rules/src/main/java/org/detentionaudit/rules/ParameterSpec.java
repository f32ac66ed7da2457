package org.detentionaudit.rules;

import java.util.List;

/**
 * A typed parameter a rule kind takes: its name and how a YAML value is checked and converted.
 *
 * @param name the key under {@code parameters:} in the catalog
 * @param type the accepted value type
 */
public record ParameterSpec(String name, Type type) {

  /** The value types a parameter can have. */
  public enum Type {
    /** A non-empty list of non-blank strings. */
    STRING_LIST,
    /** A non-blank string. */
    TEXT,
    /** An integer greater than zero. */
    POSITIVE_INTEGER
  }

  public static ParameterSpec stringList(String name) {
    return new ParameterSpec(name, Type.STRING_LIST);
  }

  public static ParameterSpec text(String name) {
    return new ParameterSpec(name, Type.TEXT);
  }

  public static ParameterSpec positiveInteger(String name) {
    return new ParameterSpec(name, Type.POSITIVE_INTEGER);
  }

  /**
   * Checks and converts a value read from YAML.
   *
   * @return a {@code List<String>}, a {@code String} or an {@code Integer}
   * @throws IllegalArgumentException with a message saying what was expected
   */
  public Object convert(Object raw) {
    switch (type) {
      case STRING_LIST -> {
        if (!(raw instanceof List<?> list) || list.isEmpty()) {
          throw new IllegalArgumentException(
              "parameter '" + name + "' must be a non-empty list of strings, got: " + raw);
        }
        for (Object item : list) {
          if (!(item instanceof String s) || s.isBlank()) {
            throw new IllegalArgumentException(
                "parameter '" + name + "' must list non-blank strings, got item: " + item);
          }
        }
        return list.stream().map(String.class::cast).map(String::trim).toList();
      }
      case TEXT -> {
        if (!(raw instanceof String s) || s.isBlank()) {
          throw new IllegalArgumentException(
              "parameter '" + name + "' must be a non-blank string, got: " + raw);
        }
        return s.trim();
      }
      case POSITIVE_INTEGER -> {
        if (!(raw instanceof Integer i) || i <= 0) {
          throw new IllegalArgumentException(
              "parameter '" + name + "' must be a whole number greater than 0, got: " + raw);
        }
        return i;
      }
      default -> throw new AssertionError(type);
    }
  }
}
