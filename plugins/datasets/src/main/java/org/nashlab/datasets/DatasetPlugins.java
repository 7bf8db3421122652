package org.nashlab.datasets;

import org.nashlab.api.PluginModule;

/** Registers the built-in datasets. */
public final class DatasetPlugins extends PluginModule {
  @Override
  protected void configurePlugins() {
    datasets()
        .add("ring", RingDataset.class)
        .add("grid", GridDataset.class)
        .add("fashion-mnist", FashionMnistDataset.class)
        .add("mnist", MnistDataset.class)
        .add("stacked-mnist", StackedMnistDataset.class)
        .add("cifar10", Cifar10Dataset.class)
        .add("image-folder", ImageFolderDataset.class);
  }
}
