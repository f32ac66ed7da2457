package org.detentionaudit.jobs.cluster;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * A throwaway {@code SPARK_HOME} laid out like a Spark distribution: {@code jars/} holds Spark and
 * its dependencies (links to the jars of the test class path), {@code conf/} is empty, so no
 * {@code spark-defaults.conf} of the machine leaks in.
 *
 * <p>What goes into {@code jars/} is what the cluster provides and the thin job jar must not: every
 * jar of the test class path except those that hold a class the thin jar also holds (they are
 * bundled in it: our modules, Deequ, picocli, POI, ...) or any {@code org.detentionaudit} class.
 * Folders of classes (our modules' build output) are left out. So the executors can only run the
 * job with the classes the thin jar brings, as on a real cluster. A library that Spark needs and
 * the thin jar bundles unrelocated is thus missing from the cluster, and the master or worker fails
 * to start with a {@code NoClassDefFoundError}: bundling a second copy of a cluster library is a
 * mistake of the shade configuration (the cluster's copy would shadow it anyway).
 *
 * <p>Why a Spark home at all: a standalone worker builds each executor's command with Spark's
 * launcher, which takes the class path from {@code $SPARK_HOME/jars/*} (it fails with "Library
 * directory ... does not exist" without it), the Scala version from {@code SPARK_SCALA_VERSION}
 * (without it, from {@code launcher/target/scala-*} of a source tree: "Cannot find any build
 * directories"), and {@code java} from {@code JAVA_HOME}.
 */
final class SparkHome {
  private final Path home;
  private final String scalaBinaryVersion;

  private SparkHome(Path home, String scalaBinaryVersion) {
    this.home = home;
    this.scalaBinaryVersion = scalaBinaryVersion;
  }

  /**
   * Lays out a Spark home in {@code dir}.
   *
   * @param classPath the test class path (jars and folders)
   * @param thinJar the spark-submit jar whose classes the cluster must not provide
   * @param scalaBinaryVersion Spark's Scala version, {@code 2.12}
   */
  static SparkHome create(Path dir, List<Path> classPath, Path thinJar, String scalaBinaryVersion)
      throws IOException {
    Set<String> bundled = classesIn(thinJar);
    Path jarsDir = Files.createDirectories(dir.resolve("jars"));
    Files.createDirectories(dir.resolve("conf"));
    List<Path> linked = new ArrayList<>();
    for (Path entry : classPath) {
      if (!Files.isRegularFile(entry) || !entry.toString().endsWith(".jar") || isBundled(entry, bundled)) {
        continue;
      }
      Path link = jarsDir.resolve(entry.getFileName());
      if (Files.exists(link, LinkOption.NOFOLLOW_LINKS)) {
        link = jarsDir.resolve(linked.size() + "-" + entry.getFileName()); // two jars of one name
      }
      linked.add(Files.createSymbolicLink(link, entry.toAbsolutePath()));
    }
    if (linked.stream().noneMatch(jar -> jar.getFileName().toString().startsWith("spark-core_"))) {
      throw new IllegalStateException(
          "Cannot lay out a Spark home in " + dir + ": no spark-core jar on the test class path " + classPath);
    }
    return new SparkHome(dir, scalaBinaryVersion);
  }

  /** The test class path of this JVM: failsafe's real one (java.class.path is a manifest-only jar there). */
  static List<Path> testClassPath() {
    String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    return Arrays.stream(classPath.split(File.pathSeparator))
        .filter(s -> !s.isBlank())
        .map(Path::of)
        .toList();
  }

  Path home() {
    return home;
  }

  /** The class path Spark's own scripts use: {@code $SPARK_HOME/conf:$SPARK_HOME/jars/*}. */
  String classPath() {
    return home.resolve("conf") + File.pathSeparator + home.resolve("jars") + File.separator + "*";
  }

  /**
   * The environment for a master, worker or driver JVM: this JVM's, less every {@code SPARK_*},
   * Hadoop and YARN setting of the machine, plus this Spark home, the Scala version, this JVM's
   * Java, and {@code SPARK_LOCAL_IP=127.0.0.1}.
   */
  Map<String, String> environment() {
    Map<String, String> env = new TreeMap<>(System.getenv());
    env.keySet().removeIf(k -> k.startsWith("SPARK_") || k.startsWith("HADOOP_") || k.startsWith("YARN_"));
    env.put("SPARK_HOME", home.toString());
    env.put("SPARK_CONF_DIR", home.resolve("conf").toString());
    env.put("SPARK_SCALA_VERSION", scalaBinaryVersion);
    env.put("SPARK_LOCAL_IP", "127.0.0.1");
    env.put("JAVA_HOME", System.getProperty("java.home"));
    return env;
  }

  private static Set<String> classesIn(Path jar) throws IOException {
    Set<String> classes = new HashSet<>();
    try (JarFile file = new JarFile(jar.toFile())) {
      for (Enumeration<JarEntry> e = file.entries(); e.hasMoreElements(); ) {
        String name = e.nextElement().getName();
        if (isClass(name)) {
          classes.add(name);
        }
      }
    }
    if (classes.isEmpty()) {
      throw new IllegalStateException("Cannot use " + jar + " as the job jar: it holds no class");
    }
    return classes;
  }

  private static boolean isBundled(Path jar, Set<String> bundled) {
    try (JarFile file = new JarFile(jar.toFile())) {
      for (Enumeration<JarEntry> e = file.entries(); e.hasMoreElements(); ) {
        String name = e.nextElement().getName();
        if (isClass(name) && (bundled.contains(name) || name.startsWith("org/detentionaudit/"))) {
          return true;
        }
      }
      return false;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read class path jar " + jar, e);
    }
  }

  private static boolean isClass(String entryName) {
    return entryName.endsWith(".class") && !entryName.endsWith("module-info.class");
  }
}
