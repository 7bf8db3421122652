package org.nashlab.variant.seqgan;

import org.nashlab.api.PluginModule;

/** Registers SeqGAN, its datasets of token sequences and their metrics. */
public final class SeqGanPlugins extends PluginModule {
  @Override
  protected void configurePlugins() {
    variants().add("seqgan", SeqGan.class);
    datasets()
        .add("oracle-sequences", OracleSequencesDataset.class)
        .add("text-lines", TextLinesDataset.class);
    metrics().add("nll-oracle", NllOracleMetric.class).add("bleu", BleuMetric.class);
  }
}
