package org.nashlab.api;

/** Opens a source of training samples. */
public interface Dataset {
  DataSource open(DatasetContext context);
}
