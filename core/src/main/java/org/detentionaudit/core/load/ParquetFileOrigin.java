package org.detentionaudit.core.load;

import static org.apache.spark.sql.functions.lit;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.functions;

/**
 * Maps Spark's {@code _metadata.file_path} of a Parquet row to the {@link InputFile} it came from,
 * without parsing a path per row.
 *
 * <p>The files are known on the driver before any row is read ({@code Dataset.inputFiles()}); each
 * is matched once to an input file by its decoded path ({@link ParquetInputReader#pathKey(String)}).
 * Rows then need only a literal (one file) or one {@code CASE} over exact string equality (several
 * part files). Spark 3.5 spells a path differently there ({@code file:///a%20b/x.parquet}) and in
 * {@code _metadata.file_path} (the Hadoop {@code Path} URI, {@code file:/a%20b/x.parquet}), so both
 * spellings of each file are listed.
 */
final class ParquetFileOrigin {
  private final List<List<String>> reportedPaths;
  private final List<InputFile> files;

  private ParquetFileOrigin(List<List<String>> reportedPaths, List<InputFile> files) {
    this.reportedPaths = reportedPaths;
    this.files = files;
  }

  /**
   * @param reportedPaths the file paths as Spark reports them for the read
   * @param files the input files of the read
   * @throws IllegalStateException when a reported path is none of the files
   */
  static ParquetFileOrigin match(String[] reportedPaths, List<InputFile> files) {
    Map<String, InputFile> byKey = new HashMap<>();
    for (InputFile file : files) {
      byKey.put(ParquetInputReader.pathKey(file.qualifiedPath()), file);
    }
    List<List<String>> paths = new ArrayList<>();
    List<InputFile> matched = new ArrayList<>();
    for (String reported : reportedPaths) {
      InputFile file = byKey.get(ParquetInputReader.pathKey(reported));
      if (file == null) {
        throw new IllegalStateException(
            "Cannot match Parquet file '" + reported + "' to an input file: expected one of " + files);
      }
      paths.add(spellings(reported));
      matched.add(file);
    }
    return new ParquetFileOrigin(List.copyOf(paths), List.copyOf(matched));
  }

  /** The file's {@link InputFile#fileIndex()} as a long, from the {@code filePath} column. */
  Column fileIndex(Column filePath) {
    List<Column> indexes = files.stream().map(file -> lit((long) file.fileIndex())).toList();
    if (indexes.size() == 1) {
      return indexes.get(0);
    }
    // The paths are the ones Spark itself reports for this read. Should a file system spell a path
    // a third way, stop loudly rather than give its rows another file's name.
    Column choice = functions.when(isFile(filePath, 0), indexes.get(0));
    for (int i = 1; i < indexes.size(); i++) {
      choice = choice.when(isFile(filePath, i), indexes.get(i));
    }
    // raise_error stops the task before any NULL is produced; the coalesce only tells Spark's
    // schema that the column is never null.
    return functions.coalesce(
        choice.otherwise(
        functions.raise_error(
            functions.concat(
                lit("Cannot tell which Parquet part file a row came from: unexpected path "),
                filePath,
                lit(". Please report this with the file system used.")))),
        lit(-1L));
  }

  /**
   * The file's {@link InputFile#sourceName()}, from the column {@link #fileIndex(Column)} gave
   * (integer comparisons only). Never null.
   */
  Column sourceName(Column fileIndex) {
    Column choice = lit(files.get(files.size() - 1).sourceName());
    for (int i = files.size() - 2; i >= 0; i--) {
      choice =
          functions
              .when(fileIndex.equalTo(lit((long) files.get(i).fileIndex())), lit(files.get(i).sourceName()))
              .otherwise(choice);
    }
    return choice;
  }

  private Column isFile(Column filePath, int file) {
    List<String> spellings = reportedPaths.get(file);
    Column is = filePath.equalTo(lit(spellings.get(0)));
    for (int i = 1; i < spellings.size(); i++) {
      is = is.or(filePath.equalTo(lit(spellings.get(i))));
    }
    return is;
  }

  /** The listing's spelling of a path and, when it differs, its Hadoop {@code Path} URI. */
  private static List<String> spellings(String reported) {
    String hadoop;
    try {
      // Rebuilt from its parts, an empty authority is dropped: file:///a becomes file:/a.
      URI uri = new URI(reported);
      hadoop = new Path(uri.getScheme(), uri.getAuthority(), uri.getPath()).toUri().toString();
    } catch (URISyntaxException | IllegalArgumentException notAUri) {
      hadoop = new Path(reported).toUri().toString();
    }
    return hadoop.equals(reported) ? List.of(reported) : List.of(hadoop, reported);
  }
}
