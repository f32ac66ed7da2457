package org.detentionaudit.core.layout;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.detentionaudit.core.InputException;
import org.detentionaudit.rules.CanonicalField;

/**
 * The layouts known to a run: the built-in ones (YAML resources next to this class) plus any the
 * user adds. Immutable; {@link #withLayoutFiles} returns a new catalog.
 *
 * <p>Detection ({@link #resolve}) scores every layout against a header and picks the one with the
 * most matching known columns; ties go to the higher share of the layout's columns matched, then to
 * the alphabetically first name, so the choice never depends on load order.
 */
public final class LayoutCatalog {
  /** The value of {@code --layout} that asks for detection, same as no forced layout. */
  public static final String AUTO = "auto";

  private static final String RESOURCE_INDEX = "layouts.list";
  private static final ObjectMapper YAML =
      new ObjectMapper(new YAMLFactory())
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

  private final Map<String, Layout> layoutsByName;

  private LayoutCatalog(Map<String, Layout> layoutsByName) {
    this.layoutsByName = java.util.Collections.unmodifiableMap(new TreeMap<>(layoutsByName));
  }

  /** The layouts shipped with the library ({@code ddp-2025}, {@code ddp-2026-03}, ...). */
  public static LayoutCatalog builtIn() {
    Map<String, Layout> layouts = new TreeMap<>();
    for (String resource : builtInResourceNames()) {
      try (InputStream in = LayoutCatalog.class.getResourceAsStream(resource)) {
        if (in == null) {
          throw new IllegalStateException("built-in layout resource missing: " + resource);
        }
        Layout layout = parse(in, resource);
        layouts.put(layout.name(), layout);
      } catch (IOException e) {
        throw new IllegalStateException("Cannot read built-in layout " + resource, e);
      }
    }
    return new LayoutCatalog(layouts);
  }

  private static List<String> builtInResourceNames() {
    try (InputStream in = LayoutCatalog.class.getResourceAsStream(RESOURCE_INDEX)) {
      if (in == null) {
        throw new IllegalStateException("built-in layout index missing: " + RESOURCE_INDEX);
      }
      try (BufferedReader reader =
          new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
        return reader
            .lines()
            .map(String::trim)
            .filter(line -> !line.isEmpty() && !line.startsWith("#"))
            .collect(Collectors.toList());
      }
    } catch (IOException e) {
      throw new IllegalStateException("Cannot read built-in layout index", e);
    }
  }

  /** A catalog of exactly these layouts (a later layout replaces an earlier one of its name). */
  public static LayoutCatalog of(Collection<Layout> layouts) {
    Map<String, Layout> byName = new TreeMap<>();
    layouts.forEach(layout -> byName.put(layout.name(), layout));
    return new LayoutCatalog(byName);
  }

  /**
   * This catalog plus the layouts in the given YAML files (format: {@link LayoutFile}); a user
   * layout with the name of a built-in one replaces it. An empty list returns this catalog.
   *
   * @throws InputException naming the file when it cannot be read or is not a valid layout
   */
  public LayoutCatalog withLayoutFiles(List<Path> yamlFiles) {
    Map<String, Layout> layouts = new TreeMap<>(layoutsByName);
    for (Path file : yamlFiles) {
      if (!Files.isRegularFile(file)) {
        throw new InputException(
            "Cannot read layout file '"
                + file
                + "': it does not exist or is not a file. Check the path.");
      }
      try (InputStream in = Files.newInputStream(file)) {
        Layout layout = parse(in, file.toString());
        layouts.put(layout.name(), layout);
      } catch (IOException e) {
        throw new InputException(
            "Cannot read layout file '" + file + "': " + e.getMessage() + ". Check the file.", e);
      } catch (IllegalArgumentException e) {
        throw new InputException(
            "Cannot read layout file '" + file + "': " + e.getMessage(), e);
      }
    }
    return new LayoutCatalog(layouts);
  }

  /**
   * Parses one layout YAML document.
   *
   * @throws IllegalArgumentException naming {@code sourceName} and what is wrong
   * @throws IOException when the stream cannot be read
   */
  static Layout parse(InputStream yaml, String sourceName) throws IOException {
    LayoutFile file;
    try {
      file = YAML.readValue(yaml, LayoutFile.class);
    } catch (com.fasterxml.jackson.core.JacksonException e) {
      throw new IllegalArgumentException(
          "it is not a valid layout YAML: "
              + e.getOriginalMessage()
              + ". Expected keys: name, description, max_preamble_lines, date_formats, fields,"
              + " other_columns, covers_from");
    }
    if (file == null) {
      throw new IllegalArgumentException("it is empty. Write a layout YAML");
    }
    Map<CanonicalField, List<String>> aliases = new EnumMap<>(CanonicalField.class);
    for (Map.Entry<String, List<String>> entry : file.fieldsOrEmpty().entrySet()) {
      CanonicalField field =
          CanonicalField.fromColumnName(entry.getKey())
              .orElseThrow(
                  () ->
                      new IllegalArgumentException(
                          "layout '"
                              + file.name()
                              + "' maps unknown canonical field '"
                              + entry.getKey()
                              + "'. Known fields: "
                              + Arrays.stream(CanonicalField.values())
                                  .map(CanonicalField::columnName)
                                  .collect(Collectors.joining(", "))));
      aliases.put(field, entry.getValue());
    }
    int maxPreamble = file.maxPreambleLines() == null ? 0 : file.maxPreambleLines();
    return new Layout(
        file.name(),
        file.description(),
        aliases,
        file.otherColumns(),
        file.dateFormats(),
        maxPreamble,
        coversFrom(file));
  }

  private static Optional<LocalDate> coversFrom(LayoutFile file) {
    if (file.coversFrom() == null || file.coversFrom().isBlank()) {
      return Optional.empty();
    }
    try {
      return Optional.of(LocalDate.parse(file.coversFrom().trim()));
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          "layout '"
              + file.name()
              + "' has covers_from '"
              + file.coversFrom()
              + "', which is not a date. Write it as YYYY-MM-DD, e.g. 2011-10-01");
    }
  }

  /** All layouts, sorted by name. */
  public List<Layout> layouts() {
    return List.copyOf(layoutsByName.values());
  }

  /** The layout called {@code name} (exact, then ignoring case), if any. */
  public Optional<Layout> find(String name) {
    if (name == null) {
      return Optional.empty();
    }
    Layout exact = layoutsByName.get(name);
    if (exact != null) {
      return Optional.of(exact);
    }
    return layoutsByName.values().stream()
        .filter(layout -> layout.name().equalsIgnoreCase(name.trim()))
        .findFirst();
  }

  /**
   * The forced layout, or empty for detection: empty, blank and {@value #AUTO} all mean detect.
   *
   * @throws InputException when the name is not in the catalog (the message lists the names)
   */
  public Optional<Layout> forcedLayout(Optional<String> forcedLayoutName) {
    if (forcedLayoutName == null
        || forcedLayoutName.isEmpty()
        || forcedLayoutName.get().isBlank()
        || forcedLayoutName.get().trim().toLowerCase(Locale.ROOT).equals(AUTO)) {
      return Optional.empty();
    }
    String name = forcedLayoutName.get();
    return Optional.of(
        find(name)
            .orElseThrow(
                () ->
                    new InputException(
                        "Cannot use layout '"
                            + name
                            + "': no layout has this name. Use 'auto' or one of: "
                            + String.join(", ", layoutsByName.keySet())
                            + ".")));
  }

  /**
   * The largest number of preamble lines any candidate layout allows: the forced layout's, or the
   * largest in the catalog when detecting.
   */
  public int maxPreambleLines(Optional<Layout> forced) {
    return forced
        .map(Layout::maxPreambleLines)
        .orElseGet(
            () -> layoutsByName.values().stream().mapToInt(Layout::maxPreambleLines).max().orElse(0));
  }

  /**
   * The best match of {@code header} among the candidates (only the forced layout, when given).
   * Never null; the match may not be convincing.
   */
  public LayoutMatch bestMatch(List<String> header, Optional<Layout> forced) {
    if (forced.isPresent()) {
      return forced.get().match(header);
    }
    return layoutsByName.values().stream()
        .map(layout -> layout.match(header))
        .min(BEST_FIRST)
        .orElseThrow(() -> new IllegalStateException("layout catalog is empty"));
  }

  /** Orders matches best first: most matched columns, then highest coverage, then name. */
  public static final Comparator<LayoutMatch> BEST_FIRST =
      Comparator.comparingInt(LayoutMatch::matchedColumns)
          .reversed()
          .thenComparing(Comparator.comparingDouble(LayoutMatch::layoutCoverage).reversed())
          .thenComparing(match -> match.layout().name());

  /**
   * Resolves the layout of the file called {@code source} from its header.
   *
   * <p>Detection accepts the best match only when {@link LayoutMatch#isConvincing()}; a forced
   * layout is accepted when at least one of its canonical fields is present.
   *
   * @throws InputException naming {@code source}, the columns found, and the nearest layout with
   *     the columns it lacks
   */
  public LayoutMatch resolve(List<String> header, Optional<Layout> forced, String source) {
    LayoutMatch best = bestMatch(header, forced);
    boolean accepted =
        forced.isPresent() ? !best.fieldPositions().isEmpty() : best.isConvincing();
    if (accepted) {
      return best;
    }
    throw noLayoutError(best, forced.isPresent(), source);
  }

  /** The error for a header that fits no layout (or not the forced one). */
  public static InputException noLayoutError(LayoutMatch nearest, boolean forced, String source) {
    String reason =
        forced
            ? "none of its columns is a field of the forced layout '"
                + nearest.layout().name()
                + "'"
            : "its columns match no known layout";
    return new InputException(
        "Cannot detect the layout of '"
            + source
            + "': "
            + reason
            + ". Columns found: "
            + quoted(nearest.header())
            + ". Nearest layout '"
            + nearest.layout().name()
            + "' lacks: "
            + quoted(nearest.missingColumns())
            + ". Check that this is a detention table, force a layout with --layout NAME, or"
            + " describe the layout in a layout YAML file.");
  }

  private static String quoted(List<String> names) {
    List<String> shown = new ArrayList<>();
    for (String name : names) {
      shown.add("'" + name + "'");
    }
    return "[" + String.join(", ", shown) + "]";
  }
}
