/**
 * SeqGAN (Yu et al. 2017, "SeqGAN: Sequence Generative Adversarial Nets with Policy Gradient"):
 * sequences of discrete tokens, an LSTM generator trained by maximum likelihood and then by policy
 * gradient with rewards from a CNN discriminator estimated by Monte Carlo rollouts; with the
 * paper's synthetic oracle ({@code oracle-sequences}), a user's text ({@code text-lines}) and the
 * metrics {@code nll-oracle} and {@code bleu}. Written on {@code nash-api} only.
 */
package org.nashlab.variant.seqgan;
