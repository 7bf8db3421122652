package org.nashlab.config;

/** Where a trial's ops run ({@code training.device}). */
public enum Device {
  /** TensorFlow's choice: the GPU when the CUDA build and a GPU are there, else the CPU. */
  AUTO,
  /** The CPU only; GPUs are hidden from the session. */
  CPU,
  /** Ops pinned to the first visible GPU ({@code CUDA_VISIBLE_DEVICES} picks it). */
  GPU
}
