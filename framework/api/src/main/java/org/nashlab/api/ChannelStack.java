package org.nashlab.api;

/**
 * A capability of data sources whose every sample stacks independent samples of another labelled
 * set as its channels, such as Stacked MNIST: a classifier of that set labels each channel, and the
 * sample's mode is the channels' labels read as digits, first channel first.
 */
public interface ChannelStack {
  /** The single-channel set each channel is drawn from. */
  IndexedSource channels();
}
