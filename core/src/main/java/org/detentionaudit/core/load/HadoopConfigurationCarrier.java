package org.detentionaudit.core.load;

import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import org.apache.hadoop.conf.Configuration;

/**
 * Ships the driver's Hadoop configuration (file-system settings and credentials the user gave
 * Spark) to executors, so tasks open files exactly as the driver does.
 */
final class HadoopConfigurationCarrier implements Serializable {
  private static final long serialVersionUID = 1L;

  private transient Configuration configuration;

  HadoopConfigurationCarrier(Configuration configuration) {
    this.configuration = new Configuration(configuration);
  }

  Configuration configuration() {
    return configuration;
  }

  private void writeObject(ObjectOutputStream out) throws IOException {
    out.defaultWriteObject();
    configuration.write(out);
  }

  private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
    in.defaultReadObject();
    configuration = new Configuration(false);
    configuration.readFields(in);
  }
}
