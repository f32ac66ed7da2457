package org.detentionaudit.core.load;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;
import org.detentionaudit.core.InputException;

/**
 * Turns the user's input paths into the list of files to read, through Hadoop {@link FileSystem}
 * (so {@code hdfs://}, {@code s3a://} and local paths all work).
 *
 * <p>Inputs keep the user's order; a folder is expanded recursively, its files sorted by path.
 * Files are text ({@code .csv}, {@code .txt}, {@code .tsv} and their {@code .gz}), Parquet, or
 * Excel workbooks ({@code .xlsx}, {@code .xlsm}); an old binary {@code .xls} is refused with the
 * advice to save it as {@code .xlsx} or CSV. Inside folders, hidden files and folders (names starting with {@code .} or {@code _}, such as
 * {@code _SUCCESS}), {@code .crc} checksums and companion documents that are never data (manifests,
 * READMEs, PDFs: see {@link #COMPANION_EXTENSIONS}) are ignored; any other file whose type is not
 * supported is an error rather than silently skipped.
 */
final class InputExpander {
  private static final List<String> TEXT_EXTENSIONS = List.of(".csv", ".txt", ".tsv");
  private static final List<String> PARQUET_EXTENSIONS = List.of(".parquet", ".parq", ".pq");
  /** Files that travel with releases but never hold records; skipped inside folders. */
  static final List<String> COMPANION_EXTENSIONS =
      List.of(".crc", ".json", ".md", ".pdf", ".yaml", ".yml", ".html", ".htm", ".docx", ".doc", ".log");

  private final Configuration hadoopConfiguration;

  InputExpander(Configuration hadoopConfiguration) {
    this.hadoopConfiguration = hadoopConfiguration;
  }

  /**
   * @throws InputException when no path is given, a path does not exist, a folder holds no
   *     readable file, a file type is not supported, or the same file is given twice
   */
  List<InputFile> expand(List<String> userPaths) {
    if (userPaths == null || userPaths.isEmpty()) {
      throw new InputException(
          "Cannot load inputs: no input path was given. Pass at least one --input PATH.");
    }
    List<InputFile> files = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (String userPath : userPaths) {
      if (userPath == null || userPath.isBlank()) {
        throw new InputException(
            "Cannot read input '': the path is blank. Pass a file or folder path.");
      }
      Path path = new Path(userPath);
      FileStatus status;
      FileSystem fs;
      try {
        fs = path.getFileSystem(hadoopConfiguration);
        status = fs.getFileStatus(path);
      } catch (FileNotFoundException e) {
        throw new InputException(
            "Cannot read input '"
                + userPath
                + "': the path does not exist. Check the spelling and the working directory.",
            e);
      } catch (IOException | IllegalArgumentException e) {
        throw new InputException(
            "Cannot read input '" + userPath + "': " + e.getMessage() + ". Check the path.", e);
      }
      List<FileStatus> found = new ArrayList<>();
      if (status.isDirectory()) {
        found.addAll(listFolder(fs, status.getPath(), userPath));
        if (found.isEmpty()) {
          throw new InputException(
              "Cannot read folder '"
                  + userPath
                  + "': it holds no data file (.csv, .txt, .tsv, their .gz, .xlsx, or .parquet)."
                  + " Check the folder.");
        }
      } else {
        found.add(status);
      }
      for (FileStatus file : found) {
        String qualified = fs.makeQualified(file.getPath()).toUri().toString();
        String sourceName =
            status.isDirectory() ? childName(userPath, status.getPath(), file.getPath()) : userPath;
        if (!seen.add(qualified)) {
          throw new InputException(
              "Cannot load input '"
                  + sourceName
                  + "': the same file is given twice. Pass each file or folder once.");
        }
        files.add(classify(files.size(), sourceName, userPath, qualified));
      }
    }
    return List.copyOf(files);
  }

  private static List<FileStatus> listFolder(FileSystem fs, Path folder, String userPath) {
    List<FileStatus> files = new ArrayList<>();
    try {
      RemoteIterator<LocatedFileStatus> it = fs.listFiles(folder, true);
      while (it.hasNext()) {
        LocatedFileStatus file = it.next();
        if (!isIgnored(folder, file.getPath())) {
          files.add(file);
        }
      }
    } catch (IOException e) {
      throw new InputException(
          "Cannot list folder '" + userPath + "': " + e.getMessage() + ". Check permissions.", e);
    }
    files.sort(Comparator.comparing(file -> file.getPath().toString()));
    return files;
  }

  /** Hidden, bookkeeping and checksum files, judged on every path part below the folder. */
  private static boolean isIgnored(Path folder, Path file) {
    for (Path p = file; p != null && !p.equals(folder); p = p.getParent()) {
      String name = p.getName();
      // "~$name.xlsx" is the lock file Excel leaves beside an open workbook.
      if (name.startsWith(".") || name.startsWith("_") || name.startsWith("~$")) {
        return true;
      }
    }
    String name = file.getName().toLowerCase(Locale.ROOT);
    return COMPANION_EXTENSIONS.stream().anyMatch(name::endsWith);
  }

  private static String childName(String userPath, Path folder, Path file) {
    String relative = folder.toUri().relativize(file.toUri()).getPath();
    String base = userPath.endsWith("/") ? userPath.substring(0, userPath.length() - 1) : userPath;
    return base + "/" + relative;
  }

  private static InputFile classify(int index, String sourceName, String userPath, String path) {
    String name = sourceName.toLowerCase(Locale.ROOT);
    for (String extension : PARQUET_EXTENSIONS) {
      if (name.endsWith(extension)) {
        return new InputFile(index, sourceName, userPath, path, InputFile.Kind.PARQUET, false);
      }
    }
    for (String extension : TEXT_EXTENSIONS) {
      if (name.endsWith(extension)) {
        return new InputFile(index, sourceName, userPath, path, InputFile.Kind.TEXT, false);
      }
      if (name.endsWith(extension + ".gz")) {
        return new InputFile(index, sourceName, userPath, path, InputFile.Kind.TEXT, true);
      }
    }
    if (name.endsWith(".xlsx") || name.endsWith(".xlsm")) {
      return new InputFile(index, sourceName, userPath, path, InputFile.Kind.XLSX, false);
    }
    if (name.endsWith(".xls")) {
      throw new InputException(WorkbookFile.oldFormatMessage(sourceName));
    }
    throw new InputException(
        "Cannot read file '"
            + sourceName
            + "': this file type is not supported. Pass .csv, .txt (comma, pipe or tab), .tsv,"
            + " their .gz, .xlsx workbooks, or Parquet files.");
  }
}
