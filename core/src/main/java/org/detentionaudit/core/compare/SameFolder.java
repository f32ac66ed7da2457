package org.detentionaudit.core.compare;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;

/** Whether two folder names denote one folder: the same qualified path, or one real local folder. */
final class SameFolder {
  private SameFolder() {}

  static boolean same(Configuration conf, String a, String b) {
    try {
      Path pa = qualified(conf, a);
      Path pb = qualified(conf, b);
      if (pa.equals(pb)) {
        return true;
      }
      if ("file".equals(pa.toUri().getScheme()) && "file".equals(pb.toUri().getScheme())) {
        java.nio.file.Path la = java.nio.file.Path.of(pa.toUri());
        java.nio.file.Path lb = java.nio.file.Path.of(pb.toUri());
        try {
          return Files.isSameFile(la, lb);
        } catch (NoSuchFileException e) {
          return false;
        }
      }
      return false;
    } catch (IOException e) {
      return false;
    }
  }

  private static Path qualified(Configuration conf, String dir) throws IOException {
    Path p = new Path(dir);
    return p.getFileSystem(conf).makeQualified(p);
  }
}
